/** What the server would answer for a document: its outline result and findings, computed by the core. */
import { readFileSync } from 'node:fs';
import { builtinSchema, lintText, toOutline, type Finding } from '../../../server/src/core/index.js';
import type { OutlineResult } from '../../../server/src/protocol.js';
import type { PreviewFinding } from '../../../client/src/preview/renderPreview.js';
import { corpusDocument } from '../../support/paths.js';

export interface Checked {
  text: string;
  result: OutlineResult;
  findings: Finding[];
  /** The findings as the client reads them back from diagnostics. */
  previewFindings: PreviewFinding[];
}

export function check(text: string, path = 'doc.assessment.md'): Checked {
  const { model, parsed, findings } = lintText(text, { schema: builtinSchema() });
  const counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const finding of findings) counts[`${finding.severity}s`]++;
  return {
    text,
    result: { outline: toOutline(model, parsed.source, path, 'builtin:standard'), schema: 'builtin:standard', counts },
    findings,
    previewFindings: findings.map((finding) => ({ severity: finding.severity, message: finding.message, rule: finding.rule, line: finding.range.start.line + 1 })),
  };
}

export function corpusText(): string {
  return readFileSync(corpusDocument, 'utf8');
}
