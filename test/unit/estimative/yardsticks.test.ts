/** Yardstick arithmetic: nearest terms, gaps, complements, and custom tables read end to end. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gapAround, ICD203, IPCC, nearestTerm, PHIA } from '../../../server/src/core/estimative/index.js';
import type { CustomYardstickSpec } from '../../../server/src/core/schema/types.js';
import { assessmentWith, findingsOf } from './snippets.js';

test('the nearest term is the narrowest band that holds the probability', () => {
  const nearest = (yardstick: typeof ICD203, probability: number, row: 1 | 2 = 1) => nearestTerm(yardstick, probability, row)?.term;
  assert.equal(nearest(ICD203, 70), 'likely');
  assert.equal(nearest(ICD203, 70, 2), 'probable');
  assert.equal(nearest(ICD203, 50), 'roughly even chance');
  assert.equal(nearest(ICD203, 45), 'roughly even chance');
  assert.equal(nearest(ICD203, 100), 'almost certain');
  assert.equal(nearest(PHIA, 50), 'realistic possibility');
  assert.equal(nearest(PHIA, 77), 'likely');
  assert.equal(nearest(IPCC, 85), 'likely');
  assert.equal(nearest(IPCC, 97), 'extremely likely');
});

test('PHIA leaves gaps between its bands; ICD 203 and IPCC do not', () => {
  assert.deepEqual(gapAround(PHIA, [77, 77])?.below.term, 'likely');
  assert.deepEqual(gapAround(PHIA, [77, 77])?.above.term, 'highly likely');
  assert.equal(gapAround(PHIA, [76, 79])?.below.term, 'likely');
  assert.equal(gapAround(PHIA, [70, 78]), undefined);
  assert.equal(gapAround(PHIA, [76, 92]), undefined);
  assert.equal(gapAround(ICD203, [50, 50]), undefined);
  assert.equal(gapAround(IPCC, [40, 40]), undefined);
});

const HOUSE: CustomYardstickSpec = {
  name: 'house',
  terms: [
    { term: 'remote', band: [0, 10] },
    { term: 'unlikely', band: [10, 40], aliases: ['improbable'] },
    { term: 'likely', band: [60, 90], aliases: ['probable'] },
    { term: 'almost certain', band: [90, 100] },
  ],
  confidence: ['High', 'Medium', 'Low'],
};

test('a custom yardstick: its terms, aliases and inflections are its own', () => {
  const text = assessmentWith('A deal is improbable, and Iran will probably attend; a strike is almost certainly coming.');
  assert.deepEqual(findingsOf('likelihood-mixed-scales', text, HOUSE), []);
  assert.deepEqual(findingsOf('likelihood-mixed-rows', text, HOUSE), []);
});

test('a custom yardstick: built-in terms it lacks are another scale’s, and its gaps are gaps', () => {
  const text = assessmentWith('A deal is very likely. There is a 50% chance of talks.');
  assert.deepEqual(findingsOf('likelihood-mixed-scales', text, HOUSE), ['very likely']);
  assert.deepEqual(findingsOf('likelihood-range-mismatch', text, HOUSE), ['50%']);
});

test('a custom yardstick: its confidence list is the vocabulary', () => {
  assert.deepEqual(findingsOf('confidence-vocabulary', assessmentWith('We have medium confidence in the timing.'), HOUSE), []);
  assert.deepEqual(findingsOf('confidence-vocabulary', assessmentWith('We have moderate confidence in the timing.'), HOUSE), ['moderate']);
});
