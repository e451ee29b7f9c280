/**
 * The injection grammar file is generated from the engine's vocabulary, and package.json registers
 * it. (Its highlighting is tested by `npm run test:grammar` on test/grammar/*.test.md.)
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { builtinSchema } from '../../../server/src/core/index.js';
import { INJECTION_SCOPE, injectionGrammar } from '../../../client/src/grammar/injectionGrammar.js';
import { projectRoot } from '../../support/paths.js';

const GRAMMAR_PATH = path.join(projectRoot, 'syntaxes', 'tradecraft.injection.tmLanguage.json');

test('the injection grammar file is what the engine’s vocabulary generates', () => {
  const expected = injectionGrammar(builtinSchema());
  if (process.env.UPDATE_GRAMMAR === '1') writeFileSync(GRAMMAR_PATH, `${JSON.stringify(expected, null, 2)}\n`);
  assert.deepEqual(JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')), expected, 'syntaxes/tradecraft.injection.tmLanguage.json is stale: run the unit tests once with UPDATE_GRAMMAR=1 and commit the file');
});

test('package.json injects the grammar into Markdown', () => {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] } };
  assert.deepEqual(pkg.contributes.grammars, [{ scopeName: INJECTION_SCOPE, path: './syntaxes/tradecraft.injection.tmLanguage.json', injectTo: ['text.html.markdown'] }]);
});

test('likelihood terms are matched longest first, so the longer phrase is the term', () => {
  const grammar = injectionGrammar(builtinSchema()) as { repository: { likelihood: { match: string } } };
  const alternatives = /\\b\(\?:(.*)\)\\b$/.exec(grammar.repository.likelihood.match)?.[1]?.split('|') ?? [];
  assert.ok(alternatives.length > 20);
  const lengths = alternatives.map((alternative) => alternative.replace(/\\s\+/g, ' ').length);
  assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a));
  for (const phrase of ['highly\\s+unlikely', 'almost\\s+no\\s+chance', 'roughly\\s+even\\s+chance', 'realistic\\s+possibility', 'about\\s+as\\s+likely\\s+as\\s+not']) {
    assert.ok(alternatives.includes(phrase), phrase);
  }
});
