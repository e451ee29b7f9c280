/** What the status-bar item says for the active assessment: the schema in use and its error/warning counts. */
import type { FindingCounts } from '../../../server/src/protocol.js';

export interface StatusText {
  /** With `$(icon)` codicons, as the status bar renders them. */
  text: string;
  tooltip: string;
}

export function statusText(schema: string, counts: FindingCounts): StatusText {
  const problems = `$(error) ${counts.errors} $(warning) ${counts.warnings}`;
  const detail = [
    `${counts.errors} error${counts.errors === 1 ? '' : 's'}`,
    `${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`,
    `${counts.infos} info${counts.infos === 1 ? '' : 's'}`,
    `${counts.hints} hint${counts.hints === 1 ? '' : 's'}`,
  ].join(', ');
  return {
    text: `$(checklist) ${shortSchemaName(schema)} ${problems}`,
    tooltip: `Tradecraft: checked against ${schema}\n${detail}\nClick to open the Problems view.`,
  };
}

/** `builtin:standard` stays as is; a file path shows its last segment, which is what tells schemas apart. */
export function shortSchemaName(schema: string): string {
  if (schema.startsWith('builtin:')) return schema;
  const segments = schema.split(/[\\/]/).filter(Boolean);
  const last = segments[segments.length - 1] ?? schema;
  // Every schema file is called tradecraft.schema.*: its folder is the telling part.
  const folder = segments[segments.length - 2];
  return /^tradecraft\.schema\.(ya?ml|json)$/i.test(last) && folder ? `${folder}/${last}` : last;
}
