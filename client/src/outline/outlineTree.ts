/**
 * The Assessment Outline as a plain tree: two roots, Actors and Scenarios, built from the
 * server's outline. No VS Code here; the view turns these nodes into tree items.
 */
import type { Outline } from '../../../server/src/core/outline.js';

export type OutlineIcon =
  | 'actors'
  | 'actor'
  | 'position'
  | 'mention'
  | 'scenarios'
  | 'scenario'
  | 'scenario-warning'
  | 'field'
  | 'field-missing';

export interface OutlineNode {
  /** Stable across refreshes, so the view keeps what the user expanded. */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  icon: OutlineIcon;
  /** 1-based line that clicking the node reveals. */
  line?: number;
  /** Whether the node starts expanded (only meaningful when it has children). */
  expanded: boolean;
  children: OutlineNode[];
}

/** A finding on the document, as far as the tree needs it. */
export interface LineProblem {
  rule: string;
  /** 1-based line where the finding starts. */
  line: number;
  message: string;
}

export interface FieldInfo {
  id: string;
  title: string;
  required: boolean;
}

export interface OutlineTreeOptions {
  /**
   * The document's findings. A scenario is flagged when a `scenario-missing-field` finding sits on
   * its header line; without findings (not yet validated) the schema's required fields decide.
   */
  problems?: readonly LineProblem[];
  /** The schema's scenario fields: their titles, and which are required. */
  fields?: readonly FieldInfo[];
  /** The text of a 1-based line, for mention excerpts. */
  lineText?: (line: number) => string | undefined;
}

const MISSING_FIELD_RULE = 'scenario-missing-field';
const EXCERPT_LENGTH = 80;

export function buildOutlineTree(outline: Outline, options: OutlineTreeOptions = {}): OutlineNode[] {
  return [actorsRoot(outline, options), scenariosRoot(outline, options)];
}

function actorsRoot(outline: Outline, options: OutlineTreeOptions): OutlineNode {
  const actors = outline.actors.filter((actor) => actor.mentions > 0 || actor.positions.length > 0);
  return {
    id: 'actors',
    label: 'Actors',
    description: actors.length === 0 ? 'none found' : String(actors.length),
    icon: 'actors',
    expanded: true,
    children: actors.map((actor) => {
      const id = `actor:${actor.name}`;
      const positions: OutlineNode[] = actor.positions.map((position, index) => ({
        id: `${id}:position:${index}`,
        label: position.label,
        description: `position · line ${position.line}`,
        icon: 'position',
        line: position.line,
        expanded: false,
        children: [],
      }));
      const mentions: OutlineNode[] = countByLine(actor.mentionLines).map(([line, count]) => {
        const text = options.lineText?.(line)?.trim();
        return {
          id: `${id}:line:${line}`,
          label: text ? excerpt(text) : `Line ${line}`,
          description: count > 1 ? `line ${line} · ${count}×` : `line ${line}`,
          ...(text ? { tooltip: text } : {}),
          icon: 'mention',
          line,
          expanded: false,
          children: [],
        };
      });
      const description = [plural(actor.mentions, 'mention'), actor.positions.length > 0 ? plural(actor.positions.length, 'position') : '']
        .filter(Boolean)
        .join(' · ');
      return {
        id,
        label: actor.name,
        description,
        tooltip: `${actor.name}: ${description}${actor.source === 'gazetteer' ? ' (recognised from the gazetteer of states)' : ''}`,
        icon: 'actor',
        ...(actor.firstLine !== null ? { line: actor.firstLine } : {}),
        expanded: false,
        children: [...positions, ...mentions],
      };
    }),
  };
}

function scenariosRoot(outline: Outline, options: OutlineTreeOptions): OutlineNode {
  const titles = new Map(options.fields?.map((field) => [field.id, field.title]));
  const required = options.fields?.filter((field) => field.required) ?? [];
  return {
    id: 'scenarios',
    label: 'Scenarios',
    description: outline.scenarios.length === 0 ? 'none found' : String(outline.scenarios.length),
    icon: 'scenarios',
    expanded: true,
    children: outline.scenarios.map((scenario, index) => {
      const id = `scenario:${index}`;
      const absent = required.filter((field) => !(field.id in scenario.fields));
      const complaints = options.problems
        ? options.problems.filter((problem) => problem.rule === MISSING_FIELD_RULE && problem.line === scenario.line).map((problem) => problem.message)
        : absent.map((field) => `Required field “${field.title}” is missing.`);
      const warn = complaints.length > 0;

      const present: OutlineNode[] = Object.entries(scenario.fieldLines)
        .sort(([, a], [, b]) => a - b)
        .map(([fieldId, line]) => {
          const value = scenario.fields[fieldId] ?? '';
          return {
            id: `${id}:field:${fieldId}`,
            label: titles.get(fieldId) ?? titleCase(fieldId),
            description: value === '' ? 'empty' : excerpt(value),
            ...(value !== '' ? { tooltip: value } : {}),
            icon: 'field',
            line,
            expanded: false,
            children: [],
          };
        });
      // Missing required fields are listed only while the scenario is flagged, so a rule the user
      // turned off does not keep nagging here.
      const missing: OutlineNode[] = warn
        ? absent.map((field) => ({
            id: `${id}:missing:${field.id}`,
            label: field.title,
            description: 'missing',
            tooltip: `Required field “${field.title}” is missing.`,
            icon: 'field-missing',
            line: scenario.line,
            expanded: false,
            children: [],
          }))
        : [];

      const likelihood = scenario.likelihood ? `${scenario.likelihood.term} (${formatBand(scenario.likelihood.band)})` : undefined;
      const description = [likelihood, scenario.horizon ?? undefined].filter(Boolean).join(' · ');
      const heading = `${scenario.label}${scenario.horizon ? ` (${scenario.horizon})` : ''}: ${scenario.title}`;
      return {
        id,
        label: scenario.title === '' ? scenario.label : `${scenario.label}: ${scenario.title}`,
        ...(description ? { description } : {}),
        tooltip: [heading, ...complaints].join('\n'),
        icon: warn ? 'scenario-warning' : 'scenario',
        line: scenario.line,
        expanded: true,
        children: [...present, ...missing],
      };
    }),
  };
}

/** `[55, 80]` → `55–80%`. */
export function formatBand([low, high]: readonly [number, number]): string {
  return low === high ? `${low}%` : `${low}–${high}%`;
}

function countByLine(lines: readonly number[]): [number, number][] {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a - b);
}

function excerpt(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length <= EXCERPT_LENGTH ? single : `${single.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function titleCase(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
}
