/** The rule registry: every rule, in a fixed order (the order their checks run and docs list them). */
import { bottomLinePosition } from './bottom-line-position.js';
import { dateAmbiguous } from './date-ambiguous.js';
import { dateWeekdayMismatch } from './date-weekday-mismatch.js';
import { disableUnknownRule } from './disable-unknown-rule.js';
import type { Rule } from './rule.js';
import { scenarioCount } from './scenario-count.js';
import { scenarioEmptyField } from './scenario-empty-field.js';
import { scenarioMissingField } from './scenario-missing-field.js';
import { scenarioNoHorizon } from './scenario-no-horizon.js';
import { scenarioSharedIndicator } from './scenario-shared-indicator.js';
import { schemaInvalid } from './schema-invalid.js';
import { documentSkipped } from './document-skipped.js';
import { sectionDuplicate } from './section-duplicate.js';
import { sectionEmpty } from './section-empty.js';
import { sectionMissing } from './section-missing.js';
import { sectionNotHeading } from './section-not-heading.js';
import { sectionOrder } from './section-order.js';
import { sectionUnknown } from './section-unknown.js';
import { signoffAuthorMismatch } from './signoff-author-mismatch.js';
import { signoffFormat } from './signoff-format.js';
import { signoffMissing } from './signoff-missing.js';
import { confidenceMissing } from './confidence-missing.js';
import { confidenceVocabulary } from './confidence-vocabulary.js';
import { confidenceWithLikelihood } from './confidence-with-likelihood.js';
import { likelihoodAbsolute } from './likelihood-absolute.js';
import { likelihoodFalsePrecision } from './likelihood-false-precision.js';
import { likelihoodMixedRows } from './likelihood-mixed-rows.js';
import { likelihoodMixedScales } from './likelihood-mixed-scales.js';
import { likelihoodRangeMismatch } from './likelihood-range-mismatch.js';
import { likelihoodUnknownTerm } from './likelihood-unknown-term.js';
import { scenarioNoLikelihood } from './scenario-no-likelihood.js';
import { scenarioRankInconsistent } from './scenario-rank-inconsistent.js';

export const RULES: readonly Rule[] = [
  // Structure
  sectionMissing,
  sectionOrder,
  sectionEmpty,
  sectionDuplicate,
  sectionNotHeading,
  sectionUnknown,
  bottomLinePosition,
  // Scenarios
  scenarioCount,
  scenarioMissingField,
  scenarioEmptyField,
  scenarioNoHorizon,
  scenarioSharedIndicator,
  // Sign-off
  signoffMissing,
  signoffFormat,
  signoffAuthorMismatch,
  // Estimative language
  likelihoodUnknownTerm,
  likelihoodMixedRows,
  likelihoodMixedScales,
  likelihoodRangeMismatch,
  likelihoodFalsePrecision,
  likelihoodAbsolute,
  confidenceWithLikelihood,
  confidenceVocabulary,
  confidenceMissing,
  scenarioNoLikelihood,
  scenarioRankInconsistent,
  // Consistency
  dateWeekdayMismatch,
  dateAmbiguous,
  // Engine-level
  schemaInvalid,
  documentSkipped,
  disableUnknownRule,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
