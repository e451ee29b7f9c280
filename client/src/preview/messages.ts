/**
 * Messages the preview webview posts back. The webview renders document text, so its messages are
 * treated as untrusted input: anything but a well-formed reveal request is dropped.
 */

export interface RevealMessage {
  type: 'reveal';
  /** 1-based line of the previewed document. */
  line: number;
}

export function parsePreviewMessage(data: unknown, lineCount: number): RevealMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, line } = data as Record<string, unknown>;
  if (type !== 'reveal' || typeof line !== 'number' || !Number.isInteger(line)) return undefined;
  if (line < 1 || line > lineCount) return undefined;
  return { type, line };
}
