/** The core's public surface: what the language server, the CLI and the tests use. */
export { Engine, frontMatterSchema, type CheckRequest, type CheckResult } from './engine.js';
export { lintChanges, type DocumentChange } from './edit.js';
export { lintText, lintParsed, effectiveSeverity, type LintOptions, type LintResult } from './lint.js';
export { IncrementalParser, parseMarkdown, type ParsedDocument } from './parse.js';
export { applyEdits, applySafeFixes, chooseFixes } from './fixes.js';
export { compareFindings, SEVERITIES, type Finding, type Fix, type Severity, type SeveritySetting, type TextEdit } from './findings.js';
export { toOutline, type Outline } from './outline.js';
export { RULES, RULE_IDS, ruleById } from './rules/index.js';
export type { Rule, RuleContext, RuleFamily } from './rules/rule.js';
export { SourceText, type Position, type Range, type Span } from './text.js';
export { builtinSchema, checkSchemaText, loadSchema, BUILTIN_PREFIX, type SchemaHost, type SchemaProblem } from './schema/load.js';
export { resolveSchemaReference, SCHEMA_FILE_NAMES, type SchemaReference } from './schema/resolve.js';
export { BUILTIN_SCHEMAS, DEFAULT_BUILTIN } from './schema/builtin.js';
export type { Schema, SectionSpec, FieldSpec } from './schema/types.js';
export { MAX_BLOCK_BRACKETS, MAX_BLOCK_LINES, MAX_DOCUMENT_LENGTH, MAX_NESTING_DEPTH, reasonToSkip } from './limits.js';
export { isAssessment, isMarkdownPath, hasSchemaFrontMatter, ASSESSMENT_SUFFIX } from './selection.js';
export type * from './model/types.js';
export { estimativeTermAt, yardstickVocabulary, type TermInfo, type YardstickVocabulary } from './estimative/index.js';
