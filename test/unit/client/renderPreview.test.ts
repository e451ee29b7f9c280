/** The Structured Preview page: what it shows, and that no document can put markup or script into it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderPreview, sectionBody, type PreviewInput } from '../../../client/src/preview/renderPreview.js';
import { escapeHtml } from '../../../client/src/preview/html.js';
import { check, corpusText } from './outlineFixture.js';

const PAGE = { nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' };

function render(text: string, extra: Partial<PreviewInput> = {}): string {
  const checked = check(text);
  return renderPreview({ documentName: 'doc.assessment.md', text, result: checked.result, findings: checked.previewFindings, ...extra }, PAGE);
}

/** The page's tags (name and raw attribute text), in order. */
function tags(html: string): { name: string; attributes: string }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((match) => ({ name: match[1]!.toLowerCase(), attributes: match[2]! }));
}

/** Text content with tags removed and entities decoded, to check what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

test('the corpus document: title, bottom line first, sections, scenario cards, actors, sign-off, findings', () => {
  const html = render(corpusText());
  const text = visibleText(html);
  // The bottom line comes before the section list.
  const bottomLine = text.indexOf('The Oman talks symbolize a fragile diplomatic backchannel');
  assert.ok(bottomLine > 0 && bottomLine < text.indexOf('Sections'));
  // The full list of findings closes the page; the counts sit under the title.
  assert.ok(text.indexOf('Sign-off') < text.lastIndexOf('Findings'));
  assert.ok(text.indexOf('1 error') < bottomLine);
  assert.match(text, /Schema builtin:standard · by US-01, US Agent/);
  for (const title of ['Current Situation', 'Strategic Context', 'Assessment', 'Forecast', 'Strategic Implications', 'Bottom Line']) assert.ok(text.includes(title), title);
  assert.ok(text.includes('— Talks Set for Friday in Oman'));
  // Scenario cards with their fields; the missing trigger is shown as missing.
  assert.equal((html.match(/<article class="card">/g) ?? []).length, 2);
  assert.match(html, /<dt>Trigger<\/dt><dd class="missing">missing<\/dd>/);
  assert.ok(text.includes('Renewed confrontations — possibly including covert or overt military actions'));
  assert.ok(text.includes('no horizon'), 'the risk scenario states no horizon');
  // Actor table and sign-off.
  assert.match(html, /<th scope="row">Iran<\/th><td class="number">\d+<\/td>/);
  assert.match(html, /data-line="49">US-01, US Agent<\/a><br>Three Corporate/);
});

test('finding counts by severity link to the first finding of each severity; every finding links to its line', () => {
  const checked = check(corpusText());
  const html = renderPreview({ documentName: 'x', text: checked.text, result: checked.result, findings: checked.previewFindings }, PAGE);
  const errors = checked.previewFindings.filter((finding) => finding.severity === 'error');
  assert.ok(errors.length > 0);
  assert.match(html, new RegExp(`<a href="#" class="count error" data-line="${Math.min(...errors.map((e) => e.line))}"[^>]*>${errors.length} errors?</a>`));
  assert.match(html, /<span class="count hint none">0 hints<\/span>/);
  for (const finding of checked.previewFindings) assert.ok(html.includes(`<a href="#" data-line="${finding.line}">line ${finding.line}</a> <span class="severity">${finding.severity}</span> ${escapeHtml(finding.message)}`));
});

test('a clean document says so', () => {
  const html = renderPreview({ documentName: 'x', text: '', result: check('').result, findings: [] }, PAGE);
  assert.match(html, /No findings\./);
});

test('a document that is not an assessment gets an explanation, not an outline', () => {
  const html = renderPreview({ documentName: 'notes<img src=x onerror=alert(1)>.md', text: 'hello', result: null, findings: [] }, PAGE);
  assert.match(visibleText(html), /This document is not an assessment/);
  assert.ok(visibleText(html).includes('notes<img src=x onerror=alert(1)>.md'));
  assert.ok(!tags(html).some((tag) => tag.name === 'img'));
  assert.doesNotMatch(html, /class="card"/);
});

test('Content-Security-Policy: nothing remote, no inline script but the nonce’d one', () => {
  const html = render(corpusText());
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
  assert.equal(csp, `default-src 'none'; style-src ${PAGE.cspSource} 'nonce-${PAGE.nonce}'; script-src 'nonce-${PAGE.nonce}';`);
  const scripts = tags(html).filter((tag) => tag.name === 'script');
  assert.deepEqual(scripts.map((tag) => tag.attributes), [` nonce="${PAGE.nonce}"`]);
  assert.deepEqual(tags(html).filter((tag) => tag.name === 'style').map((tag) => tag.attributes), [` nonce="${PAGE.nonce}"`]);
  assert.ok(!tags(html).some((tag) => /\s(src|on[a-z]+)\s*=/i.test(tag.attributes)), 'no src or event-handler attributes');
  assert.ok(!tags(html).some((tag) => /href="(?!#")/.test(tag.attributes)), 'links only point inside the page');
});

test('a hostile document renders as text: no script, no image, no handler, no broken attribute', () => {
  const hostile = `# <script>alert("title")</script>

US-01, US Agent:

## Current Situation: <img src=x onerror=alert(1)>

<script>alert('body')</script> and <iframe src="https://evil.example"></iframe>

U.S. priorities:
- "><svg onload=alert(2)>

## Assessment

1. Iran's <b onclick="alert(3)">leaders</b> will talk (likely).

## Forecast — <style>body{display:none}</style>

### 🟢 Most Likely (Short Term): <a href="javascript:alert(4)">click</a>
- Trigger: </dd></dl></article><script>alert(5)</script>
- Outcome: ' onmouseover='alert(6)
- Indicators: &lt;already escaped&gt; & <!-- comment --> \${ nonce }

### 🔴 Risk Scenario (<script>x</script>): "quoted" & 'single'
- Trigger: <object data="x"></object>
- Outcome: <meta http-equiv="refresh" content="0;url=https://evil.example">

## Bottom Line

<script src="https://evil.example/x.js"></script> The talks will <img src=y onerror=alert(7)> fail.

US-01, <img src=z onerror=alert(8)>
Three <script>Corporate</script>
`;
  const checked = check(hostile);
  assert.ok(checked.result.outline.scenarios.length >= 1, 'the hostile text reaches the preview through the outline');
  const html = renderPreview({ documentName: '<img src=q onerror=alert(9)>.md', text: hostile, result: checked.result, findings: checked.previewFindings }, PAGE);

  const names = tags(html).map((tag) => tag.name);
  for (const forbidden of ['img', 'iframe', 'svg', 'b', 'object', 'embed', 'form', 'input', 'base', 'link']) assert.ok(!names.includes(forbidden), `no <${forbidden}>`);
  assert.equal(names.filter((name) => name === 'script').length, 1);
  assert.equal(names.filter((name) => name === 'style').length, 1);
  assert.equal(names.filter((name) => name === 'meta').length, 3, 'charset, CSP and viewport only');
  assert.ok(!tags(html).some((tag) => /\son[a-z]+\s*=/i.test(tag.attributes)), 'no event-handler attributes');
  assert.ok(!/javascript:/i.test(tags(html).map((tag) => tag.attributes).join(' ')), 'no javascript: URL in any attribute');
  // Every attribute value is quoted and closed: an attribute list is a sequence of name="value".
  for (const tag of tags(html)) assert.match(tag.attributes, /^(\s+[a-z-]+(="[^"<>]*")?)*\s*\/?$/i, `<${tag.name}${tag.attributes}>`);
  // The text is all there, as text.
  const text = visibleText(html);
  for (const shown of ['<script>alert("title")</script>', '<img src=x onerror=alert(1)>', `"quoted" & 'single'`, '</dd></dl></article><script>alert(5)</script>']) {
    assert.ok(text.includes(shown), shown);
  }
});

test('a weak nonce is refused', () => {
  assert.throws(() => renderPreview({ documentName: 'x', text: '', result: null, findings: [] }, { nonce: 'abc', cspSource: PAGE.cspSource }));
  assert.throws(() => renderPreview({ documentName: 'x', text: '', result: null, findings: [] }, { nonce: `${'a'.repeat(20)}" onload="x`, cspSource: PAGE.cspSource }));
});

test('the bottom line of a lead-in is the text after its label; of a heading, the lines below', () => {
  const leadIn = check('Bottom line: It holds.\nMore text.\n').result.outline.sections[0]!;
  assert.deepEqual(sectionBody('Bottom line: It holds.\nMore text.\n', leadIn), ['It holds.', 'More text.']);
  const text = '## Bottom Line\n\nFirst.\n\nSecond.\n';
  const heading = check(text).result.outline.sections[0]!;
  assert.deepEqual(sectionBody(text, heading), ['First.', 'Second.']);
});

test('escapeHtml escapes the five characters that matter', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
