/**
 * Building VS Code snippet text (TextMate snippet syntax) without VS Code: numbered tab stops,
 * placeholders and choices, with the escaping each of them needs.
 */

/** Escapes literal text so `$`, `}` and `\` are not read as snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function escapeChoice(option: string): string {
  return option.replace(/[$}\\,|]/g, '\\$&');
}

/** Hands out tab-stop numbers in order, so templates can be composed without renumbering by hand. */
export class TabStops {
  private next: number;

  constructor(first = 1) {
    this.next = first;
  }

  placeholder(defaultText: string): string {
    return `\${${this.next++}:${escapeSnippetText(defaultText)}}`;
  }

  /** A choice; the first option is what the snippet inserts until the user picks another. */
  choice(options: readonly string[]): string {
    if (options.length === 0) throw new Error('A snippet choice needs at least one option.');
    return `\${${this.next++}|${options.map(escapeChoice).join(',')}|}`;
  }
}

/**
 * The text a snippet inserts when every placeholder keeps its default and every choice its first
 * option (what a user gets by tabbing straight through).
 */
export function expandSnippetDefaults(snippet: string): string {
  let output = '';
  let index = 0;
  const stack: number[] = [];
  while (index < snippet.length) {
    const character = snippet[index]!;
    if (character === '\\' && index + 1 < snippet.length && '$}\\,|'.includes(snippet[index + 1]!)) {
      output += snippet[index + 1];
      index += 2;
      continue;
    }
    if (character === '$') {
      const rest = snippet.slice(index);
      const bare = /^\$(\d+)/.exec(rest);
      if (bare) {
        index += bare[0].length;
        continue;
      }
      const choice = /^\$\{\d+\|((?:\\.|[^|\\])*)\|\}/.exec(rest);
      if (choice) {
        const first = /^(?:\\.|[^,\\])*/.exec(choice[1]!)![0];
        output += first.replace(/\\(.)/g, '$1');
        index += choice[0].length;
        continue;
      }
      const open = /^\$\{\d+:/.exec(rest);
      if (open) {
        stack.push(index);
        index += open[0].length;
        continue;
      }
      const empty = /^\$\{\d+\}/.exec(rest);
      if (empty) {
        index += empty[0].length;
        continue;
      }
    }
    if (character === '}' && stack.length > 0) {
      stack.pop();
      index += 1;
      continue;
    }
    output += character;
    index += 1;
  }
  return output;
}
