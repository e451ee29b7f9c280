/**
 * The `tradecraft.*` settings, shared by the VS Code client and the language server. Settings
 * come from users' files and other editors' configs, so they are untrusted: `coerceSettings`
 * turns anything (missing, null, wrongly typed) into valid settings and never throws.
 */
import type { SeveritySetting } from './core/findings.js';

export type ValidateRun = 'onType' | 'onSave';
export type TraceSetting = 'off' | 'messages' | 'verbose';

export interface TradecraftSettings {
  /** Globs (relative to the workspace folder) of Markdown files that are assessments besides `*.assessment.md`. */
  files: string[];
  /** Glob → schema reference (a built-in name or a path relative to the workspace folder). */
  schemas: Record<string, string>;
  /** Rule id → severity; wins over the schema's `rules`. */
  rules: Record<string, SeveritySetting>;
  /** A yardstick name that replaces the schema's (`icd203`, `phia`…); undefined keeps the schema's. */
  yardstick: string | undefined;
  validate: {
    run: ValidateRun;
    /** Delay after the last keystroke before re-validating; 0 validates at once. */
    debounceMs: number;
  };
  trace: { server: TraceSetting };
}

export const DEFAULT_DEBOUNCE_MS = 200;
/** Longer delays would read as "validation is broken". */
export const MAX_DEBOUNCE_MS = 10_000;

export function defaultSettings(): TradecraftSettings {
  return {
    files: [],
    schemas: {},
    rules: {},
    yardstick: undefined,
    validate: { run: 'onType', debounceMs: DEFAULT_DEBOUNCE_MS },
    trace: { server: 'off' },
  };
}

export const SETTINGS_SECTION = 'tradecraft';

/** Top-level keys of the section (`files`, `validate`…). */
const SETTING_KEYS = Object.keys(defaultSettings());

/**
 * The Tradecraft part of settings a client pushes (`workspace/didChangeConfiguration`,
 * `initializationOptions`), in the shapes clients use: `{ tradecraft: {…} }`, flat dotted keys
 * with the section (`{ "tradecraft.validate.run": … }`), or the section itself, nested or dotted
 * (`{ validate: { run } }`, `{ "validate.run": … }`). Undefined when nothing in it is ours (`{}`,
 * null, other servers' settings).
 */
export function pushedSection(pushed: unknown): Record<string, unknown> | undefined {
  if (!isRecord(pushed)) return undefined;
  const nested = pushed[SETTINGS_SECTION];
  if (isRecord(nested)) return nested;
  const prefix = `${SETTINGS_SECTION}.`;
  const prefixed = Object.keys(pushed).filter((key) => key.startsWith(prefix));
  if (prefixed.length > 0) return Object.fromEntries(prefixed.map((key) => [key.slice(prefix.length), pushed[key]]));
  const ours = Object.keys(pushed).some((key) => SETTING_KEYS.some((setting) => key === setting || key.startsWith(`${setting}.`)));
  return ours ? pushed : undefined;
}

const SEVERITY_ALIASES: Record<string, SeveritySetting> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  info: 'info',
  information: 'info',
  hint: 'hint',
  off: 'off',
  none: 'off',
};

/**
 * Reads the `tradecraft` settings section. Accepts nested objects (`validate: { run }`) and the
 * flat dotted keys some clients send (`"validate.run"`).
 */
export function coerceSettings(value: unknown): TradecraftSettings {
  const settings = defaultSettings();
  if (!isRecord(value)) return settings;
  const read = (dotted: string): unknown => {
    if (dotted in value) return value[dotted];
    let current: unknown = value;
    for (const key of dotted.split('.')) {
      if (!isRecord(current)) return undefined;
      current = current[key];
    }
    return current;
  };
  settings.files = coerceGlobs(read('files'));
  settings.schemas = coerceSchemaMap(read('schemas'));
  settings.rules = coerceRuleSeverities(read('rules'));
  settings.yardstick = coerceYardstick(read('yardstick'));
  settings.validate.run = coerceEnum(read('validate.run'), ['onType', 'onSave'], 'onType');
  settings.validate.debounceMs = coerceDebounce(read('validate.debounceMs'));
  settings.trace.server = coerceEnum(read('trace.server'), ['off', 'messages', 'verbose'], 'off');
  return settings;
}

function coerceGlobs(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '').map((glob) => glob.trim());
}

function coerceSchemaMap(value: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  if (!isRecord(value)) return map;
  for (const [glob, reference] of Object.entries(value)) {
    if (glob.trim() !== '' && typeof reference === 'string' && reference.trim() !== '') map[glob.trim()] = reference.trim();
  }
  return map;
}

function coerceRuleSeverities(value: unknown): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (!isRecord(value)) return rules;
  for (const [rule, severity] of Object.entries(value)) {
    const coerced = typeof severity === 'string' ? SEVERITY_ALIASES[severity.trim().toLowerCase()] : undefined;
    if (coerced && rule.trim() !== '') rules[rule.trim()] = coerced;
  }
  return rules;
}

function coerceYardstick(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim().toLowerCase();
  // An empty value, `schema` or `default` means: use the schema's yardstick.
  if (name === '' || name === 'schema' || name === 'default' || !/^[a-z0-9][a-z0-9_-]*$/.test(name)) return undefined;
  return name;
}

function coerceDebounce(value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) return DEFAULT_DEBOUNCE_MS;
  return Math.min(Math.round(number), MAX_DEBOUNCE_MS);
}

function coerceEnum<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
