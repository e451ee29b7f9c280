/** `tradecraft outline --format text`: the outline as an indented tree, with line numbers in a left gutter. */
import type { Outline } from '../../core/index.js';

const WIDTH = 100;
const GUTTER = 6;

export function formatOutlineText(outline: Outline): string {
  const lines: string[] = [];
  const add = (depth: number, text: string, line?: number | null) => {
    const gutter = (line ? String(line) : '').padStart(GUTTER - 2) + '  ';
    const indent = '  '.repeat(depth);
    lines.push(`${gutter}${indent}${shorten(text, WIDTH - GUTTER - indent.length)}`.trimEnd());
  };

  add(0, `${outline.path}  (schema ${outline.schema})`);
  if (outline.title) add(0, `Title: ${outline.title}`);
  if (outline.preamble.question || outline.preamble.author) {
    add(0, 'Preamble');
    if (outline.preamble.question) add(1, `Question: ${outline.preamble.question}`);
    if (outline.preamble.author) add(1, `Author: ${outline.preamble.author.agentId}, ${outline.preamble.author.role}`, outline.preamble.author.line);
  }

  add(0, `Sections (${outline.sections.length})`);
  for (const section of outline.sections) {
    const subtitle = section.subtitle ? ` — ${section.subtitle}` : '';
    add(1, `${section.title}${subtitle}  [${section.id}, ${section.form}]`, section.line);
    for (const child of section.children) add(2, child.title, child.line);
  }

  add(0, `Scenarios (${outline.scenarios.length})`);
  for (const scenario of outline.scenarios) {
    const horizon = scenario.horizon ? ` (${scenario.horizon})` : '';
    const likelihood = scenario.likelihood ? `  [${scenario.likelihood.term}: ${scenario.likelihood.band[0]}–${scenario.likelihood.band[1]}%]` : '';
    add(1, `${scenario.label}${horizon}: ${scenario.title}${likelihood}`, scenario.line);
    for (const [id, value] of Object.entries(scenario.fields)) add(2, `${id}: ${value}`, scenario.fieldLines[id]);
  }

  add(0, `Judgments (${outline.judgments.length})`);
  for (const judgment of outline.judgments) add(1, judgment.text, judgment.line);

  add(0, `Actors (${outline.actors.length})`);
  for (const actor of outline.actors) {
    add(1, `${actor.name}: ${actor.mentions} mention${actor.mentions === 1 ? '' : 's'}`, actor.firstLine);
    for (const position of actor.positions) add(2, `position: ${position.label}`, position.line);
  }

  if (outline.signOff) {
    const organization = outline.signOff.organization ? ` / ${outline.signOff.organization}` : '';
    add(0, `Sign-off: ${outline.signOff.agentId}, ${outline.signOff.role}${organization}`, outline.signOff.line);
  } else {
    add(0, 'Sign-off: none');
  }
  return lines.map((line) => `${line}\n`).join('');
}

function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(0, width - 1)).trimEnd()}…`;
}
