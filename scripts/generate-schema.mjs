// Writes the rule ids of the registry into the JSON Schema's `rules` map, so schema files get
// completion and validation for every rule. Run after `tsc` (it reads the compiled registry);
// the registry test fails when the committed schema has drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../out/server/src/core/rules/index.js';

const file = new URL('../schemas/tradecraft.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(file, 'utf8'));
schema.properties.rules.properties = Object.fromEntries(
  RULES.map((rule) => [rule.id, { description: `${rule.description} (default: ${rule.defaultSeverity})`, enum: ['error', 'warning', 'info', 'hint', 'off'] }]),
);
writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
