/**
 * The contents of snippets/tradecraft.code-snippets, generated from the built-in schema and the
 * rule registry so the snippets never drift from them. A unit test compares the file with this
 * (and rewrites it when run with UPDATE_SNIPPETS=1).
 */
import type { Schema } from '../../../server/src/core/schema/types.js';
import { assessmentSnippet, confidenceChoices, likelihoodChoices, scenarioSnippet } from './skeleton.js';
import { escapeSnippetText, TabStops } from './snippetText.js';

export interface SnippetDefinition {
  prefix: string;
  description: string;
  body: string[];
}

export function snippetFile(schema: Schema, ruleIds: readonly string[]): Record<string, SnippetDefinition> {
  const snippet = (prefix: string, description: string, build: (stops: TabStops) => string): SnippetDefinition => ({
    prefix,
    description,
    body: build(new TabStops()).split('\n'),
  });
  return {
    'Tradecraft: assessment skeleton': {
      prefix: 'tc-assessment',
      description: `A whole assessment following the built-in schema (${schema.source}): every section, two scenarios, the sign-off.`,
      body: assessmentSnippet(schema).replace(/\n$/, '').split('\n'),
    },
    'Tradecraft: scenario': snippet('tc-scenario', 'A forecast scenario: ranking label, horizon, title, trigger, outcome, indicators and likelihood.', (stops) =>
      scenarioSnippet(schema, {}, stops),
    ),
    'Tradecraft: actor position': snippet('tc-position', 'An actor’s position block (`Iran’s position:` followed by its points).', (stops) =>
      [`${stops.placeholder('Iran')}’s ${stops.choice(['position', 'priorities', 'objectives'])}:`, `- ${stops.placeholder('First point')}`, `- ${stops.placeholder('Second point')}`].join('\n'),
    ),
    'Tradecraft: key judgment': snippet('tc-judgment', 'A numbered key judgment with a likelihood term of the built-in yardstick (ICD 203).', (stops) =>
      `${stops.placeholder('1')}. ${stops.placeholder('The key judgment, in one sentence')} (${stops.choice(likelihoodChoices(schema))}).`,
    ),
    'Tradecraft: confidence statement': snippet('tc-confidence', 'A confidence statement (High / Moderate / Low), kept apart from likelihood terms as ICD 203 asks.', (stops) =>
      `We hold these judgments with ${stops.choice(confidenceChoices(schema))} confidence: ${stops.placeholder('what the sourcing and assumptions are')}.`,
    ),
    'Tradecraft: sign-off': snippet('tc-signoff', `The closing sign-off (${schema.signOff.template}, then the organization).`, (stops) =>
      `${stops.placeholder('AB-01')}, ${stops.placeholder('Analyst')}\n${stops.placeholder('Organization')}`,
    ),
    'Tradecraft: disable a rule': snippet('tc-disable', 'A comment that turns a Tradecraft rule off for the next line, from here on, or for the whole file.', (stops) =>
      `<!-- ${stops.choice(['tradecraft-disable-next-line', 'tradecraft-disable', 'tradecraft-disable-file'])} ${stops.choice(ruleIds)} -->`,
    ),
    'Tradecraft: enable rules again': {
      prefix: 'tc-enable',
      description: 'Ends a `tradecraft-disable` region.',
      body: [escapeSnippetText('<!-- tradecraft-enable -->')],
    },
  };
}
