/** Built-in schemas. `standard` describes the house format of chat-exported country-agent assessments. */

export const BUILTIN_SCHEMAS: Record<string, string> = {
  standard: `# builtin:standard — the house format of country-agent assessments.
headingLevel: 2
closed: false
sections:
  - id: current-situation
    title: Current Situation
    aliases: [Situation, Situation Overview, Background, Summary of Events, What Happened]
    required: true
  - id: strategic-context
    title: Strategic Context
    aliases: [Context, Background and Context, Key Drivers, Drivers]
    required: false
  - id: assessment
    title: Assessment
    aliases: [Key Judgments, Key Judgements, Judgments, Judgements, Analysis, Analytic Assessment]
    required: true
    role: judgments
  - id: forecast
    title: Forecast
    aliases: [Scenarios, Outlook, Forecast Scenarios, Alternative Scenarios, Alternative Futures]
    required: true
    role: scenarios
  - id: strategic-implications
    title: Strategic Implications
    aliases: [Implications, Implications for Policy, Policy Implications, What to Watch]
    required: false
  - id: bottom-line
    title: Bottom Line
    aliases: [BLUF, Bottom Line Up Front, Conclusion, Bottom-line]
    required: true
    role: bottom-line
    position: last
scenarios:
  min: 2
  labels: [Most Likely, Most Probable, Least Likely, Less Likely, Base Case, Baseline, Best Case,
    Worst Case, Risk Scenario, Alternative Scenario, Alternative, Wildcard, Wild Card, Outlier, Upside, Downside,
    'Low-Probability, High-Impact', 'High-Impact, Low-Probability', 'Low-Likelihood, High-Impact']
  fields:
    - { id: trigger, title: Trigger, aliases: [Trigger, Triggers, Trigger event, Trigger events, Signposts, Signpost], required: true }
    - { id: outcome, title: Outcome, aliases: [Outcome, Outcomes, Aftermath, End state, Result, Results, Consequences], required: true }
    - { id: rationale, title: Why, aliases: [Why, Rationale, Drivers, Reasoning], required: false }
    - { id: risk, title: Risk, aliases: [Risk, Risks], required: false }
    - { id: indicators, title: Indicators, aliases: [Indicators, Warning signs, Watch for, Indicators to watch], required: false }
    - { id: likelihood, title: Likelihood, aliases: [Likelihood, Probability], required: false }
    - { id: horizon, title: Horizon, aliases: [Horizon, Timeframe, Time frame, Time horizon], required: false }
signOff:
  pattern: '^(?<agentId>[A-Z]{2,3}-\\d{2}), (?<role>.+)$'
  organization: optional
  template: 'AGENT-ID, Role'
yardstick: icd203
gazetteer: true
actors:
  - { name: United States, aliases: [U.S., US, USA, U.S.A., Washington, American, Americans] }
rules: {}
`,
};

export const DEFAULT_BUILTIN = 'standard';
