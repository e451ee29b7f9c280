/**
 * Snippet templates built from a schema: the whole assessment skeleton (New Assessment) and one
 * scenario (Insert Scenario). Filled with their default placeholder text, they lint with no errors
 * against the schema they were built from; a unit test holds them to that.
 */
// From the estimative module itself, not the core's index: the index would bundle the Markdown
// parser into the extension, which never parses.
import { yardstickVocabulary } from '../../../server/src/core/estimative/index.js';
import type { FieldSpec, Schema } from '../../../server/src/core/schema/types.js';
import { escapeSnippetText, TabStops } from './snippetText.js';

export const HORIZONS = ['Short Term', 'Medium Term', 'Long Term'];

/** Probabilities (percent) the default terms stand for: a most-likely scenario, and a risk scenario. */
const LIKELY = 70;
const UNLIKELY = 30;

/**
 * The schema's yardstick terms for a choice, strongest first, with the term for `probability`
 * moved to the front (a choice inserts its first option). Only ICD 203's row 1, so a skeleton
 * never mixes rows.
 */
export function likelihoodChoices(schema: Schema, probability = LIKELY): string[] {
  const terms = yardstickVocabulary(schema).terms.filter((term) => term.row === undefined || term.row === 1);
  const width = (band: readonly [number, number]): number => band[1] - band[0];
  const fitting = terms.filter(({ band }) => band[0] <= probability && probability <= band[1]).sort((a, b) => width(a.band) - width(b.band))[0];
  const names = terms.map((term) => term.term);
  return fitting ? [fitting.term, ...names.filter((name) => name !== fitting.term)] : names;
}

/** The schema's confidence levels, in lower case for running text, the middle one first. */
export function confidenceChoices(schema: Schema): string[] {
  const levels = yardstickVocabulary(schema).confidenceLevels.map((level) => level.toLowerCase());
  const middle = levels[Math.floor((levels.length - 1) / 2)];
  return middle === undefined ? ['moderate'] : [middle, ...levels.filter((level) => level !== middle)];
}

/** Fields a scenario template always offers besides the required ones, when the schema has them. */
const OFFERED_FIELDS = ['indicators', 'likelihood'];

const SAMPLE_SIGN_OFF = { agentId: 'AB-01', role: 'Analyst' };

export interface ScenarioTemplateOptions {
  /** Ranking labels offered, the default first. */
  labels?: readonly string[];
  marker?: string;
  /** Defaults for the field texts, by field id (so two scenarios in one skeleton never share a trigger). */
  texts?: Record<string, string>;
  title?: string;
  /** The probability the default likelihood term stands for. */
  probability?: number;
}

export function scenarioSnippet(schema: Schema, options: ScenarioTemplateOptions = {}, stops = new TabStops()): string {
  const labels = options.labels ?? rankingLabels(schema);
  const heading = '#'.repeat(Math.min(schema.headingLevel + 1, 6));
  const lines = [
    `${heading} ${escapeSnippetText(options.marker ?? '🟢')} ${stops.choice(labels)} (${stops.choice(HORIZONS)}): ${stops.placeholder(options.title ?? 'Scenario title')}`,
    ...scenarioFields(schema).map((field) => `- ${escapeSnippetText(field.title)}: ${fieldValue(schema, field, options, stops)}`),
  ];
  return lines.join('\n');
}

export function assessmentSnippet(schema: Schema): string {
  const stops = new TabStops();
  const heading = '#'.repeat(schema.headingLevel);
  // The confidence statement belongs with the key judgments; a schema without them gets it in the
  // bottom line (or the first section), so the skeleton still says how sure it is.
  const confidenceHome =
    schema.sections.find((section) => section.role === 'judgments') ?? schema.sections.find((section) => section.role === 'bottom-line') ?? schema.sections[0];
  const confidence = (): string =>
    `We hold these judgments with ${stops.choice(confidenceChoices(schema))} confidence: ${stops.placeholder('what the sourcing and assumptions are')}.`;
  const blocks: string[] = [`# ${stops.placeholder('Assessment title')}`];
  for (const section of schema.sections) {
    const body: string[] = [];
    switch (section.role) {
      case 'scenarios':
        body.push(twoScenarios(schema, stops));
        break;
      case 'judgments':
        body.push(
          `1. ${stops.placeholder('First key judgment, in one sentence')} (${stops.choice(likelihoodChoices(schema))}).\n` +
            `2. ${stops.placeholder('Second key judgment, in one sentence')}.`,
        );
        break;
      case 'bottom-line':
        body.push(stops.placeholder('The answer to the question, in two or three sentences.'));
        break;
      default:
        body.push(stops.placeholder(`What the reader needs to know about the ${section.title.toLowerCase()}.`));
    }
    if (section === confidenceHome) body.push(confidence());
    blocks.push(`${heading} ${escapeSnippetText(section.title)}\n\n${body.join('\n\n')}`);
  }
  blocks.push(signOffLines(schema, stops));
  return `${blocks.join('\n\n')}\n`;
}

function twoScenarios(schema: Schema, stops: TabStops): string {
  const labels = rankingLabels(schema);
  const second = labels.includes('Risk Scenario') ? 'Risk Scenario' : (labels[1] ?? labels[0]!);
  return [
    scenarioSnippet(schema, { labels: [labels[0]!, ...labels.slice(1)], marker: '🟢', title: 'What most likely happens' }, stops),
    scenarioSnippet(
      schema,
      {
        labels: [second, ...labels.filter((label) => label !== second)],
        marker: '🔴',
        title: 'What could go wrong',
        texts: { trigger: 'The event that would tip events this way', outcome: 'Where that would lead', indicators: 'Early signs of this path' },
        probability: UNLIKELY,
      },
      stops,
    ),
  ].join('\n\n');
}

function rankingLabels(schema: Schema): string[] {
  return schema.scenarios.labels.length > 0 ? schema.scenarios.labels : ['Most Likely', 'Risk Scenario'];
}

function scenarioFields(schema: Schema): FieldSpec[] {
  return schema.scenarios.fields.filter((field) => field.required || OFFERED_FIELDS.includes(field.id));
}

function fieldValue(schema: Schema, field: FieldSpec, options: ScenarioTemplateOptions, stops: TabStops): string {
  if (field.id === 'likelihood') return stops.choice(likelihoodChoices(schema, options.probability));
  return stops.placeholder(options.texts?.[field.id] ?? FIELD_PROMPTS[field.id] ?? `${field.title} of this scenario`);
}

const FIELD_PROMPTS: Record<string, string> = {
  trigger: 'The event that would set this scenario off',
  outcome: 'What the situation looks like afterwards',
  indicators: 'What to watch for',
  rationale: 'Why this is the most likely path',
  risk: 'What could derail it',
  horizon: 'When',
};

/** The sign-off lines, with defaults that match the schema's pattern when the sample can. */
function signOffLines(schema: Schema, stops: TabStops): string {
  const sample = `${SAMPLE_SIGN_OFF.agentId}, ${SAMPLE_SIGN_OFF.role}`;
  const line = matches(schema.signOff.pattern, sample)
    ? `${stops.placeholder(SAMPLE_SIGN_OFF.agentId)}, ${stops.placeholder(SAMPLE_SIGN_OFF.role)}`
    : stops.placeholder(schema.signOff.template);
  return schema.signOff.organization === 'forbidden' ? line : `${line}\n${stops.placeholder('Organization')}`;
}

function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}
