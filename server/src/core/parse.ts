/**
 * Markdown parsing (unified + remark-parse, GFM, front matter) and a per-line view of the result.
 * Chat exports put section titles on lines that CommonMark folds into paragraphs or list items,
 * so the model is extracted per line; the tree only says which lines are code, HTML, front matter,
 * headings or tables, and where inline code and links are.
 */
import type { Root, RootContent, Nodes } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SourceText, type Line, type Span } from './text.js';

export type LineKind = 'blank' | 'text' | 'heading' | 'setext-underline' | 'code' | 'html' | 'frontmatter' | 'table' | 'thematic-break';

export interface ClassifiedLine extends Line {
  kind: LineKind;
  /** Heading depth (1–6) for `heading` lines. */
  depth?: number;
}

export interface ParsedDocument {
  source: SourceText;
  tree: Root;
  lines: ClassifiedLine[];
  /** Raw YAML of the front matter, when present. */
  frontMatter?: { value: string; span: Span };
  /** Spans of inline code, inline HTML and autolink/URL text: never prose. */
  nonProse: Span[];
  /** HTML comments (block or inline), for disable directives. */
  comments: { value: string; span: Span }[];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): ParsedDocument {
  const source = new SourceText(text);
  // micromark drops a leading BOM and counts offsets without it; ours count it.
  const bomShift = source.hasBom ? 1 : 0;
  const tree = processor.parse(bomShift ? text.slice(1) : text);
  const kinds: LineKind[] = source.lines.map((line) => (line.text.trim() === '' ? 'blank' : 'text'));
  const depths = new Map<number, number>();
  const nonProse: Span[] = [];
  const comments: { value: string; span: Span }[] = [];
  let frontMatter: ParsedDocument['frontMatter'];

  const markLines = (node: Nodes, kind: LineKind) => {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) return;
    for (let line = start - 1; line <= end - 1 && line < kinds.length; line++) kinds[line] = kind;
  };
  const spanOf = (node: Nodes): Span => ({
    start: (node.position?.start.offset ?? 0) + bomShift,
    end: (node.position?.end.offset ?? 0) + bomShift,
  });
  const collectComments = (node: Nodes) => {
    if (node.type !== 'html') return;
    const span = spanOf(node);
    for (const match of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
      const start = span.start + (match.index ?? 0);
      comments.push({ value: match[1] ?? '', span: { start, end: start + match[0].length } });
    }
  };

  const visitInline = (node: Nodes) => {
    if (node.type === 'inlineCode' || node.type === 'html') {
      nonProse.push(spanOf(node));
      collectComments(node);
      return;
    }
    if (node.type === 'link' && node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === node.url) {
      nonProse.push(spanOf(node));
      return;
    }
    if ('children' in node) for (const child of node.children) visitInline(child);
  };

  const visitBlock = (node: RootContent) => {
    switch (node.type) {
      case 'yaml':
        markLines(node, 'frontmatter');
        frontMatter = { value: node.value, span: spanOf(node) };
        return;
      case 'code':
        markLines(node, 'code');
        return;
      case 'html':
        markLines(node, 'html');
        collectComments(node);
        return;
      case 'table':
        markLines(node, 'table');
        visitInline(node);
        return;
      case 'thematicBreak':
        markLines(node, 'thematic-break');
        return;
      case 'heading': {
        const start = (node.position?.start.line ?? 1) - 1;
        const end = (node.position?.end.line ?? 1) - 1;
        kinds[start] = 'heading';
        depths.set(start, node.depth);
        // A setext heading's text may span lines; its last line is the underline.
        for (let line = start + 1; line <= end; line++) kinds[line] = line === end ? 'setext-underline' : 'heading';
        visitInline(node);
        return;
      }
      case 'paragraph':
        visitInline(node);
        return;
      default:
        // Containers (blockquote, list, list item, footnote definition) hold blocks.
        if ('children' in node) for (const child of node.children as RootContent[]) visitBlock(child);
    }
  };
  for (const child of tree.children) visitBlock(child);

  const lines: ClassifiedLine[] = source.lines.map((line, index) => {
    const kind = kinds[index] ?? 'text';
    const depth = depths.get(index);
    return depth === undefined ? { ...line, kind } : { ...line, kind, depth };
  });
  return frontMatter ? { source, tree, lines, frontMatter, nonProse, comments } : { source, tree, lines, nonProse, comments };
}
