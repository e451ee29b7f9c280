import { withoutHtmlComments } from '../text.js';
import { TextMemo } from '../textMemo.js';

const written = new TextMemo((value) => withoutHtmlComments(value).replace(/[*_\s]/g, '') !== '');

/** Whether a field value says anything: emphasis markers and HTML comments (`<!-- TODO -->`) are not text. */
export function hasText(value: string): boolean {
  return written.get(value);
}
