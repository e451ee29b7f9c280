/**
 * Disable comments: `<!-- tradecraft-disable RULE[,RULE] -->` … `<!-- tradecraft-enable -->`,
 * `<!-- tradecraft-disable-next-line RULE -->` and `<!-- tradecraft-disable-file RULE -->`.
 * No rule named means every rule.
 */
import type { ParsedDocument } from './parse.js';
import type { SourceText, Span } from './text.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids as written; empty means all rules. */
  rules: { id: string; span: Span }[];
  span: Span;
  line: number;
}

const DIRECTIVE = /^\s*tradecraft-(disable-next-line|disable-file|disable|enable)(?=\s|$)/;

export function readDirectives(parsed: ParsedDocument): Directive[] {
  const directives: Directive[] = [];
  for (const comment of parsed.comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const listStart = comment.span.start + 4 + match[0].length;
    const rules: Directive['rules'] = [];
    for (const rule of comment.value.slice(match[0].length).matchAll(/[^\s,]+/g)) {
      if (rule[0] === '--') break;
      const start = listStart + (rule.index ?? 0);
      rules.push({ id: rule[0], span: { start, end: start + rule[0].length } });
    }
    directives.push({ kind: match[1] as DirectiveKind, rules, span: comment.span, line: parsed.source.positionAt(comment.span.start).line });
  }
  return directives;
}

/** Answers whether a rule is disabled on a line, from the directives of one document. */
export class Suppressions {
  private readonly fileWide = new Set<string>();
  private readonly nextLine = new Map<number, Set<string>>();
  /** Per rule (or `*`), the sorted line intervals [from, to) it is disabled in. */
  private readonly intervals = new Map<string, [number, number][]>();

  constructor(directives: readonly Directive[], source: SourceText) {
    const open = new Map<string, number>();
    const lineCount = source.lines.length;
    for (const directive of directives) {
      const ids = directive.rules.length > 0 ? directive.rules.map((rule) => rule.id) : ['*'];
      switch (directive.kind) {
        case 'disable-file':
          for (const id of ids) this.fileWide.add(id);
          break;
        case 'disable-next-line': {
          const endLine = source.positionAt(directive.span.end).line;
          const set = this.nextLine.get(endLine + 1) ?? new Set<string>();
          for (const id of ids) set.add(id);
          this.nextLine.set(endLine + 1, set);
          break;
        }
        case 'disable':
          for (const id of ids) if (!open.has(id)) open.set(id, directive.line);
          break;
        case 'enable': {
          const closing = directive.rules.length > 0 ? ids : [...open.keys()];
          for (const id of closing) {
            const from = open.get(id);
            if (from === undefined) continue;
            this.addInterval(id, from, directive.line + 1);
            open.delete(id);
          }
          break;
        }
      }
    }
    for (const [id, from] of open) this.addInterval(id, from, lineCount);
  }

  isDisabled(rule: string, line: number): boolean {
    if (this.fileWide.has(rule) || this.fileWide.has('*')) return true;
    const next = this.nextLine.get(line);
    if (next && (next.has(rule) || next.has('*'))) return true;
    return this.inInterval(rule, line) || this.inInterval('*', line);
  }

  private addInterval(id: string, from: number, to: number): void {
    const list = this.intervals.get(id) ?? [];
    list.push([from, to]);
    this.intervals.set(id, list);
  }

  private inInterval(id: string, line: number): boolean {
    return this.intervals.get(id)?.some(([from, to]) => line >= from && line < to) ?? false;
  }
}
