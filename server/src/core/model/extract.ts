/**
 * Extracting the Assessment model from the per-line view of a parsed document, in one pass
 * over the lines. Section headers are found per line in three forms (Markdown heading, title
 * line opening with an emoji or symbol, lead-in label `Bottom line: …`), wherever CommonMark put
 * the line: chat exports fold them into paragraphs and list items as lazy continuations.
 */
import { parse as parseYaml } from 'yaml';
import type { ActorMatcher } from '../actors/mentions.js';
import type { ClassifiedLine, ParsedDocument } from '../parse.js';
import { compileAgentPattern, type AgentPattern } from '../schema/pattern.js';
import type { FieldSpec, Schema, SectionSpec } from '../schema/types.js';
import { withoutTrailingHtmlComment, type Span } from '../text.js';
import { boldLineText, leadingSymbolLength, normaliseName, numberingLength, splitTitle, startsWithSymbol } from './headerText.js';
import { isOrdinalMarker, readLineSyntax, type LineSyntax } from './lineSyntax.js';
import type { Actor, AgentLine, Assessment, FrontMatter, Header, HeaderForm, Judgment, Scenario, ScenarioField, Section, SignOff, SignOffCandidate } from './types.js';

export interface ExtractOptions {
  schema: Schema;
  actors: ActorMatcher;
}

/** A line that may carry a header: its text without heading markers, and where that text starts. */
interface HeaderCandidate {
  form: Exclude<HeaderForm, 'lead-in'>;
  text: string;
  textStart: number;
  depth?: number;
  bold?: boolean;
}

export function extractAssessment(parsed: ParsedDocument, options: ExtractOptions): Assessment {
  return new Extractor(parsed, options).run();
}

/** What the extraction looks names up in, derived from a schema once (a keystroke extracts again). */
interface SchemaNames {
  sectionNames: Map<string, SectionSpec>;
  fieldNames: Map<string, FieldSpec>;
  scenarioLabels: string[];
  signOffPattern: AgentPattern | undefined;
}

const namesBySchema = new WeakMap<Schema, SchemaNames>();

function schemaNames(schema: Schema): SchemaNames {
  let names = namesBySchema.get(schema);
  if (names) return names;
  const sectionNames = new Map<string, SectionSpec>();
  for (const spec of schema.sections) {
    for (const name of [spec.title, ...spec.aliases]) {
      const key = normaliseName(name);
      if (!sectionNames.has(key)) sectionNames.set(key, spec);
    }
  }
  const fieldNames = new Map<string, FieldSpec>();
  for (const field of schema.scenarios.fields) {
    for (const name of [field.title, ...field.aliases]) {
      const key = normaliseName(name);
      if (!fieldNames.has(key)) fieldNames.set(key, field);
    }
  }
  const compiled = compileAgentPattern(schema.signOff.pattern);
  names = {
    sectionNames,
    fieldNames,
    scenarioLabels: schema.scenarios.labels.map(normaliseName).sort((a, b) => b.length - a.length),
    signOffPattern: compiled.ok ? compiled.pattern : undefined,
  };
  namesBySchema.set(schema, names);
  return names;
}

class Extractor {
  private readonly sectionNames: Map<string, SectionSpec>;
  private readonly fieldNames: Map<string, FieldSpec>;
  private readonly scenarioLabels: string[];
  private readonly signOffPattern: AgentPattern | undefined;

  private readonly model: Assessment = { preamble: { lines: { first: 0, end: 0 } }, sections: [], scenarios: [], judgments: [], actors: [], unknownHeadings: [] };
  private section: Section | undefined;
  private scenario: Scenario | undefined;
  private field: ScenarioField | undefined;
  private judgmentItems: { marker: boolean; indent: number; line: number; lastLine: number; span: Span; text: string }[] = [];
  private lastNonBlank = -1;
  /** After a section-level heading that names no section, until the next section. */
  private outsideSections = false;
  /** Sections opened so far. */
  private readonly openedSections = new Set<SectionSpec>();
  /** Sections that Markdown headings name. */
  private readonly headingSections = new Set<SectionSpec>();
  /** Sections that title lines and bold lines name, read when a lead-in first needs them. */
  private titleLineSections: Set<SectionSpec> | undefined;
  /** The line the sign-off starts on, or the line count: where sections end. */
  private end = 0;
  /** A level-1 heading that titles the document although it names a section (`# Assessment: Geneva Talks`). */
  private titleLine: number | undefined;

  constructor(
    private readonly parsed: ParsedDocument,
    private readonly options: ExtractOptions,
  ) {
    ({ sectionNames: this.sectionNames, fieldNames: this.fieldNames, scenarioLabels: this.scenarioLabels, signOffPattern: this.signOffPattern } = schemaNames(options.schema));
  }

  run(): Assessment {
    const { lines } = this.parsed;
    this.readFrontMatter();
    const signOffStart = this.findSignOff();
    const end = signOffStart ?? lines.length;
    this.end = end;
    this.readHeadings();
    for (let index = 0; index < end; index++) {
      const line = lines[index]!;
      if (line.kind === 'heading' && line.depth !== undefined) this.visitLine(line, { form: 'heading', ...headingText(line), depth: line.depth });
      // Further lines of a multi-line setext heading belong to the heading on its first line.
      else if (line.kind === 'text' || line.kind === 'table') this.visitLine(line, undefined);
      if (line.kind !== 'blank' && line.kind !== 'frontmatter' && !isCommentOnly(line)) this.lastNonBlank = index;
    }
    this.closeSection(end);
    if (this.model.sections.length === 0) this.model.preamble.lines.end = end;
    this.findMentions();
    return this.model;
  }

  /**
   * What the Markdown headings say before the line-by-line reading: the sections they name, and
   * whether a lone level-1 heading is the document's title. It is when it comes before two or
   * more deeper headings that name other sections (`# Assessment: Geneva Talks` over
   * `## Current Situation` … `## Bottom Line`); over a single one (`# Situation` … `## Key
   * Judgments`) it stays a section, whose demoted sub-heading section-missing reports.
   */
  private readHeadings(): void {
    const levelOne: { line: number; spec: SectionSpec | undefined }[] = [];
    const deeper = new Set<SectionSpec>();
    for (let index = 0; index < this.end; index++) {
      const line = this.parsed.lines[index]!;
      if (line.kind !== 'heading' || line.depth === undefined) continue;
      const spec = this.matchSection(line, { form: 'heading', ...headingText(line), depth: line.depth })?.spec;
      if (!spec) continue;
      this.headingSections.add(spec);
      if (line.depth === 1) levelOne.push({ line: index, spec });
      else if (levelOne.length > 0) deeper.add(spec);
    }
    const title = levelOne.length === 1 ? levelOne[0]! : undefined;
    if (!title?.spec) return;
    deeper.delete(title.spec);
    if (deeper.size < 2) return;
    this.titleLine = title.line;
    this.headingSections.delete(title.spec);
  }

  /** Whether a header anywhere names the section: a heading, or a title line or bold line. */
  private namedByHeader(spec: SectionSpec): boolean {
    if (this.headingSections.has(spec)) return true;
    if (!this.titleLineSections) {
      this.titleLineSections = new Set();
      for (let index = 0; index < this.end; index++) {
        const line = this.parsed.lines[index]!;
        if (line.kind !== 'text' || !mayOpenTitleLine(line.text)) continue;
        const syntax = readLineSyntax(line.text);
        const candidate = syntax.marker ? undefined : textHeaderCandidate(syntax);
        const named = candidate && this.matchSection(line, candidate)?.spec;
        if (named) this.titleLineSections.add(named);
      }
    }
    return this.titleLineSections.has(spec);
  }

  // ── Front matter ────────────────────────────────────────────────────────────
  private readFrontMatter(): void {
    const raw = this.parsed.frontMatter;
    if (!raw) return;
    const frontMatter: FrontMatter = { data: {}, span: raw.span };
    try {
      // Warnings about odd YAML (a collection as a key) are not the reader's business: Node would print them.
      const data: unknown = parseYaml(raw.value, { logLevel: 'error' });
      if (data && typeof data === 'object' && !Array.isArray(data)) frontMatter.data = data as Record<string, unknown>;
      else if (data !== null && data !== undefined) frontMatter.error = 'Front matter is not a map of keys.';
    } catch (error) {
      frontMatter.error = `Front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`;
    }
    this.model.frontMatter = frontMatter;
  }

  // ── Lines ───────────────────────────────────────────────────────────────────
  private visitLine(line: ClassifiedLine, heading: HeaderCandidate | undefined): void {
    if (line.index === this.titleLine && heading) {
      this.model.title = { text: heading.text.trim(), line: line.index, span: { start: line.start, end: line.end } };
      return;
    }
    const syntax = heading ? undefined : readLineSyntax(line.text);
    const candidate = heading ?? (syntax && !syntax.marker ? textHeaderCandidate(syntax) : undefined);

    const header = candidate && this.mayStartSection(candidate) ? this.titleSection(line, candidate) : syntax && !syntax.marker ? this.leadInSection(line, syntax) : undefined;
    if (header) {
      this.openSection(line, header.spec, header.header, header.rest);
      return;
    }
    if (candidate && this.isTopLevelHeading(candidate) && (this.section || this.model.title || candidate.depth !== 1)) {
      // A heading at section level that names no section ends the current section.
      this.model.unknownHeadings.push(this.buildHeader(line, candidate));
      this.closeSection(line.index);
      this.outsideSections = true;
      return;
    }
    if (this.outsideSections) return;
    if (!this.section) {
      this.visitPreambleLine(line, candidate, syntax);
      return;
    }
    this.section.hasBody = true;
    const inScenarios = this.section.spec.role === 'scenarios';
    if (inScenarios) {
      const scenarioHeader = this.scenarioHeader(line, candidate, syntax);
      if (scenarioHeader) {
        this.openScenario(line, scenarioHeader);
        return;
      }
    }
    if (this.section.spec.role === 'judgments' && syntax && BULLET.test(syntax.content)) {
      this.visitJudgmentLine(line, syntax);
      return;
    }
    if (candidate) {
      this.closeScenario();
      const header = this.buildHeader(line, candidate);
      this.section.children.push({ title: header.text, line: line.index, span: header.span });
      return;
    }
    if (!syntax) return;
    if (this.scenario) {
      this.visitScenarioLine(line, syntax);
      return;
    }
    if (this.section.spec.role === 'judgments') {
      this.visitJudgmentLine(line, syntax);
      return;
    }
    if (isOrdinalMarker(syntax.marker) && syntax.indent === 0 && isLeadLine(syntax.content)) {
      this.section.children.push({ title: syntax.content, line: line.index, span: { start: line.start + syntax.indent, end: line.end } });
    }
  }

  private visitPreambleLine(line: ClassifiedLine, candidate: HeaderCandidate | undefined, syntax: LineSyntax | undefined): void {
    const preamble = this.model.preamble;
    if (candidate?.form === 'heading' && candidate.depth === 1 && !this.model.title) {
      this.model.title = { text: candidate.text.trim(), line: line.index, span: { start: line.start, end: line.end } };
      return;
    }
    if (!syntax || candidate) return;
    // `US-01, US Agent:`, alone or followed by the agent's opening words (`…: Here is my read.`).
    const label = syntax.content.endsWith(':') ? syntax.content.slice(0, -1) : /^[^:]{1,80}(?=:\s)/.exec(syntax.content)?.[0];
    const author = !preamble.author && label !== undefined ? this.matchAgentLine(label, line, syntax.contentStart) : undefined;
    if (author) {
      preamble.author = author;
      return;
    }
    if (!preamble.author && syntax.content !== '') {
      // The tasking question: the preamble's text before the author line.
      const span = { start: line.start + syntax.contentStart, end: line.end };
      preamble.question = preamble.question ? `${preamble.question} ${syntax.content}` : syntax.content;
      preamble.questionSpan = preamble.questionSpan ? { start: preamble.questionSpan.start, end: span.end } : span;
    }
  }

  // ── Sections ────────────────────────────────────────────────────────────────
  /**
   * Under a section written as a Markdown heading, deeper headings and bold lines are its
   * sub-blocks even when their text names a section (`### Background` under Strategic Context).
   */
  private mayStartSection(candidate: HeaderCandidate): boolean {
    const current = this.section?.header;
    if (current?.form !== 'heading' || current.depth === undefined) return true;
    if (candidate.form === 'heading') return candidate.depth === undefined || candidate.depth <= current.depth;
    return !candidate.bold;
  }

  private isTopLevelHeading(candidate: HeaderCandidate): boolean {
    if (candidate.form !== 'heading' || candidate.depth === undefined) return false;
    const sectionDepth = this.section?.header.depth ?? this.model.sections.find((section) => section.header.depth !== undefined)?.header.depth ?? this.options.schema.headingLevel;
    return candidate.depth <= sectionDepth;
  }

  private matchSection(line: ClassifiedLine, candidate: HeaderCandidate): { spec: SectionSpec; header: Header; rest?: string } | undefined {
    const header = this.buildHeader(line, candidate);
    const byTitle = this.sectionNames.get(normaliseName(header.title));
    const spec = byTitle ?? this.sectionNames.get(normaliseName(header.text));
    if (spec) {
      if (byTitle !== spec) {
        header.title = header.text;
        delete header.subtitle;
      }
      return { spec, header };
    }
    // `Current Situation (as of 1 March)`, `Key Judgments [Updated]`, `Forecast | Q3`, `The Bottom Line`.
    const qualified = QUALIFIED_NAME.exec(header.title);
    const qualifiedSpec = qualified ? this.sectionNames.get(normaliseName(qualified[1]!)) : undefined;
    if (!qualified || !qualifiedSpec) return undefined;
    const name = qualified[1]!;
    const offset = header.title.indexOf(name);
    header.titleSpan = { start: header.titleSpan.start + offset, end: header.titleSpan.start + offset + name.length };
    const subtitle = [(qualified[2] ?? qualified[3])?.trim(), header.subtitle].filter(Boolean).join(' — ');
    if (subtitle) header.subtitle = subtitle;
    header.title = name;
    return { spec: qualifiedSpec, header };
  }

  /**
   * The section a header opens. A title line or bold line naming the section it stands in, or
   * one that came before, is a sub-block (`🔹 Key drivers:` under Strategic Context, `🔹
   * Background:` after the Current Situation); a Markdown heading always opens its section.
   */
  private titleSection(line: ClassifiedLine, candidate: HeaderCandidate): ReturnType<Extractor['matchSection']> {
    const header = this.matchSection(line, candidate);
    if (!header || candidate.form === 'heading') return header;
    const { spec } = header;
    if (spec === this.section?.spec || this.openedSections.has(spec)) return undefined;
    return header;
  }

  /**
   * The section a lead-in label opens. A label is body text where its section already stands
   * (`Background: …` under Current Situation), stood before, or stands as a header elsewhere;
   * in a scenario, a field's name (`Drivers:`) is a field.
   */
  private leadInSection(line: ClassifiedLine, syntax: LineSyntax): ReturnType<Extractor['matchLeadIn']> {
    if (this.scenario && this.readField(syntax.content)) return undefined;
    const leadIn = this.matchLeadIn(line, syntax);
    if (!leadIn) return undefined;
    const { spec } = leadIn;
    if (spec === this.section?.spec || this.openedSections.has(spec) || this.namedByHeader(spec)) return undefined;
    return leadIn;
  }

  private readField(content: string): ReturnType<typeof readField> {
    return readField(this.fieldNames, content);
  }

  private matchLeadIn(line: ClassifiedLine, syntax: LineSyntax): { spec: SectionSpec; header: Header; rest: string } | undefined {
    const colon = syntax.content.indexOf(':');
    if (colon < 1 || colon > 66) return undefined;
    const match = LEAD_IN.exec(syntax.content);
    // Emphasis alone on its line (`**Outlook:**`) is a bold line, which a heading section keeps as a sub-block.
    if (!match || (match[1] && !match[3])) return undefined;
    const label = match[2]!;
    const spec = this.sectionNames.get(normaliseName(label));
    if (!spec) return undefined;
    const lineStart = line.start + syntax.contentStart;
    const titleStart = lineStart + (match[1]?.length ?? 0);
    const header: Header = {
      form: 'lead-in',
      line: line.index,
      span: { start: lineStart, end: line.end },
      text: syntax.content,
      title: label,
      titleSpan: { start: titleStart, end: titleStart + label.length },
    };
    const rest = match[3] ?? '';
    if (rest !== '') header.restStart = lineStart + syntax.content.length - rest.length;
    return { spec, header, rest };
  }

  private buildHeader(line: ClassifiedLine, candidate: HeaderCandidate): Header {
    const symbolLength = this.markerLength(candidate.text) || leadingSymbolLength(candidate.text);
    const afterSymbols = candidate.text.slice(symbolLength);
    const numbering = numberingLength(afterSymbols);
    const text = afterSymbols.slice(numbering).replace(/:\s*$/, '').trim();
    const split = splitTitle(text);
    const textStart = line.start + candidate.textStart + symbolLength + numbering + (afterSymbols.slice(numbering).length - afterSymbols.slice(numbering).trimStart().length);
    const header: Header = {
      form: candidate.form,
      line: line.index,
      span: { start: line.start + (candidate.form === 'heading' ? 0 : candidate.textStart - (candidate.bold ? 2 : 0)), end: line.end },
      text,
      title: split.title,
      titleSpan: { start: textStart + split.titleStart, end: textStart + split.titleStart + split.title.length },
    };
    if (split.subtitle) header.subtitle = split.subtitle;
    if (candidate.depth !== undefined) header.depth = candidate.depth;
    return header;
  }

  private openSection(line: ClassifiedLine, spec: SectionSpec, header: Header, rest: string | undefined): void {
    this.closeSection(line.index);
    this.outsideSections = false;
    if (this.model.sections.length === 0) this.model.preamble.lines.end = line.index;
    this.section = {
      spec,
      header,
      span: { start: header.span.start, end: line.end },
      bodyLines: { first: line.index + 1, end: line.index + 1 },
      hasBody: rest !== undefined && rest.trim() !== '',
      children: [],
    };
    if (spec.role === 'scenarios' && !this.model.scenarioSection) this.model.scenarioSection = this.section;
    this.model.sections.push(this.section);
    this.openedSections.add(spec);
  }

  private closeSection(nextLine: number): void {
    this.closeScenario();
    const section = this.section;
    if (!section) return;
    section.bodyLines.end = nextLine;
    const last = this.parsed.lines[Math.max(this.lastNonBlank, section.header.line)]!;
    section.span.end = Math.max(section.span.end, last.end);
    if (section.spec.role === 'judgments') this.collectJudgments();
    this.section = undefined;
  }

  // ── Scenarios ───────────────────────────────────────────────────────────────
  /**
   * The scenario header a line of the scenario section opens, if any: a heading or bold line, a
   * line that starts with a ranking label, or a title line led by a marker (the schema's markers
   * when it declares them, else any emoji or symbol).
   */
  private scenarioHeader(line: ClassifiedLine, candidate: HeaderCandidate | undefined, syntax: LineSyntax | undefined): HeaderCandidate | undefined {
    // A bold line naming a section (`**Bottom line:**`) is a sub-block here as under any heading
    // section, not a scenario: section-missing then says what it is.
    if (candidate?.bold && this.matchSection(line, candidate)) return undefined;
    const listItem = syntax?.marker !== undefined;
    const markers = this.options.schema.scenarios.markers;
    if (markers.length > 0 && syntax && !listItem) {
      if (this.markerLength(syntax.content) > 0) return { form: 'title-line', text: syntax.content, textStart: syntax.contentStart };
      // Declared markers say which symbol-led lines are scenarios: the others are sub-blocks.
      if (candidate?.form === 'title-line' && !candidate.bold && !this.startsWithLabel(candidate.text.slice(leadingSymbolLength(candidate.text)))) return undefined;
    }
    if (candidate) return candidate;
    if (syntax && !listItem && (this.startsWithLabel(syntax.content) || NUMBERED_SCENARIO.test(syntax.content))) return { form: 'title-line', text: syntax.content, textStart: syntax.contentStart };
    return undefined;
  }

  private markerLength(text: string): number {
    return scenarioMarkerLength(this.options.schema, text);
  }

  private startsWithLabel(content: string): boolean {
    return startsWithLabel(this.scenarioLabels, content);
  }

  private openScenario(line: ClassifiedLine, candidate: HeaderCandidate): void {
    this.closeScenario();
    const header = this.buildHeader(line, candidate);
    const { label, horizon, title } = parseScenarioHeader(header.text.replace(/\*\*|__/g, ''));
    const scenario: Scenario = { label, title, header, line: line.index, span: { start: header.span.start, end: line.end }, fields: [] };
    if (horizon) scenario.horizon = horizon;
    this.scenario = scenario;
    this.model.scenarios.push(scenario);
  }

  private closeScenario(): void {
    const scenario = this.scenario;
    if (!scenario) return;
    const last = this.parsed.lines[Math.max(this.lastNonBlank, scenario.line)]!;
    scenario.span.end = Math.max(scenario.span.end, last.end);
    this.scenario = undefined;
    this.field = undefined;
    if (!this.isScenario(scenario) && this.section) {
      // A block set apart in the forecast (`### Key Assumptions`, `⚠️ Note: …`, a divider) is a sub-block.
      // It is the last scenario opened.
      this.model.scenarios.pop();
      this.section.children.push({ title: scenario.header.text, line: scenario.line, span: scenario.header.span });
    }
  }

  /**
   * Whether a header of the scenario section reads as a scenario once its block is read: it has
   * a field, a ranking label, a horizon, or calls itself a scenario. Anything else set apart in
   * the section is not one.
   */
  private isScenario(scenario: Scenario): boolean {
    return scenario.fields.length > 0 || scenario.horizon !== undefined || this.startsWithLabel(scenario.label) || /\bscenario\b/i.test(scenario.label);
  }

  private visitScenarioLine(line: ClassifiedLine, syntax: LineSyntax): void {
    const field = this.readField(syntax.content);
    if (field && this.scenario) {
      const { match, spec } = field;
      const nameStart = line.start + syntax.contentStart + (match[1]?.length ?? 0);
      const value = match[5]!.trim();
      const valueStart = line.start + syntax.contentStart + syntax.content.length - match[5]!.length;
      this.field = {
        id: spec.id,
        name: match[2]!.trim(),
        value,
        line: line.index,
        span: { start: line.start + (syntax.marker ? syntax.indent : syntax.contentStart), end: line.end },
        nameSpan: { start: nameStart, end: nameStart + match[2]!.trim().length },
        valueSpan: { start: valueStart, end: valueStart + value.length },
      };
      this.scenario.fields.push(this.field);
      return;
    }
    if (this.field && syntax.content !== '') {
      this.field.value = this.field.value === '' ? syntax.content : `${this.field.value} ${syntax.content}`;
      this.field.valueSpan = { start: this.field.value === syntax.content ? line.start + syntax.contentStart : this.field.valueSpan.start, end: line.end };
    }
  }

  // ── Judgments ───────────────────────────────────────────────────────────────
  private visitJudgmentLine(line: ClassifiedLine, syntax: LineSyntax): void {
    const span = { start: line.start + syntax.indent, end: line.end };
    const previous = this.judgmentItems[this.judgmentItems.length - 1];
    // Chat exports write items with typographic bullets (`• …`), which Markdown reads as text.
    const bullet = BULLET.exec(syntax.content);
    const marker = syntax.marker !== undefined || bullet !== null;
    const text = bullet ? syntax.content.slice(bullet[0].length) : syntax.content;
    // A line continues the item above it when it follows directly (a lazy continuation) or,
    // after a blank line, when it is indented under a list item; otherwise it is a new paragraph.
    // A confidence statement right after the list is the section's own, not the last item's.
    const follows = previous !== undefined && previous.lastLine === line.index - 1 && !CONFIDENCE_STATEMENT.test(text);
    const indentedUnder = previous !== undefined && previous.marker && syntax.indent > previous.indent;
    if (previous && !marker && (follows || indentedUnder)) {
      previous.text = `${previous.text} ${text}`;
      previous.span.end = line.end;
      previous.lastLine = line.index;
      return;
    }
    this.judgmentItems.push({ marker, indent: syntax.indent, line: line.index, lastLine: line.index, span, text });
  }

  /** The judgments are the section's outermost list items, or its paragraphs when it has no list. */
  private collectJudgments(): void {
    const items = this.judgmentItems;
    this.judgmentItems = [];
    const listed = items.filter((item) => item.marker);
    let outermost = Infinity;
    for (const item of listed) outermost = Math.min(outermost, item.indent);
    const chosen = listed.length > 0 ? listed.filter((item) => item.indent === outermost) : items;
    for (const item of chosen) {
      const judgment: Judgment = { text: item.text, line: item.line, span: item.span };
      this.model.judgments.push(judgment);
    }
  }

  // ── Sign-off and author line ────────────────────────────────────────────────
  private matchAgentLine(text: string, line: ClassifiedLine, contentStart: number): AgentLine | undefined {
    const groups = this.signOffPattern?.match(cleanClosingLine(text));
    if (!groups) return undefined;
    return {
      agentId: groups.agentId ?? '',
      role: groups.role?.trim() ?? '',
      line: line.index,
      span: { start: line.start + contentStart, end: line.end },
    };
  }

  /** Finds the sign-off among the last lines; returns the line it starts on. */
  private findSignOff(): number | undefined {
    const closing = this.lastContentLines(2);
    const last = closing[closing.length - 1];
    if (!last) return undefined;
    const before = closing.length > 1 ? closing[0] : undefined;
    const content = (line: ClassifiedLine) => {
      const syntax = readLineSyntax(line.text);
      return { text: cleanClosingLine(syntax.content), start: syntax.contentStart };
    };
    const lastContent = content(last);
    const single = this.matchAgentLine(lastContent.text, last, lastContent.start);
    if (single) {
      this.model.signOff = single;
      return last.index;
    }
    if (before && looksLikeOrganisation(lastContent.text)) {
      const beforeContent = content(before);
      const withOrganisation = this.matchAgentLine(beforeContent.text, before, beforeContent.start);
      if (withOrganisation) {
        const signOff: SignOff = { ...withOrganisation, organization: lastContent.text, organizationLine: last.index, organizationSpan: { start: last.start + lastContent.start, end: last.end } };
        signOff.span = { start: withOrganisation.span.start, end: withOrganisation.span.end };
        this.model.signOff = signOff;
        return before.index;
      }
      if (looksLikeSignOff(beforeContent.text)) {
        this.model.signOffCandidate = candidateOf(before, beforeContent.start, `${beforeContent.text} / ${lastContent.text}`);
        return before.index;
      }
    }
    if (looksLikeSignOff(lastContent.text)) {
      this.model.signOffCandidate = candidateOf(last, lastContent.start, lastContent.text);
      return last.index;
    }
    return undefined;
  }

  private lastContentLines(count: number): ClassifiedLine[] {
    return closingLines(this.parsed.lines, count);
  }

  // ── Actors ──────────────────────────────────────────────────────────────────
  private findMentions(): void {
    const byName = new Map<string, Actor>();
    for (const actor of this.options.schema.actors) byName.set(actor.name, { name: actor.name, source: 'schema', mentions: [], positions: [] });
    const skipLines = new Set<number>();
    if (this.model.preamble.author) skipLines.add(this.model.preamble.author.line);
    if (this.model.signOff) skipLines.add(this.model.signOff.line);
    if (this.model.signOff?.organizationLine !== undefined) skipLines.add(this.model.signOff.organizationLine);
    if (this.model.signOffCandidate) skipLines.add(this.model.signOffCandidate.line);
    const nonProse = this.parsed.nonProse;
    let nonProseIndex = 0;
    for (const line of this.parsed.lines) {
      if ((line.kind !== 'text' && line.kind !== 'heading' && line.kind !== 'table') || skipLines.has(line.index)) continue;
      const matches = this.options.actors.match(line.text);
      for (const match of matches) {
        const span = { start: line.start + match.start, end: line.start + match.end };
        while (nonProseIndex < nonProse.length && nonProse[nonProseIndex]!.end <= span.start) nonProseIndex++;
        const code = nonProse[nonProseIndex];
        if (code && code.start < span.end && span.start < code.end) continue;
        let actor = byName.get(match.actor);
        if (!actor) {
          actor = { name: match.actor, source: 'gazetteer', mentions: [], positions: [] };
          byName.set(match.actor, actor);
        }
        actor.mentions.push({ span, line: line.index, text: line.text.slice(match.start, match.end) });
        if (opensPositionBlock(line.text, match.start)) {
          actor.positions.push({ label: line.text.slice(match.start).replace(/:\s*$/, '').trim(), line: line.index, span: { start: span.start, end: line.end } });
        }
      }
    }
    this.model.actors = [...byName.values()].filter((actor) => actor.source === 'schema' || actor.mentions.length > 0);
  }
}

// ── Line helpers ──────────────────────────────────────────────────────────────

/**
 * What the extraction reads from a line of text besides its words, for a line that can only be
 * body text: its block prefix, and whether it is a bullet item or a confidence statement (which
 * group the lines of key judgments). Two texts of the same shape play the same part in the model
 * wherever they stand, so an edit that keeps the shape changes no section, scenario, field or
 * judgment. Undefined for a line that could be more than body text: a title line or bold line, a
 * lead-in naming a section, a field, a scenario header or a numbered lead line.
 */
export function bodyLineShape(text: string, schema: Schema): string | undefined {
  const names = schemaNames(schema);
  const syntax = readLineSyntax(text);
  const { content } = syntax;
  if (!syntax.marker && textHeaderCandidate(syntax)) return undefined;
  const leadIn = LEAD_IN.exec(content);
  if (leadIn && names.sectionNames.has(normaliseName(leadIn[2]!))) return undefined;
  if (readField(names.fieldNames, content)) return undefined;
  if (startsWithLabel(names.scenarioLabels, content) || NUMBERED_SCENARIO.test(content) || scenarioMarkerLength(schema, content) > 0) return undefined;
  if (isOrdinalMarker(syntax.marker) && syntax.indent === 0 && isLeadLine(content)) return undefined;
  const bullet = BULLET.exec(content);
  const confidence = CONFIDENCE_STATEMENT.test(bullet ? content.slice(bullet[0].length) : content);
  return `${syntax.contentStart}|${syntax.marker ?? ''}|${syntax.indent}|${bullet ? 'bullet' : ''}|${confidence ? 'confidence' : ''}`;
}

/**
 * The last `count` lines of text, where the sign-off is looked for: blank lines, comments and (at the
 * very end) footnote and link definitions (`[^1]: Reuters …`, `[ref]: https://…`) are passed over.
 */
export function closingLines(lines: readonly ClassifiedLine[], count: number): ClassifiedLine[] {
  return readClosingLines(lines, count).found;
}

/** The first line the sign-off search reads (from there to the end, any line may change what it finds). */
export function closingRegionStart(lines: readonly ClassifiedLine[], count: number): number {
  return readClosingLines(lines, count).from;
}

function readClosingLines(lines: readonly ClassifiedLine[], count: number): { found: ClassifiedLine[]; from: number } {
  const found: ClassifiedLine[] = [];
  let index = lines.length - 1;
  for (; index >= 0 && found.length < count; index--) {
    const line = lines[index]!;
    if (line.kind === 'blank' || isCommentOnly(line) || (found.length === 0 && DEFINITION.test(line.text))) continue;
    if (line.kind !== 'text') break;
    found.unshift(line);
  }
  return { found, from: Math.max(index + (found.length < count ? 0 : 1), 0) };
}

/** A field line whose name is one of the schema's fields: the line's parts (see FIELD_LINE) and the field. */
function readField(fieldNames: Map<string, FieldSpec>, content: string): { match: RegExpExecArray; spec: FieldSpec } | undefined {
  const match = FIELD_LINE.exec(content) ?? DASH_FIELD_LINE.exec(content);
  const spec = match ? fieldNames.get(normaliseName(match[2]!)) : undefined;
  return match && spec ? { match, spec } : undefined;
}

function startsWithLabel(scenarioLabels: readonly string[], content: string): boolean {
  const normalised = normaliseName(content.split(/[:(]/)[0] ?? '');
  return scenarioLabels.some((label) => normalised === label);
}

/** Length of the schema's scenario marker that opens `text`, with the spaces after it (0: none). */
function scenarioMarkerLength(schema: Schema, text: string): number {
  const marker = schema.scenarios.markers.find((each) => text.startsWith(each));
  if (!marker) return 0;
  const rest = text.slice(marker.length);
  const title = rest.trimStart();
  return title === '' ? 0 : text.length - title.length;
}

/** `U.S. priorities:` / `Iran’s position:` — a short label line opening with an actor. */
export function opensPositionBlock(text: string, mentionStart: number): boolean {
  if (!text.trimEnd().endsWith(':')) return false;
  const syntax = readLineSyntax(text);
  return mentionStart === syntax.contentStart && !syntax.marker && /^[^:]{1,60}:\s*$/.test(text.slice(mentionStart));
}

function headingText(line: ClassifiedLine): { text: string; textStart: number } {
  const atx = /^(\s{0,3}#{1,6})(?:[ \t]+|$)/.exec(line.text);
  if (!atx) return { text: withoutTrailingHtmlComment(line.text).trim(), textStart: line.text.length - line.text.trimStart().length };
  const rest = withoutTrailingHtmlComment(line.text.slice(atx[0].length)).replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+[ \t]*$/, '');
  return { text: rest.trimEnd(), textStart: atx[0].length };
}

/** A typographic bullet opening a line: `• `, `▪ `, `◦ `. */
const BULLET = /^[•▪◦‣●■▸►⁃∙]\s+/;

/** A line that states the judgments' confidence: `Confidence: Moderate.`, `We have moderate confidence …`. */
const CONFIDENCE_STATEMENT = /^(?:\*\*|__)?(?:overall |analytic )?confidence\b|^(?:we|i) (?:have|hold|place|assess)\b[^.]{0,40}\bconfidence\b|^(?:our|my) confidence\b/i;

/** `Scenario 2 — …`, `Scenario B: …`: a numbered scenario; the group is what follows the number. */
const NUMBERED_SCENARIO = /^Scenario\s+[\p{L}\p{N}]{1,3}\s*(?::|\s[—–-])\s*(.+)$/iu;

/** A footnote or link reference definition. */
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s/;

/** A section name with a leading “The” or a qualifier after it: `(as of …)`, `[Updated]`, `| Q3`. */
const QUALIFIED_NAME = /^(?:the\s+)?(.+?)\s*(?:[([]([^()[\]]*)[)\]]|\|\s*(.*))?\s*$/i;

/**
 * A scenario field line: `Trigger: text`, the name emphasised or not (`**Trigger:** text`,
 * `*Trigger*: text`, `***Trigger:***text`). Groups: opening emphasis, name, closing emphasis,
 * emphasis after the colon, value.
 */
const FIELD_LINE = /^(\*{1,3}|_{1,3})?([^:*_]{1,40}?)(\*{1,3}|_{1,3})?\s*:(?:(\*{1,3}|_{1,3})\s*|\s+|$)(.*)$/;
/** The same with a spaced dash for the colon (`Trigger — text`, `**Outcome** – text`); same groups. */
const DASH_FIELD_LINE = /^(\*{1,3}|_{1,3})?([^:*_—–-]{1,40}?)(\*{1,3}|_{1,3})?\s+[—–-]\s+(\*{1,3}|_{1,3})?(.*)$/;

/**
 * A lead-in label: `Bottom line: text`, also emphasised as `**Bottom line:** text` or
 * `**Bottom line**: text` (the emphasis is not part of the label).
 */
const LEAD_IN = /^(\*\*|__|\*|_)?([^:*_]{1,60}?)\s*(?:\1)?\s*:(?:\1)?(?:\s+(.*))?$/;

/** A cheap first look: a title line opens with an emoji or symbol, a bold line with `**` or `__`. */
function mayOpenTitleLine(text: string): boolean {
  const first = text.trimStart().charCodeAt(0);
  return first > 0x7f || first === 0x2a /* * */ || first === 0x5f /* _ */ || (first >= 0x30 && first <= 0x39 && text.includes('\u20e3'));
}

function textHeaderCandidate(syntax: LineSyntax): HeaderCandidate | undefined {
  const content = withoutTrailingHtmlComment(syntax.content);
  if (startsWithSymbol(content)) return { form: 'title-line', text: content, textStart: syntax.contentStart };
  const bold = boldLineText(content);
  if (bold) return { form: 'title-line', text: bold.inner, textStart: syntax.contentStart + bold.offset, bold: true };
  return undefined;
}

function isCommentOnly(line: ClassifiedLine): boolean {
  return line.kind === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(line.text);
}

/** A numbered lead line (`1) Tension After Escalation in 2025`): short, title-like, no sentence end. */
function isLeadLine(content: string): boolean {
  const words = content.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 12 && !/[.!?;,:]$/.test(content) && !content.includes(': ');
}

/** `Label (Horizon): Title` → its parts. */
export function parseScenarioHeader(text: string): { label: string; horizon?: string; title: string } {
  // `Scenario 2 — Alternative (6–12 Months): Title`: the number leads the header proper.
  const numbered = NUMBERED_SCENARIO.exec(text);
  if (numbered && /[:(]/.test(numbered[1]!)) return parseScenarioHeader(numbered[1]!);
  const split = splitTitle(text);
  let label = split.title;
  let horizon: string | undefined;
  const parens = /\s*\(([^()]+)\)\s*$/.exec(label);
  if (parens) {
    horizon = parens[1]!.trim();
    label = label.slice(0, parens.index).trim();
  }
  const title = split.subtitle ?? '';
  return horizon ? { label, horizon, title } : { label, title };
}

/** The text of a closing line without emphasis, trailing comments, hard breaks or a leading dash. */
function cleanClosingLine(text: string): string {
  return withoutTrailingHtmlComment(text)
    .replace(/\\$/, '')
    .trim()
    .replace(/^(?:[—–]|--)\s*/, '')
    .replace(/^(\*\*|__|\*|_)(.+)\1$/, '$2')
    .trim();
}

/**
 * A short line that can name an organisation (`Three Corporate, Inc.`, `Washington, D.C.`): no
 * sentence punctuation at its end, but for the period of an abbreviation.
 */
function looksLikeOrganisation(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10 || text.length > 100 || /[!?:;]$/.test(text)) return false;
  return !text.endsWith('.') || ABBREVIATION.test(words.at(-1)!);
}

/** `Inc.`, `Corp.`, `Ltd.`, `Co.`, `D.C.`, `U.K.`: a word a period ends without ending a sentence. */
const ABBREVIATION = /^(?:[A-Z][a-z]{0,4}\.|(?:[A-Za-z]\.){2,})$/;

/** Closing lines a reader would take for an attempted sign-off (`IR01 Iran agent`). */
function looksLikeSignOff(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6 || text.length > 60 || /[.!?:;]$/.test(text)) return false;
  return /\b[A-Z]{2,4}[- ]?\d{1,3}\b/.test(text) || /\b(agent|analyst|desk|cell|officer|team)\b/i.test(text);
}

function candidateOf(line: ClassifiedLine, contentStart: number, text: string): SignOffCandidate {
  return { text, line: line.index, span: { start: line.start + contentStart, end: line.end } };
}
