/**
 * package.json's `contributes`, built from the ids and values the code uses (commands, views,
 * context keys, the server's settings, the rule registry, the yardsticks). A unit test keeps
 * package.json equal to this; run it with UPDATE_MANIFEST=1 to write it (through `npm pkg set`).
 */
import { BUILTIN_YARDSTICKS } from '../../../server/src/core/estimative/index.js';
import { RULES } from '../../../server/src/core/rules/index.js';
import { DEFAULT_DEBOUNCE_MS, MAX_DEBOUNCE_MS } from '../../../server/src/settings.js';
import { Commands, ContextKeys, Views } from '../constants.js';
import { INJECTION_SCOPE } from '../grammar/injectionGrammar.js';

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];
const CATEGORY = 'Tradecraft';
const SCHEMA_JSON = './schemas/tradecraft.schema.json';
const WALKTHROUGH_MEDIA = 'client/media/walkthrough';

const markdown = 'editorLangId == markdown';
const assessment = `${markdown} && ${ContextKeys.activeEditorIsAssessment}`;
const outlineView = `view == ${Views.assessmentOutline}`;

export function contributes(): Record<string, unknown> {
  return {
    configuration: { title: 'Tradecraft', properties: settings() },
    commands: [
      { command: Commands.newAssessment, title: 'New Assessment from Schema…', category: CATEGORY, icon: '$(new-file)' },
      { command: Commands.insertScenario, title: 'Insert Scenario', category: CATEGORY, icon: '$(add)', enablement: markdown },
      { command: Commands.convertToStructured, title: 'Convert to Structured Assessment', category: CATEGORY },
      { command: Commands.showPreview, title: 'Show Structured Preview', category: CATEGORY, icon: '$(open-preview)' },
      { command: Commands.lintWorkspace, title: 'Lint Workspace', category: CATEGORY, icon: '$(checklist)' },
      { command: Commands.openRuleDocs, title: 'Open Rule Docs…', category: CATEGORY, icon: '$(book)' },
      { command: Commands.restartServer, title: 'Restart Language Server', category: CATEGORY, icon: '$(debug-restart)' },
    ],
    menus: {
      commandPalette: [
        { command: Commands.insertScenario, when: markdown },
        { command: Commands.convertToStructured, when: markdown },
        { command: Commands.showPreview, when: markdown },
      ],
      'editor/title': [{ command: Commands.showPreview, when: assessment, group: 'navigation' }],
      'editor/context': [
        { command: Commands.insertScenario, when: assessment, group: '1_modification@90' },
        { command: Commands.convertToStructured, when: markdown, group: '1_modification@91' },
      ],
      'explorer/context': [{ command: Commands.convertToStructured, when: 'resourceLangId == markdown', group: '7_modification@90' }],
      'view/title': [
        { command: Commands.showPreview, when: outlineView, group: 'navigation@1' },
        { command: Commands.insertScenario, when: `${outlineView} && ${assessment}`, group: 'navigation@2' },
        { command: Commands.lintWorkspace, when: outlineView, group: '1_tradecraft@1' },
        { command: Commands.openRuleDocs, when: outlineView, group: '1_tradecraft@2' },
        { command: Commands.restartServer, when: outlineView, group: '1_tradecraft@3' },
      ],
    },
    views: {
      explorer: [
        {
          id: Views.assessmentOutline,
          name: 'Assessment Outline',
          when: ContextKeys.activeEditorIsAssessment,
          contextualTitle: 'Tradecraft',
          icon: 'client/media/outline.svg',
        },
      ],
    },
    jsonValidation: [{ fileMatch: 'tradecraft.schema.json', url: SCHEMA_JSON }],
    yamlValidation: [
      { fileMatch: 'tradecraft.schema.yaml', url: SCHEMA_JSON },
      { fileMatch: 'tradecraft.schema.yml', url: SCHEMA_JSON },
    ],
    grammars: [{ scopeName: INJECTION_SCOPE, path: './syntaxes/tradecraft.injection.tmLanguage.json', injectTo: ['text.html.markdown'] }],
    snippets: [{ language: 'markdown', path: './snippets/tradecraft.code-snippets' }],
    walkthroughs: [walkthrough()],
  };
}

function settings(): Record<string, unknown> {
  return {
    'tradecraft.files': {
      type: 'array',
      items: { type: 'string' },
      default: [],
      scope: 'resource',
      markdownDescription:
        'Globs (relative to the workspace folder) of Markdown files that are assessments, besides `*.assessment.md` and files with a `schema:` key in their front matter. Example: `["reports/**/*.md"]`.',
    },
    'tradecraft.schemas': {
      type: 'object',
      additionalProperties: { type: 'string' },
      default: {},
      scope: 'resource',
      markdownDescription:
        'Glob → schema, like `yaml.schemas`: which schema applies to the matching assessments. A schema is a built-in name (`builtin:standard`) or a path relative to the workspace folder. Front matter `schema:` wins over this; this wins over the nearest `tradecraft.schema.yaml`. Ignored in Restricted Mode.',
    },
    'tradecraft.rules': {
      type: 'object',
      default: {},
      scope: 'resource',
      additionalProperties: false,
      markdownDescription: "Rule id → severity (`error`, `warning`, `info`, `hint` or `off`). Wins over the schema's `rules`.",
      properties: Object.fromEntries(
        RULES.map((rule) => [rule.id, { type: 'string', enum: SEVERITIES, markdownDescription: `${rule.description} Default: \`${rule.defaultSeverity}\`.` }]),
      ),
    },
    'tradecraft.yardstick': {
      type: 'string',
      default: '',
      scope: 'resource',
      enum: ['', ...BUILTIN_YARDSTICKS.map((yardstick) => yardstick.id)],
      enumDescriptions: ["The schema's yardstick (ICD 203 unless the schema names another).", ...BUILTIN_YARDSTICKS.map((yardstick) => `${yardstick.name}, whatever the schema says.`)],
      markdownDescription: 'The estimative-language yardstick that probability terms are checked against. Empty: the one the schema names.',
    },
    'tradecraft.validate.run': {
      type: 'string',
      enum: ['onType', 'onSave'],
      default: 'onType',
      scope: 'resource',
      enumDescriptions: ['Check as you type (after `tradecraft.validate.debounceMs`).', 'Check when the file is opened or saved.'],
      markdownDescription: 'When open assessments are checked.',
    },
    'tradecraft.validate.debounceMs': {
      type: 'integer',
      default: DEFAULT_DEBOUNCE_MS,
      minimum: 0,
      maximum: MAX_DEBOUNCE_MS,
      scope: 'resource',
      markdownDescription: 'Milliseconds after the last keystroke before an assessment is checked again (with `tradecraft.validate.run` set to `onType`).',
    },
    'tradecraft.trace.server': {
      type: 'string',
      enum: ['off', 'messages', 'verbose'],
      default: 'off',
      scope: 'resource',
      markdownDescription: 'Traces the messages between VS Code and the Tradecraft language server in the **Tradecraft** output channel.',
    },
  };
}

function walkthrough(): Record<string, unknown> {
  return {
    id: 'tradecraft.gettingStarted',
    title: 'Get started with Tradecraft',
    description: "Write an assessment, read its findings, find your way with the outline and the preview, and set your team's standard with a schema.",
    steps: [
      {
        id: 'createAssessment',
        title: 'Create an assessment',
        description: `Start from the skeleton of a schema: every section, two scenarios and the sign-off, with placeholders to fill in.\n[New Assessment](command:${Commands.newAssessment})`,
        media: { markdown: `${WALKTHROUGH_MEDIA}/create-assessment.md` },
        completionEvents: [`onCommand:${Commands.newAssessment}`],
      },
      {
        id: 'seeDiagnostics',
        title: 'See what Tradecraft checks',
        description:
          'Findings appear as you type: missing sections and scenario fields, estimative language outside the yardstick, a sign-off that does not match. Most come with a quick fix.\n[Open the Problems view](command:workbench.actions.view.problems)',
        media: { markdown: `${WALKTHROUGH_MEDIA}/see-diagnostics.md` },
        completionEvents: ['onCommand:workbench.actions.view.problems'],
      },
      {
        id: 'useOutline',
        title: 'Use the outline and the preview',
        description: `The Assessment Outline in the Explorer lists actors and scenarios; the Structured Preview shows the assessment as a reader would.\n[Show Structured Preview](command:${Commands.showPreview})`,
        media: { markdown: `${WALKTHROUGH_MEDIA}/use-outline.md` },
        completionEvents: [`onView:${Views.assessmentOutline}`, `onCommand:${Commands.showPreview}`],
      },
      {
        id: 'addSchema',
        title: 'Add a schema for your team',
        description:
          'A `tradecraft.schema.yaml` in the workspace sets which sections, scenario fields, sign-off and yardstick your assessments follow. The editor completes and checks it.',
        media: { markdown: `${WALKTHROUGH_MEDIA}/add-schema.md` },
      },
    ],
  };
}
