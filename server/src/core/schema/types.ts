/** The resolved schema the engine checks a document against (after `extends` and defaults). */
import type { SeveritySetting } from '../findings.js';

export type SectionRole = 'scenarios' | 'judgments' | 'bottom-line';

export interface SectionSpec {
  id: string;
  title: string;
  aliases: string[];
  required: boolean;
  role?: SectionRole;
  /** Where the section must stand among the sections (checked for the bottom line). */
  position?: 'first' | 'last';
}

export interface FieldSpec {
  id: string;
  title: string;
  aliases: string[];
  required: boolean;
}

export interface ScenarioSpec {
  min: number;
  fields: FieldSpec[];
  /** Labels that rank a scenario (Most Likely, Base Case…): a likelihood statement of their own. */
  labels: string[];
  /**
   * What opens a scenario header line (`🟢`, `🔴`, `[S1]`). Empty: any leading emoji or symbol
   * does. Declared: only these do, and other symbol-led lines of the section are sub-blocks.
   */
  markers: string[];
}

export interface SignOffSpec {
  /** A regular expression with the named groups `agentId` and `role`. */
  pattern: string;
  organization: 'required' | 'optional' | 'forbidden';
  /** Text a fix inserts when the sign-off is missing. */
  template: string;
}

export interface ActorSpec {
  name: string;
  aliases: string[];
}

export interface CustomYardstickSpec {
  name?: string;
  terms: { term: string; band: [number, number]; aliases?: string[] }[];
  confidence?: string[];
}

export interface Schema {
  /** `builtin:NAME` or the schema file's path. */
  source: string;
  /** Heading level section headings are written at (fixes insert this level). */
  headingLevel: number;
  closed: boolean;
  sections: SectionSpec[];
  scenarios: ScenarioSpec;
  signOff: SignOffSpec;
  yardstick: string | CustomYardstickSpec;
  actors: ActorSpec[];
  /** Use the built-in gazetteer of states (names, demonyms, capitals) besides `actors`. */
  gazetteer: boolean;
  rules: Record<string, SeveritySetting>;
}
