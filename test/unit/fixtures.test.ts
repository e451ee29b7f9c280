/**
 * Every rule's fixtures: `valid.md` has no findings at all; `invalid.md` has exactly the findings
 * marked inline with `<!-- expect: rule-id[, rule-id] -->` on the line where each starts; applying
 * the safe fixes gives `invalid.fixed.md` (when present), changes nothing outside the fixed spans,
 * and leaves nothing fixable behind.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { applySafeFixes, Engine } from '../../server/src/core/index.js';
import { diskHost } from '../support/diskHost.js';
import { fixturesDir } from '../support/paths.js';

const rulesDir = path.join(fixturesDir, 'rules');
const engine = new Engine(diskHost);

function lint(file: string, text = readFileSync(file, 'utf8')) {
  return engine.check({ text, documentPath: file, workspaceRoot: path.dirname(file) });
}

function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const marker of line.matchAll(/<!--\s*expect:\s*([\w\s,-]+?)\s*-->/g)) {
      for (const rule of marker[1]!.split(/[\s,]+/).filter(Boolean)) expected.push(`${index + 1} ${rule}`);
    }
  });
  return expected.sort();
}

for (const rule of existsSync(rulesDir) ? readdirSync(rulesDir).sort() : []) {
  const dir = path.join(rulesDir, rule);
  const validFile = path.join(dir, 'valid.md');
  const invalidFile = path.join(dir, 'invalid.md');
  const fixedFile = path.join(dir, 'invalid.fixed.md');

  test(`${rule}: valid.md has no findings`, () => {
    const findings = lint(validFile).findings.map((f) => `${f.range.start.line + 1} ${f.rule}: ${f.message}`);
    assert.deepEqual(findings, []);
  });

  test(`${rule}: invalid.md has exactly the marked findings`, () => {
    const text = readFileSync(invalidFile, 'utf8');
    const actual = lint(invalidFile, text).findings.map((f) => `${f.range.start.line + 1} ${f.rule}`).sort();
    assert.deepEqual(actual, expectedFindings(text));
    assert.ok(actual.some((entry) => entry.endsWith(` ${rule}`)), `invalid.md should show at least one ${rule} finding`);
  });

  if (existsSync(fixedFile)) {
    test(`${rule}: safe fixes turn invalid.md into invalid.fixed.md, and nothing fixable remains`, () => {
      const text = readFileSync(invalidFile, 'utf8');
      const fixed = applySafeFixes(text, lint(invalidFile, text).findings).text;
      assert.equal(fixed, readFileSync(fixedFile, 'utf8'));
      const remaining = lint(invalidFile, fixed).findings.filter((f) => f.fix?.safe);
      assert.deepEqual(remaining.map((f) => `${f.range.start.line + 1} ${f.rule}`), []);
    });
  }
}
