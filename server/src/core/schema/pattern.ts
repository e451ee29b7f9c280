/**
 * Schema patterns run on a linear-time engine (RE2): a schema is untrusted input, and a
 * backtracking regular expression like `(a+)+$` could freeze the editor on one line of text.
 */
import { RE2JS } from 're2js';

export interface AgentPattern {
  /** The named groups of the first match, or undefined. */
  match(text: string): Record<string, string> | undefined;
}

export type CompiledPattern = { ok: true; pattern: AgentPattern } | { ok: false; reason: string };

const REQUIRED_GROUPS = ['agentId', 'role'];

const compiledBySource = new Map<string, CompiledPattern>();

/** Compiles a pattern once per distinct source: extraction asks for it on every check. */
export function compileAgentPattern(source: string): CompiledPattern {
  let compiled = compiledBySource.get(source);
  if (!compiled) {
    compiled = compileUncached(source);
    // Patterns change only as someone edits a schema; a small bound keeps that from adding up.
    if (compiledBySource.size >= 64) compiledBySource.clear();
    compiledBySource.set(source, compiled);
  }
  return compiled;
}

function compileUncached(source: string): CompiledPattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    return { ok: false, reason: `not a valid regular expression for a linear-time engine (RE2 syntax: no backreferences or lookaround): ${(error as Error).message}` };
  }
  const groups = Object.keys(compiled.namedGroups());
  const missing = REQUIRED_GROUPS.filter((name) => !groups.includes(name));
  if (missing.length > 0) return { ok: false, reason: `must have the named groups ${REQUIRED_GROUPS.map((name) => `(?<${name}>…)`).join(' and ')}; missing ${missing.join(', ')}` };
  return {
    ok: true,
    pattern: {
      match(text) {
        const matcher = compiled.matcher(text);
        if (!matcher.find()) return undefined;
        return Object.fromEntries(groups.map((name) => [name, matcher.group(name) ?? '']));
      },
    },
  };
}
