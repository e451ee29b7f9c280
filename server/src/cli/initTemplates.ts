/** What `tradecraft init` writes: a schema that extends the built-in one, and an assessment that passes it. */

export const SCHEMA_FILE = 'tradecraft.schema.yaml';
export const EXAMPLE_FILE = 'example.assessment.md';

export const SCHEMA_TEMPLATE = `# Tradecraft schema for the assessments in this folder and the folders below it.
# A document uses the nearest tradecraft.schema.yaml above it; a \`schema:\` key in its front
# matter overrides that. \`npx tradecraft schema --print standard\` prints everything this file
# extends, and \`npx tradecraft schema --json-schema\` the JSON Schema editors check it against.
extends: builtin:standard

# Rule severities: error | warning | info | hint | off. These merge with the built-in ones.
rules:
  section-not-heading: info
  # scenario-no-horizon: off
  # signoff-author-mismatch: error

# The keys below replace the built-in value as a whole: copy the built-in entry from
# \`npx tradecraft schema --print standard\` first, then change it.
#
# Add an actor (states are recognised anyway, by name, demonym and capital):
# actors:
#   - { name: United States, aliases: [U.S., US, USA, U.S.A., Washington, American, Americans] }
#   - { name: European Union, aliases: [EU, Brussels] }
#
# Require the organization line under the sign-off, or change the sign-off pattern:
# signOff:
#   pattern: '^(?<agentId>[A-Z]{2,3}-\\d{2}), (?<role>.+)$'
#   organization: required
#   template: 'AGENT-ID, Role'
#
# Use the UK probability yardstick instead of ICD 203:
# yardstick: phia
#
# Report top-level headings that match no section:
# closed: true
`;

export const EXAMPLE_TEMPLATE = `Will the ceasefire along the northern border hold through the end of June?

AB-01, Example Agent:

## Current Situation: Ceasefire Holding After Two Weeks

The ceasefire signed in mid-April has held along most of the line of contact. Both sides report isolated violations, and the regional monitoring mission has confirmed three of them.

## Strategic Context: Why the Truce Matters

1) A Costly Stalemate

- Neither side has gained ground since the winter offensive, and both face mounting economic pressure at home.

## Assessment: A Fragile but Durable Pause

We hold these judgments with moderate confidence: reporting from the line of contact is sparse.

1. Both leaderships need the pause: each has domestic reasons to avoid renewed fighting before the summer harvest.
2. Monitoring raises the cost of violations: confirmed breaches are reported publicly within a day.
3. Spoilers remain: local commanders on both sides have acted without orders before.

## Forecast: Two Scenarios

### Most Likely (Through June): Ceasefire Holds With Minor Violations

- Trigger: Monitors keep confirming violations within a day and both capitals repeat their public commitments.
- Outcome: Fighting stays at the level of isolated incidents, and talks on a lasting settlement begin.

### Risk Scenario (Next Month): A Local Clash Escalates

- Trigger: A deadly incident at a contested crossing that neither leadership condemns.
- Outcome: Artillery exchanges resume along part of the line, and the monitoring mission suspends its work.

## Strategic Implications

- Funding the monitoring mission through the summer is the cheapest brake on escalation.

## Bottom Line

The ceasefire is fragile, but both sides have reasons to keep it; the contested crossings are where it would break first.

AB-01, Example Agent
Example Organization
`;
