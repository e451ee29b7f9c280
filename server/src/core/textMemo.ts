/**
 * The results of a pure function of a string, kept across checks: between two keystrokes almost
 * every line, field and paragraph of a document is unchanged, so most lookups hit. Two generations
 * bound the memory: when the newer fills, the older is dropped whole, and an entry still in use is
 * carried into the newer one on its next lookup. Keys are stored as copies (see `detached`): the
 * text looked up is usually a slice of a whole document version.
 */
import { detached } from './text.js';

export class TextMemo<T> {
  private recent = new Map<string, T>();
  private older = new Map<string, T>();

  /** `limit`: entries per generation; enough for a few large documents open at once. */
  constructor(
    private readonly compute: (text: string) => T,
    private readonly limit = 25_000,
  ) {}

  get(text: string): T {
    const cached = this.recent.get(text);
    if (cached !== undefined) return cached;
    const key = detached(text);
    // Computed from the copy, so that a result holding part of the text holds no more than that.
    const found = this.older.get(text) ?? this.compute(key);
    if (this.recent.size >= this.limit) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, found);
    return found;
  }
}
