/**
 * Every identifier the client shares with package.json (commands, views, context keys, settings),
 * in one place. This module imports nothing from VS Code, so tests can check package.json against it.
 */
import { Commands as ServerCommands } from '../../server/src/protocol.js';

export const Commands = {
  newAssessment: 'tradecraft.newAssessment',
  insertScenario: 'tradecraft.insertScenario',
  convertToStructured: 'tradecraft.convertToStructured',
  showPreview: 'tradecraft.showPreview',
  lintWorkspace: 'tradecraft.lintWorkspace',
  /** Named by the server: its "Open rule documentation" code action runs it with `[ruleId, url]`. */
  openRuleDocs: ServerCommands.openRuleDocs,
  restartServer: 'tradecraft.restartServer',
  /** Internal: the outline view's items reveal their line through it (hidden from the palette). */
  revealLine: 'tradecraft.revealLine',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  assessmentOutline: 'tradecraft.assessmentOutline',
} as const;

export const ContextKeys = {
  /** True while the active editor shows a document the server treats as an assessment. */
  activeEditorIsAssessment: 'tradecraft.activeEditorIsAssessment',
} as const;

export const CONFIGURATION_SECTION = 'tradecraft';

/** The `source` field of the server's diagnostics. */
export { DIAGNOSTIC_SOURCE } from '../../server/src/protocol.js';

export const OUTPUT_CHANNEL_NAME = 'Tradecraft';

export const PREVIEW_VIEW_TYPE = 'tradecraft.structuredPreview';
