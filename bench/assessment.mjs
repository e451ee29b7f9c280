/**
 * Generates one assessment in the house style of the built-in schema: Markdown headings for the
 * six sections, numbered key judgments in ICD 203 terms with a confidence statement, scenarios with
 * Trigger / Outcome / Indicators / Likelihood fields, dates with their true weekday, and a sign-off.
 * A large document keeps one of each section and grows by sub-sections of varied text, as a long
 * running assessment does; it never repeats a block.
 */
import * as words from './vocabulary.mjs';

/** Below this size a document is a typical one: no sub-headings, a handful of judgments and scenarios. */
const LARGE_DOCUMENT_BYTES = 20_000;

/** Share of the body each section grows to (the bottom line and sign-off are short whatever the size). */
const SECTION_SHARES = { situation: 0.25, context: 0.24, assessment: 0.17, forecast: 0.26, implications: 0.08 };

/**
 * @param {import('./random.mjs').Random} random
 * @param {{ targetBytes: number, agentNumber?: number }} options
 * @returns {string} the Markdown text, within a few hundred bytes of `targetBytes`
 */
export function generateAssessment(random, { targetBytes, agentNumber = 1 }) {
  const agent = agentNumber === 1 && targetBytes >= LARGE_DOCUMENT_BYTES ? words.AGENTS[0] : random.pick(words.AGENTS);
  const topic = random.pick(words.TOPICS);
  const actors = random.sample(words.ACTORS, random.int(3, 5));
  const context = {
    random,
    topic,
    actors,
    year: random.pick([2025, 2026]),
    large: targetBytes >= LARGE_DOCUMENT_BYTES,
    agentId: `${agent.code}-${String(agentNumber).padStart(2, '0')}`,
    agent,
  };
  const out = new MarkdownWriter();
  out.block(`# ${topic.title}: ${actorNames(actors.slice(0, 3))}`);
  out.block(`${context.agentId}, ${agent.role}:`);
  const body = targetBytes - 1200;
  writeSection(out, 'Current Situation', body * SECTION_SHARES.situation, () => situationBlock(context, out));
  writeSection(out, 'Strategic Context', body * SECTION_SHARES.context, () => contextBlock(context, out));
  writeSection(out, 'Assessment', body * SECTION_SHARES.assessment, () => judgmentsBlock(context, out), () => out.block(confidenceStatement(context)));
  // The built-in schema asks for at least two scenarios.
  writeSection(out, 'Forecast', body * SECTION_SHARES.forecast, scenarioWriter(context, out), undefined, 2);
  writeSection(out, 'Strategic Implications', body * SECTION_SHARES.implications, () => implicationsBlock(context, out));
  out.block('## Bottom Line');
  out.block(bottomLine(context));
  out.block(`${context.agentId}, ${agent.role}\n${agent.desk}`);
  return out.text();
}

/** Collects blocks separated by blank lines and counts their UTF-8 bytes. */
class MarkdownWriter {
  blocks = [];
  bytes = 0;

  block(text) {
    this.blocks.push(text);
    this.bytes += Buffer.byteLength(text) + 2;
  }

  text() {
    return `${this.blocks.join('\n\n')}\n`;
  }
}

/**
 * Writes a section heading, then blocks while the section is short of its share by more than half
 * a block (so sizes land near the target on average), and at least `minBlocks` of them.
 */
function writeSection(out, title, budget, addBlock, closing, minBlocks = 1) {
  out.block(`## ${title}`);
  const end = out.bytes + budget;
  let lastBlock = 0;
  for (let count = 0; count < minBlocks || out.bytes + lastBlock / 2 < end; count++) {
    const before = out.bytes;
    addBlock();
    lastBlock = out.bytes - before;
  }
  closing?.();
}

function situationBlock(context, out) {
  const { random } = context;
  if (context.large) out.block(`### ${dateTitle(context)}: ${capitalize(subject(context))} ${random.pick(words.PAST_VERBS)} ${random.pick(context.topic.objects)}`);
  out.block(paragraph(context, situationSentence, random.int(2, 5)));
  if (random.chance(0.5)) out.block(bullets(random.int(2, 4), () => situationSentence(context)));
  if (random.chance(0.15)) out.block(indicatorTable(context));
}

function contextBlock(context, out) {
  const { random } = context;
  context.contextNumber = (context.contextNumber ?? 0) + 1;
  if (context.large) out.block(`### ${context.contextNumber}) ${random.pick(words.THEMES)} and ${titleCase(random.pick(context.topic.objects))}`);
  out.block(paragraph(context, contextSentence, random.int(2, 4)));
  if (random.chance(0.6)) {
    const actor = random.pick(context.actors);
    out.block(`${possessive(capitalize(actor.name))} position:\n${bullets(random.int(2, 4), () => `${capitalize(random.pick(context.topic.objects))} ${random.pick(words.QUALIFIERS)}, ${random.pick(['without', 'with', 'subject to'])} ${random.pick(words.OBSTACLES)}.`)}`);
  }
  if (random.chance(0.35)) out.block(sourcesLine(context));
}

/**
 * What real assessments hold besides prose, lists and headings, so that the parser's slow path is
 * measured too: cited sources (links and bare URLs, now and then a reviewer's comment) and tables.
 */
function sourcesLine(context) {
  const { random } = context;
  const slug = random.pick(context.topic.objects).replace(/\W+/g, '-');
  const link = `[${capitalize(random.pick(words.SOURCES))}](https://www.example.org/${context.year}/${slug})`;
  const comment = random.chance(0.2) ? ' <!-- reviewer: confirm the date -->' : '';
  return `Sources: ${link}; https://news.example.com/${slug}-${random.int(100, 999)}.${comment}`;
}

function indicatorTable(context) {
  const { random } = context;
  const rows = Array.from({ length: random.int(2, 4) }, () => `| ${capitalize(random.pick(context.topic.objects))} | ${random.pick(['stalling', 'accelerating', 'announced', 'cancelled'])} |`);
  return ['| Indicator | Status |', '|---|---|', ...rows].join('\n');
}

function judgmentsBlock(context, out) {
  const { random } = context;
  if (context.large) out.block(`### ${random.pick(words.THEMES)}`);
  // Numbering runs on across blocks, as one list of judgments would.
  const first = (context.judgmentNumber ?? 0) + 1;
  const count = context.large ? random.int(3, 6) : random.int(4, 7);
  context.judgmentNumber = first + count - 1;
  out.block(Array.from({ length: count }, (_, index) => `${first + index}. ${judgment(context)}`).join('\n'));
  if (context.large && random.chance(0.3)) out.block(confidenceStatement(context));
}

/** Scenarios in a typical document: one most likely, then alternatives; a large one keeps adding them. */
function scenarioWriter(context, out) {
  let written = 0;
  return () => {
    const { random } = context;
    const likely = written % 4 === 0;
    const label = random.pick(likely ? words.SCENARIO_LABELS.likely : words.SCENARIO_LABELS.other);
    const [a, b] = random.sample(context.actors, 2);
    out.block(`### ${label} (${random.pick(words.HORIZONS)}): ${random.pick(words.OUTCOME_NOUNS)} ${random.pick(['Between', 'Involving'])} ${capitalize(a.name)} and ${capitalize(b.name)}`);
    const fields = [
      `- Trigger: ${capitalize(subject(context))} ${random.pick(words.PAST_VERBS)} ${random.pick(context.topic.objects)} ${timePhrase(context)}.`,
      `- Outcome: ${capitalize(subject(context))} ${random.pick(['moves to', 'agrees to', 'refuses to', 'is forced to'])} ${random.pick(words.INFINITIVES)} ${random.pick(context.topic.objects)}, ${random.pick(words.QUALIFIERS)}.`,
    ];
    if (random.chance(0.4)) fields.push(`- Why: ${contextSentence(context)}`);
    fields.push(`- Indicators: ${capitalize(random.pick(context.topic.objects))} reported by ${random.pick(words.SOURCES)}; ${random.pick(context.topic.objects)} ${random.pick(['stalling', 'accelerating', 'announced', 'cancelled'])} near ${random.pick(context.actors).capital}.`);
    fields.push(`- Likelihood: ${capitalize(likely ? random.pick(['likely', 'very likely']) : random.pick(words.UNLIKELY_TERMS))}.`);
    out.block(fields.join('\n'));
    written++;
  };
}

function implicationsBlock(context, out) {
  const { random } = context;
  if (context.large) out.block(`### For ${capitalize(random.pick([...context.actors.map((actor) => actor.name), 'the United States', 'regional partners']))}`);
  out.block(bullets(random.int(2, 4), () => contextSentence(context)));
}

function bottomLine(context) {
  const { random, topic } = context;
  return `${capitalize(topic.noun)} ${random.pick(['offers a fragile channel that', 'remains a narrow opening that', 'is a pressure valve that'])} ${random.pick(['may avert an immediate crisis', 'buys time for both sides', 'keeps the mediators engaged'])} but is ${random.pick(words.UNLIKELY_TERMS)} to resolve ${random.pick(words.OBSTACLES)} on its own. ${paragraph(context, contextSentence, 2)}`;
}

// Sentences.

function situationSentence(context) {
  const { random } = context;
  const clause = random.pick([
    () => `, citing ${random.pick(words.REASONS)}`,
    () => `, according to ${random.pick(words.SOURCES)}`,
    () => ` after ${random.pick(context.topic.objects)} ${random.pick(['stalled', 'broke down', 'resumed', 'drew protests'])}`,
    () => '',
  ])();
  return `${capitalize(subject(context))} ${random.pick(words.PAST_VERBS)} ${random.pick(context.topic.objects)} ${timePhrase(context)}${clause}.`;
}

function contextSentence(context) {
  const { random } = context;
  const actor = random.pick(context.actors);
  return random.pick([
    () => `${capitalize(subject(context))} has ${random.pick(['long', 'repeatedly', 'consistently'])} ${random.pick(words.PAST_VERBS)} ${random.pick(context.topic.objects)}, which ${actor.capital} sees as ${random.pick(['a test of resolve', 'a red line', 'a bargaining chip', 'an internal matter'])}.`,
    () => `${capitalize(context.topic.noun)} is shaped by ${random.pick(words.OBSTACLES)} and by ${random.pick(words.REASONS)} in ${actor.capital}.`,
    () => `Since ${context.year - random.int(1, 12)}, ${actor.demonym} ${random.pick(['leaders', 'negotiators', 'officials', 'commanders'])} have treated ${random.pick(context.topic.objects)} as ${random.pick(['non-negotiable', 'a concession to trade', 'a domestic liability', 'leverage'])} — a position ${random.pick(words.UNITED_STATES)} ${random.pick(['opposes', 'tolerates', 'has tried to change'])}.`,
    () => `Regional mediators, led by ${random.pick(context.actors).name}, ${random.pick(['have kept', 'struggle to keep', 'quietly keep'])} ${random.pick(context.topic.objects)} on the agenda despite ${random.pick(words.OBSTACLES)}.`,
  ])();
}

/** A key judgment: one ICD 203 term, no confidence wording (that has its own sentence). */
function judgment(context) {
  const { random } = context;
  const who = capitalize(subject(context));
  const what = `${random.pick(words.INFINITIVES)} ${random.pick(context.topic.objects)} ${random.pick(words.QUALIFIERS)}`;
  return random.pick([
    () => `${who} will almost certainly ${what}.`,
    () => `${who} is ${random.pick(['very likely', 'likely'])} to ${what}.`,
    () => `${who} is ${random.pick(words.UNLIKELY_TERMS)} to ${what}, given ${random.pick(words.OBSTACLES)}.`,
    () => `There is a roughly even chance that ${subject(context)} will ${what}.`,
  ])();
}

function confidenceStatement(context) {
  const { random } = context;
  return `We have ${random.pick(words.CONFIDENCE_LEVELS)} confidence in these judgments. They rest on ${random.pick(words.CONFIDENCE_BASES)}; we have ${random.pick(['little', 'some', 'limited'])} insight into decisions in ${random.pick(context.actors).capital}.`;
}

// Phrases.

function subject(context) {
  const { random } = context;
  const actor = random.pick(context.actors);
  return random.pick([
    () => actor.name,
    () => actor.capital,
    () => `the ${actor.demonym} government`,
    () => `the ${actor.demonym} delegation`,
    () => `${possessive(actor.name)} foreign ministry`,
    () => random.pick(words.UNITED_STATES),
  ])();
}

function timePhrase(context) {
  const { random } = context;
  return random.pick([() => `on ${datePhrase(context)}`, () => `in ${random.pick(words.MONTHS)} ${context.year}`, () => 'last week', () => `in early ${random.pick(words.MONTHS)}`])();
}

/** A date with its true weekday, as `Friday, February 6, 2026`. */
function datePhrase(context) {
  const { random } = context;
  const month = random.int(0, 11);
  const day = random.int(1, 28);
  const weekday = new Date(Date.UTC(context.year, month, day)).getUTCDay();
  return `${words.WEEKDAYS[weekday]}, ${words.MONTHS[month]} ${day}, ${context.year}`;
}

function dateTitle(context) {
  const { random } = context;
  return `${words.MONTHS[random.int(0, 11)]} ${random.int(1, 28)}`;
}

function paragraph(context, sentence, count) {
  return Array.from({ length: count }, () => sentence(context)).join(' ');
}

function bullets(count, item) {
  return Array.from({ length: count }, () => `- ${item()}`).join('\n');
}

function actorNames(actors) {
  const names = actors.map((actor) => capitalize(actor.name));
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function titleCase(text) {
  return text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

function possessive(name) {
  return `${name}’s`;
}
