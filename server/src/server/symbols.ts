/**
 * Hierarchical document symbols: the title, then sections → sub-blocks and scenarios → fields;
 * an Actors group with each actor and its position blocks; the sign-off.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Actor, Scenario, Section, SourceText, Span } from '../core/index.js';
import type { AssessmentAnalysis } from './analysis.js';

export function documentSymbols(analysis: AssessmentAnalysis): DocumentSymbol[] {
  const { model, parsed } = analysis.result;
  const { source } = parsed;
  const symbol = (name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => {
    const result: DocumentSymbol = { name: displayName(name), kind, range: source.rangeOf(span), selectionRange: source.rangeOf(selection) };
    if (detail) result.detail = detail;
    if (children?.length) result.children = children;
    return result;
  };

  const sections = model.sections.map((section) => {
    const children = blocksOf(section, analysis, source).map((block) => {
      if (block.kind === 'sub-block') return symbol(block.title, SymbolKind.Namespace, block.span, block.selection);
      const { scenario } = block;
      const fields = scenario.fields.map((field) =>
        symbol(field.name, SymbolKind.Field, { start: field.span.start, end: Math.max(field.span.end, field.valueSpan.end) }, field.nameSpan, shorten(field.value)),
      );
      const detail = [scenario.horizon && `(${scenario.horizon})`, scenario.title].filter(Boolean).join(' ');
      return symbol(scenario.label || scenario.title, SymbolKind.Event, block.span, scenario.header.span, detail, fields);
    });
    return symbol(section.spec.title, SymbolKind.Module, section.span, section.header.span, section.header.subtitle, children);
  });

  const symbols: DocumentSymbol[] = [];
  if (model.title) {
    const end = Math.max(model.title.span.end, ...model.sections.map((section) => section.span.end));
    symbols.push(symbol(model.title.text, SymbolKind.File, { start: model.title.span.start, end }, model.title.span, undefined, sections));
  } else {
    symbols.push(...sections);
  }

  const actors = model.actors.flatMap((actor) => actorSymbol(actor, symbol));
  if (actors.length > 0) {
    const spans = actors.map((actor) => ({ start: source.offsetAt(actor.range.start), end: source.offsetAt(actor.range.end) }));
    const group = { start: Math.min(...spans.map((span) => span.start)), end: Math.max(...spans.map((span) => span.end)) };
    symbols.push(symbol('Actors', SymbolKind.Package, group, spans[0]!, `${actors.length}`, actors));
  }

  const { signOff } = model;
  if (signOff) {
    const end = signOff.organizationSpan?.end ?? signOff.span.end;
    const detail = [signOff.role, signOff.organization].filter(Boolean).join(' · ');
    symbols.push(symbol(`Sign-off: ${signOff.agentId}`, SymbolKind.Key, { start: signOff.span.start, end }, signOff.span, detail));
  }
  return symbols;
}

type MakeSymbol = (name: string, kind: SymbolKind, span: Span, selection: Span, detail?: string, children?: DocumentSymbol[]) => DocumentSymbol;

function actorSymbol(actor: Actor, symbol: MakeSymbol): DocumentSymbol[] {
  const first = actor.mentions[0]?.span ?? actor.positions[0]?.span;
  if (!first) return [];
  const spans = [...actor.mentions.map((mention) => mention.span), ...actor.positions.map((position) => position.span)];
  const span = { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
  const positions = actor.positions.map((position) => symbol(position.label, SymbolKind.Property, position.span, position.span));
  const mentions = actor.mentions.length === 1 ? '1 mention' : `${actor.mentions.length} mentions`;
  return [symbol(actor.name, SymbolKind.Object, span, first, mentions, positions)];
}

export type Block =
  | { kind: 'sub-block'; title: string; span: Span; selection: Span }
  | { kind: 'scenario'; scenario: Scenario; span: Span };

/**
 * The sub-blocks and scenarios of a section in document order. A sub-block's header is one line;
 * its block runs to the next sibling or the section's end, so an editor can follow the cursor.
 */
export function blocksOf(section: Section, analysis: AssessmentAnalysis, source: SourceText): Block[] {
  const inside = (span: Span) => span.start >= section.span.start && span.start < section.span.end;
  const blocks: Block[] = [
    ...section.children.map((child): Block => ({ kind: 'sub-block', title: child.title, span: { ...child.span }, selection: child.span })),
    ...analysis.result.model.scenarios.filter((scenario) => inside(scenario.span)).map((scenario): Block => ({ kind: 'scenario', scenario, span: scenario.span })),
  ].sort((a, b) => a.span.start - b.span.start);
  blocks.forEach((block, index) => {
    if (block.kind !== 'sub-block') return;
    const next = blocks[index + 1]?.span.start ?? section.span.end;
    const text = source.text.slice(block.span.start, next);
    block.span.end = Math.max(block.span.end, block.span.start + text.trimEnd().length);
  });
  return blocks;
}

/** Editors reject empty symbol names. */
function displayName(name: string): string {
  return name.trim() === '' ? '(untitled)' : name.trim();
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
