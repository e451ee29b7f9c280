/**
 * The TextMate grammar injected into Markdown (syntaxes/tradecraft.injection.tmLanguage.json),
 * generated from the engine's own vocabulary: the built-in yardsticks' terms, the built-in
 * schema's section names, scenario labels and field names. A unit test keeps the file equal to
 * this (UPDATE_GRAMMAR=1 rewrites it).
 *
 * Scopes are standard ones (keyword.other, markup.heading, entity.name.section, variable.other,
 * constant.other), so every theme colours them. The grammar cannot know a workspace's schema; it
 * highlights the built-in vocabulary, which is what most assessments use.
 */
import { BUILTIN_YARDSTICKS } from '../../../server/src/core/estimative/index.js';
import type { Schema } from '../../../server/src/core/schema/types.js';

export const INJECTION_SCOPE = 'tradecraft.markdown.injection';

/**
 * Markdown, except where text is not prose: comments, code (fenced, indented, inline) and front matter.
 * `L:` puts these rules before Markdown's own at the same position, so a title line wins over a paragraph.
 */
export const INJECTION_SELECTOR = 'L:text.html.markdown -comment -markup.fenced_code -markup.inline.raw -markup.raw -meta.embedded.block.frontmatter';

/** Negations that keep a term from being one (“not likely”). */
const NEGATIONS = ['not ', 'never '];

/** A non-ASCII symbol or emoji (with its joiners and variation selectors), as title lines start with. */
// Never ASCII: backticks and carets are symbols too, and a fence must stay a fence.
const SYMBOL = '(?:[\\p{So}\\p{Sk}\\x{2190}-\\x{21FF}\\x{25A0}-\\x{25FF}\\x{2600}-\\x{27BF}&&[^\\x{00}-\\x{7F}]]|\\x{200D}|\\x{FE0F}|\\x{20E3})';
/** Where a block's text starts: the line start (up to three spaces in) or a container's content start. */
const BLOCK_START = '(?:^|\\G)[ ]{0,3}';
/** The text of an ATX heading starts after its hashes (the scenario header inside a heading). */
const AFTER_HASHES = `(?<=${[1, 2, 3, 4, 5, 6].map((depth) => `^${'#'.repeat(depth)} `).join('|')})`;

export function injectionGrammar(schema: Schema): Record<string, unknown> {
  const terms = unique(BUILTIN_YARDSTICKS.flatMap((yardstick) => yardstick.terms.flatMap((term) => term.forms)));
  const sections = unique(schema.sections.flatMap((section) => [section.title, ...section.aliases]));
  const labels = unique(schema.scenarios.labels);
  const fields = unique(schema.scenarios.fields.flatMap((field) => [field.title, ...field.aliases]));

  const scenarioParts = `(${SYMBOL}+\\s*)?(?i:(${alternation(labels)}))(?:\\s*(\\()([^)]*)(\\)))?\\s*(:)\\s*`;
  const scenarioCaptures = {
    1: { name: 'punctuation.definition.heading.tradecraft' },
    2: { name: 'keyword.other.scenario-label.tradecraft' },
    3: { name: 'punctuation.definition.horizon.begin.tradecraft' },
    4: { name: 'constant.other.horizon.tradecraft' },
    5: { name: 'punctuation.definition.horizon.end.tradecraft' },
    6: { name: 'punctuation.separator.scenario-title.tradecraft' },
    7: { name: 'entity.name.section.scenario.tradecraft', patterns: [{ include: '#likelihood' }] },
  };

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Tradecraft assessment markup',
    scopeName: INJECTION_SCOPE,
    injectionSelector: INJECTION_SELECTOR,
    patterns: [
      { include: '#scenario-header' },
      { include: '#section-title-line' },
      { include: '#sub-block-title-line' },
      { include: '#lead-in' },
      { include: '#field' },
      { include: '#sign-off' },
      { include: '#confidence' },
      { include: '#likelihood' },
    ],
    repository: {
      'scenario-header': {
        patterns: [
          {
            comment: 'A scenario header on a line of its own: `🟢 Most Likely (Short Term): Title`, also in bold.',
            match: `${BLOCK_START}(?:\\*\\*|__)?${scenarioParts}(.*?)(?:\\*\\*|__)?\\s*$`,
            name: 'markup.heading.scenario.tradecraft',
            captures: scenarioCaptures,
          },
          {
            comment: 'The same inside a Markdown heading: `### 🟢 Most Likely (Short Term): Title`.',
            match: `${AFTER_HASHES}\\s*${scenarioParts}(.*?)(?=\\s+#+\\s*$|\\s*$)`,
            name: 'meta.scenario-header.tradecraft',
            captures: scenarioCaptures,
          },
        ],
      },
      'section-title-line': {
        comment: 'A section written as a title line: `📍 Current Situation: Talks Set for Friday`.',
        match: `${BLOCK_START}(${SYMBOL}+)\\s*(?i:(${alternation(sections)}))(?=\\s*(?:$|:|\\s[—–-]\\s))(?:\\s*(:|\\s[—–-])\\s*(.*?))?\\s*$`,
        name: 'markup.heading.section.tradecraft',
        captures: {
          1: { name: 'punctuation.definition.heading.tradecraft' },
          2: { name: 'entity.name.section.tradecraft' },
          3: { name: 'punctuation.separator.subtitle.tradecraft' },
          4: { name: 'markup.heading.subtitle.tradecraft', patterns: [{ include: '#likelihood' }] },
        },
      },
      'sub-block-title-line': {
        comment: 'Any other short line led by a symbol is a sub-block title: `🔹 Official confirmation:`.',
        match: `${BLOCK_START}(${SYMBOL}+)\\s*([^\\s].{0,98}?)\\s*$`,
        name: 'markup.heading.sub-block.tradecraft',
        captures: {
          1: { name: 'punctuation.definition.heading.tradecraft' },
          2: { name: 'entity.name.section.sub-block.tradecraft', patterns: [{ include: '#likelihood' }] },
        },
      },
      'lead-in': {
        comment: 'A section introduced by a lead-in label: `Bottom line: …`.',
        begin: `${BLOCK_START}(?i:(${alternation(sections)}))\\s*(:)(?=\\s)`,
        end: '$',
        name: 'meta.lead-in.tradecraft',
        beginCaptures: {
          1: { name: 'entity.name.section.lead-in.tradecraft' },
          2: { name: 'punctuation.separator.lead-in.tradecraft' },
        },
        patterns: [{ include: 'text.html.markdown#inline' }],
      },
      field: {
        comment: 'A scenario field: `- Trigger: …` (or the same line without the bullet).',
        begin: `${BLOCK_START}(?:([*+-])[ \\t]+)?(?i:(${alternation(fields)}))[ \\t]*(:)(?=\\s|$)`,
        end: '$',
        name: 'meta.field.scenario.tradecraft',
        beginCaptures: {
          1: { name: 'punctuation.definition.list.begin.markdown' },
          2: { name: 'variable.other.field.tradecraft' },
          3: { name: 'punctuation.separator.key-value.tradecraft' },
        },
        patterns: [{ include: 'text.html.markdown#inline' }],
      },
      'sign-off': {
        comment: 'The accountability line: `US-01, US Agent` (and the author line `US-01, US Agent:`).',
        match: `${BLOCK_START}([A-Z]{2,3}-\\d{2})(,)[ \\t]+([^:]+?)(:?)[ \\t]*$`,
        name: 'meta.sign-off.tradecraft',
        captures: {
          1: { name: 'constant.other.agent-id.tradecraft' },
          2: { name: 'punctuation.separator.sign-off.tradecraft' },
          3: { name: 'variable.other.role.tradecraft' },
          4: { name: 'punctuation.separator.sign-off.tradecraft' },
        },
      },
      confidence: {
        comment: 'A confidence statement: “high confidence”, “moderate-to-high confidence”.',
        match: `(?i)\\b((?:very\\s+)?(?:high|moderate|medium|low)(?:(?:-to-|\\s+to\\s+|[-–/])(?:very\\s+)?(?:high|moderate|medium|low))?)(\\s+|-)(confidence)\\b`,
        name: 'constant.other.confidence.tradecraft',
      },
      likelihood: {
        comment: 'Probability terms of the ICD 203, PHIA and IPCC yardsticks, longest first; not after a negation.',
        match: `(?i)${NEGATIONS.map((negation) => `(?<!\\b${negation})`).join('')}\\b(?:${alternation(terms)})\\b`,
        name: 'keyword.other.likelihood.tradecraft',
      },
    },
  };
}

/** A regex alternation of literal phrases, longest first so “highly unlikely” wins over “unlikely”. */
function alternation(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/[’']/g, "['’]"))
    .join('|');
}

function unique(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}
