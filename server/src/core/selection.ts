/** Which Markdown files are assessments: `*.assessment.md`, a `schema:` front-matter key, or the configured globs. */
import picomatch from 'picomatch';

export const ASSESSMENT_SUFFIX = '.assessment.md';

/** Cheap test for a `schema:` key in leading front matter, without parsing Markdown. */
export function hasSchemaFrontMatter(text: string): boolean {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text);
  return match !== null && /^schema\s*:/m.test(match[1]!);
}

export function isMarkdownPath(relativePath: string): boolean {
  return /\.(md|markdown|mdown|mkd)$/i.test(relativePath);
}

/**
 * @param relativePath the document's path relative to its workspace folder, with `/` separators
 * @param text the document's text, when known
 * @param fileGlobs the `tradecraft.files` globs
 */
export function isAssessment(relativePath: string, text: string | undefined, fileGlobs: readonly string[] = []): boolean {
  if (relativePath.toLowerCase().endsWith(ASSESSMENT_SUFFIX)) return true;
  if (fileGlobs.length > 0 && picomatch(fileGlobs as string[], { dot: true, basename: fileGlobs.every((glob) => !glob.includes('/')) })(relativePath)) return true;
  return isMarkdownPath(relativePath) && text !== undefined && hasSchemaFrontMatter(text);
}
