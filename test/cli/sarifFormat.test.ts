/** `lint --format sarif`: SARIF 2.1.0 with every registered rule and one located result per finding. */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/core/index.js';
import { ruleDocUrl } from '../../server/src/ruleDocs.js';
import { corpusText, parseJson, projectRoot, runCli, tempFolder, type JsonReport } from './cliHarness.js';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Region } }[];
      fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

const LEVELS: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

let cached: { sarif: SarifLog; json: JsonReport } | undefined;

/** The corpus document (in a folder whose name needs URI escaping) linted once as SARIF and once as JSON. */
function lintBoth(): { sarif: SarifLog; json: JsonReport } {
  if (cached) return cached;
  const cwd = tempFolder();
  mkdirSync(path.join(cwd, 'team reports'));
  writeFileSync(path.join(cwd, 'team reports', 'us-01.assessment.md'), corpusText());
  const run = runCli(['lint', '--format', 'sarif'], { cwd });
  assert.equal(run.code, 1, run.stderr);
  cached = { sarif: parseJson<SarifLog>(run), json: parseJson<JsonReport>(runCli(['lint', '--format', 'json'], { cwd })) };
  return cached;
}

test('one SARIF 2.1.0 run whose driver lists every registered rule with its doc page', () => {
  const { sarif } = lintBoth();
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  assert.equal(sarif.runs.length, 1);
  const { driver } = sarif.runs[0]!.tool;
  assert.equal(driver.name, 'tradecraft');
  const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  assert.equal(driver.version, manifest.version);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(
    driver.rules.map((rule) => [rule.id, rule.shortDescription.text, rule.helpUri, rule.defaultConfiguration.level]),
    RULES.map((rule) => [rule.id, rule.description, ruleDocUrl(rule.id), LEVELS[rule.defaultSeverity]]),
  );
  assert.equal(sarif.runs[0]!.columnKind, 'utf16CodeUnits');
});

test('results match the JSON findings, with rule index, level, relative URI and region', () => {
  const { sarif, json } = lintBoth();
  const run = sarif.runs[0]!;
  const findings = json.files[0]!.findings;
  assert.equal(run.results.length, findings.length);
  run.results.forEach((result, index) => {
    const finding = findings[index]!;
    assert.equal(result.ruleId, finding.rule);
    assert.equal(run.tool.driver.rules[result.ruleIndex!]!.id, finding.rule);
    assert.equal(result.level, LEVELS[finding.severity]);
    assert.equal(result.message.text, finding.message);
    const [location] = result.locations;
    assert.equal(location!.physicalLocation.artifactLocation.uri, 'team%20reports/us-01.assessment.md');
    assert.deepEqual(location!.physicalLocation.region, { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
    assert.equal(result.fixes !== undefined, finding.fixable, `fixes on ${finding.rule} at ${finding.line}`);
  });
});

test('a safe fix carries its replacements', () => {
  const { sarif } = lintBoth();
  const fixed = sarif.runs[0]!.results.find((result) => result.ruleId === 'section-not-heading' && result.locations[0]!.physicalLocation.region.startLine === 4)!;
  const [change] = fixed.fixes![0]!.artifactChanges;
  assert.equal(change!.artifactLocation.uri, 'team%20reports/us-01.assessment.md');
  assert.deepEqual(change!.replacements, [{ deletedRegion: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 1 }, insertedContent: { text: '## ' } }]);
});
