/** What the editor asks of the estimative language: the term under the cursor and the yardstick's vocabulary. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimativeTermAt, yardstickVocabulary } from '../../../server/src/core/estimative/index.js';
import { parseMarkdown } from '../../../server/src/core/index.js';
import { schemaWith } from './snippets.js';

const TEXT = 'Iran will probably attend; a deal is likely, `likely` in code, and highly likely. We have moderate confidence in this.';

function at(word: string, occurrence = 0, yardstick = 'icd203') {
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) offset = TEXT.indexOf(word, offset + 1);
  return estimativeTermAt(parseMarkdown(TEXT), schemaWith(yardstick), offset + 1);
}

test('hover on an ICD 203 term gives its band, row and source', () => {
  assert.deepEqual(at('likely'), {
    kind: 'likelihood',
    term: 'likely',
    band: [55, 80],
    yardstick: 'ICD 203',
    standard: 'ICD 203 §D.6.e(2)(a), row 1',
    span: { start: TEXT.indexOf('likely'), end: TEXT.indexOf('likely') + 'likely'.length },
  });
  assert.equal(at('probably')?.standard, 'ICD 203 §D.6.e(2)(a), row 2');
  assert.deepEqual(at('probably')?.band, [55, 80]);
});

test('hover names the yardstick a term belongs to, and follows the configured one for shared words', () => {
  assert.equal(at('highly likely')?.yardstick, 'PHIA');
  assert.deepEqual(at('likely', 0, 'phia')?.band, [55, 75]);
  assert.equal(at('likely', 0, 'phia')?.yardstick, 'PHIA');
});

test('hover on a confidence statement names the confidence standard', () => {
  const info = at('moderate confidence');
  assert.equal(info?.kind, 'confidence');
  assert.equal(info?.term, 'moderate confidence');
  assert.equal(info?.standard, 'ICD 203 §D.6.e(2)(b)');
  assert.equal(info?.band, undefined);
});

test('no hover in inline code or on ordinary words', () => {
  assert.equal(at('likely', 1), undefined);
  assert.equal(at('attend'), undefined);
});

test('the ICD 203 vocabulary: both rows, strongest first, with the confidence levels', () => {
  const vocabulary = yardstickVocabulary(schemaWith('icd203'));
  assert.equal(vocabulary.name, 'ICD 203');
  assert.deepEqual(vocabulary.confidenceLevels, ['High', 'Moderate', 'Low']);
  assert.deepEqual(vocabulary.terms.map((term) => `${term.term} ${term.row}`), [
    'almost certain 1', 'nearly certain 2', 'very likely 1', 'highly probable 2', 'likely 1', 'probable 2', 'roughly even chance 1',
    'roughly even odds 2', 'unlikely 1', 'improbable 2', 'very unlikely 1', 'highly improbable 2', 'almost no chance 1', 'remote 2',
  ]);
});

test('the PHIA and IPCC vocabularies', () => {
  const phia = yardstickVocabulary(schemaWith('phia'));
  assert.deepEqual(phia.terms.map((term) => term.term), ['almost certain', 'highly likely', 'likely', 'probable', 'realistic possibility', 'unlikely', 'highly unlikely', 'remote chance']);
  assert.ok(phia.terms.every((term) => term.row === undefined));
  // The ends PHIA excludes (≈40 to <50%, >0 to ≈5%) come with the band, for completion to show.
  const open = (name: string) => phia.terms.find((term) => term.term === name)?.open;
  assert.deepEqual([open('realistic possibility'), open('remote chance'), open('almost certain'), open('likely')], [{ high: true }, { low: true }, { high: true }, undefined]);
  const ipcc = yardstickVocabulary(schemaWith('ipcc'));
  assert.deepEqual(ipcc.confidenceLevels, ['Very low', 'Low', 'Medium', 'High', 'Very high']);
  assert.equal(ipcc.terms[0]?.term, 'virtually certain');
});

test('a custom yardstick from the schema', () => {
  const vocabulary = yardstickVocabulary(schemaWith({ name: 'house', terms: [{ term: 'likely', band: [60, 90] }, { term: 'remote', band: [0, 10] }] }));
  assert.equal(vocabulary.name, 'house');
  assert.deepEqual(vocabulary.terms.map((term) => [term.term, term.band]), [['likely', [60, 90]], ['remote', [0, 10]]]);
  assert.deepEqual(vocabulary.confidenceLevels, ['High', 'Moderate', 'Low']);
});
