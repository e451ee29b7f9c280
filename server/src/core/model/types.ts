/** The Assessment model: what an assessment document says, with exact source spans. */
import type { SectionSpec } from '../schema/types.js';
import type { Span } from '../text.js';

export type HeaderForm = 'heading' | 'title-line' | 'lead-in';

export interface Header {
  form: HeaderForm;
  /** 0-based line. */
  line: number;
  /** The whole header line (for a setext heading, its text line). */
  span: Span;
  /** The header text without heading markers, emoji, bold markers or numbering. */
  text: string;
  title: string;
  subtitle?: string;
  /** Span of `title` in the source. */
  titleSpan: Span;
  /** Heading depth when `form` is `heading`. */
  depth?: number;
  /** For a lead-in, where the text after its label starts (`Bottom line: The talks…`); absent when none follows. */
  restStart?: number;
}

export interface SubBlock {
  title: string;
  line: number;
  span: Span;
}

export interface Section {
  /** The schema section this header matched. */
  spec: SectionSpec;
  header: Header;
  /** From the header's start to the end of the section's last non-blank line. */
  span: Span;
  /** The lines of the body: [firstLine, endLine). */
  bodyLines: { first: number; end: number };
  /** Whether the body holds any text (a lead-in's own text counts). */
  hasBody: boolean;
  children: SubBlock[];
}

export interface ScenarioField {
  /** The schema field id (`trigger`, `outcome`…). */
  id: string;
  /** The field name as written (`Aftermath`). */
  name: string;
  value: string;
  line: number;
  /** The whole field line. */
  span: Span;
  nameSpan: Span;
  valueSpan: Span;
}

export interface LikelihoodMention {
  term: string;
  band: [number, number];
  span: Span;
  /**
   * Where a scenario's term was found: its Likelihood field, its header, its own description, or
   * (for want of those) its outcome, where the term may rate something within the outcome.
   */
  source?: 'field' | 'header' | 'description' | 'outcome';
}

export interface Scenario {
  label: string;
  horizon?: string;
  title: string;
  /** The header line as written. */
  header: Header;
  line: number;
  span: Span;
  fields: ScenarioField[];
  /** The strongest yardstick term found in the scenario, filled by the estimative-language pass. */
  likelihood?: LikelihoodMention;
}

export interface Judgment {
  text: string;
  line: number;
  span: Span;
  likelihood?: LikelihoodMention;
}

export interface ActorMention {
  span: Span;
  line: number;
  /** The text as written (`Tehran`, `U.S.`). */
  text: string;
}

export interface ActorPosition {
  label: string;
  line: number;
  span: Span;
}

export interface Actor {
  name: string;
  source: 'schema' | 'gazetteer';
  mentions: ActorMention[];
  positions: ActorPosition[];
}

export interface AgentLine {
  agentId: string;
  role: string;
  line: number;
  span: Span;
}

export interface SignOff extends AgentLine {
  organization?: string;
  organizationLine?: number;
  organizationSpan?: Span;
}

/** Closing lines that look like a sign-off but do not match the schema's pattern. */
export interface SignOffCandidate {
  text: string;
  line: number;
  span: Span;
}

export interface Preamble {
  question?: string;
  questionSpan?: Span;
  author?: AgentLine;
  lines: { first: number; end: number };
}

export interface FrontMatter {
  data: Record<string, unknown>;
  span: Span;
  error?: string;
}

export interface Assessment {
  frontMatter?: FrontMatter;
  /** A leading level-1 heading that names no section. */
  title?: { text: string; line: number; span: Span };
  preamble: Preamble;
  sections: Section[];
  scenarioSection?: Section;
  scenarios: Scenario[];
  judgments: Judgment[];
  actors: Actor[];
  signOff?: SignOff;
  signOffCandidate?: SignOffCandidate;
  /** Top-level headings that matched no section (for closed schemas). */
  unknownHeadings: Header[];
}
