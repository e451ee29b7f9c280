/** Safe fixes: applied together, they change only their own spans, keep line endings, and converge. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyEdits, applySafeFixes, builtinSchema, chooseFixes, lintText, type Finding } from '../../server/src/core/index.js';
import { corpusDocument } from '../support/paths.js';

const schema = builtinSchema();
const corpus = readFileSync(corpusDocument, 'utf8');

/** The original text, rebuilt from the fixed text by undoing each edit: proves nothing else changed. */
function undo(fixed: string, original: string, findings: Finding[]): string {
  const edits = chooseFixes(findings.flatMap((f) => (f.fix?.safe ? [f.fix] : []))).flatMap((fix) => fix.edits).sort((a, b) => a.span.start - b.span.start);
  let rebuilt = '';
  let cursorFixed = 0;
  let cursorOriginal = 0;
  for (const edit of edits) {
    const untouched = edit.span.start - cursorOriginal;
    rebuilt += fixed.slice(cursorFixed, cursorFixed + untouched);
    assert.equal(fixed.slice(cursorFixed + untouched, cursorFixed + untouched + edit.newText.length), edit.newText);
    rebuilt += original.slice(edit.span.start, edit.span.end);
    cursorFixed += untouched + edit.newText.length;
    cursorOriginal = edit.span.end;
  }
  return rebuilt + fixed.slice(cursorFixed);
}

test('the corpus document: section titles become headings, the rest is byte-identical', () => {
  const { findings } = lintText(corpus, { schema });
  const { text: fixed, applied } = applySafeFixes(corpus, findings);
  assert.equal(applied, 6);
  const lines = fixed.split('\n');
  assert.equal(lines[3], '## 📍 Current Situation: Talks Set for Friday in Oman');
  assert.equal(lines[36], '## 📈 Forecast — Two Plausible Scenarios');
  assert.equal(lines[47], '## Bottom line');
  assert.equal(lines[48], '');
  assert.match(lines[49]!, /^The Oman talks symbolize/);
  assert.equal(undo(fixed, corpus, findings), corpus);
});

test('lint → fix → lint converges: nothing fixable remains and the model keeps its shape', () => {
  const before = lintText(corpus, { schema });
  const fixed = applySafeFixes(corpus, before.findings).text;
  const after = lintText(fixed, { schema });
  assert.deepEqual(after.findings.filter((f) => f.fix?.safe), []);
  assert.deepEqual(after.model.sections.map((s) => [s.spec.id, s.header.form]), before.model.sections.map((s) => [s.spec.id, 'heading']));
  assert.equal(after.model.scenarios.length, 2);
  assert.equal(after.model.signOff?.organization, 'Three Corporate');
});

test('fixes in a CRLF document insert CRLF line endings', () => {
  const crlf = corpus.replace(/\n/g, '\r\n');
  const fixed = applySafeFixes(crlf, lintText(crlf, { schema }).findings).text;
  assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false);
  assert.ok(fixed.includes('## Bottom line\r\n\r\nThe Oman talks'));
});

test('applyEdits keeps insertions at the same offset in order and leaves other text alone', () => {
  const span = (start: number, end: number) => ({ start, end });
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  assert.equal(applyEdits('abcdef', [{ span: span(1, 2), range, newText: 'B' }, { span: span(4, 4), range, newText: '+' }]), 'aBcd+ef');
});

test('overlapping fixes: the first is taken whole, the overlapping one waits for the next pass', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const fix = (start: number, end: number, newText: string) => ({ title: newText, safe: true, edits: [{ span: { start, end }, range, newText }] });
  const chosen = chooseFixes([fix(0, 3, 'x'), fix(2, 5, 'y'), fix(5, 6, 'z')]);
  assert.deepEqual(chosen.map((f) => f.title), ['x', 'z']);
});

test('a required section written one heading level too deep is reported where it is, and the fix promotes it', () => {
  const text = [
    '# Situation',
    '',
    'Tiraspol has run on coal since the transit ended.',
    '',
    '## Key Judgments',
    '',
    '1. Tiraspol is likely to accept gas through an intermediary.',
    '',
  ].join('\n');
  const missing = lintText(text, { schema }).findings.filter((finding) => finding.rule === 'section-missing');
  const demoted = missing.find((finding) => finding.message.includes('“Key Judgments”'));
  assert.ok(demoted, `a finding names the demoted heading: ${missing.map((finding) => finding.message).join(' | ')}`);
  assert.match(demoted.message, /^Required section “Assessment” is written as “Key Judgments” on line 5 as a sub-heading of “Situation”/);
  assert.equal(text.slice(demoted.span.start, demoted.span.end), '## Key Judgments');
  assert.ok(demoted.fix, 'a fix is offered');
  const promoted = applyEdits(text, demoted.fix.edits);
  assert.ok(promoted.includes('\n# Key Judgments\n'), promoted);
  const after = lintText(promoted, { schema }).findings.filter((finding) => finding.rule === 'section-missing');
  assert.ok(!after.some((finding) => /Key Judgments/.test(finding.message)), 'the promoted heading is a section');
});

test('a required section written as a bold line under a heading section: no scenario of it, reported where it is, and the fix makes it a heading', () => {
  const text = [
    '## Current Situation',
    '',
    'Talks resumed in Muscat on Friday.',
    '',
    '## Forecast',
    '',
    '### Most Likely (Short Term): Talks Continue',
    '- Trigger: A second round is scheduled.',
    '- Outcome: Limited confidence-building measures.',
    '',
    '**Bottom line:**',
    '',
    'The talks are fragile.',
    '',
  ].join('\n');
  const { model, findings } = lintText(text, { schema });
  assert.deepEqual(model.scenarios.map((scenario) => scenario.label), ['Most Likely'], 'the bold line is no scenario');
  assert.deepEqual(findings.filter((finding) => finding.rule.startsWith('scenario-') && finding.range.start.line === 10), []);
  const demoted = findings.find((finding) => finding.rule === 'section-missing' && finding.message.includes('Bottom Line'));
  assert.ok(demoted?.fix, `a fix is offered: ${findings.map((finding) => finding.message).join(' | ')}`);
  assert.match(demoted.message, /^Required section “Bottom Line” is written on line 11 as a bold line under the heading “Forecast”/);
  const promoted = applyEdits(text, demoted.fix.edits);
  assert.ok(promoted.includes('\n## Bottom line\n'), promoted);
  const after = lintText(promoted, { schema });
  assert.ok(after.model.sections.some((section) => section.spec.id === 'bottom-line'), 'the heading is the Bottom Line section');
  assert.ok(!after.findings.some((finding) => finding.rule === 'section-missing' && /Bottom Line/.test(finding.message)));
});

test('an emphasised lead-in label starts its section; the emphasis is not part of the label', () => {
  for (const line of ['**Bottom line:** The talks are fragile.', '**Bottom line**: The talks are fragile.', '__Bottom line:__ The talks are fragile.', '*Bottom line:* The talks are fragile.']) {
    const text = ['## Current Situation', '', 'Talks resumed in Muscat on Friday.', '', line, ''].join('\n');
    const { model } = lintText(text, { schema });
    const bottomLine = model.sections.find((section) => section.spec.id === 'bottom-line');
    assert.equal(bottomLine?.header.form, 'lead-in', line);
    assert.equal(text.slice(bottomLine.header.titleSpan.start, bottomLine.header.titleSpan.end), 'Bottom line', line);
    const { text: fixed } = applySafeFixes(text, lintText(text, { schema }).findings);
    assert.ok(fixed.endsWith('\n## Bottom line\n\nThe talks are fragile.\n'), `the fix keeps the text and drops the emphasis: ${JSON.stringify(fixed)}`);
  }
});
