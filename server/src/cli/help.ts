/** Usage text for `tradecraft --help` and each command's `--help`. */

export const COMMANDS = ['lint', 'outline', 'schema', 'init'] as const;
export type CommandName = (typeof COMMANDS)[number];

const GENERAL = `Usage: tradecraft <command> [options]

Lint analyst assessments written in Markdown against a schema.

Commands:
  lint [PATH|GLOB ...]     check assessments (files, folders, globs; default: the current folder)
  outline FILE             print the structure Tradecraft reads from a document
  schema                   print a built-in schema or the JSON Schema of schema files
  init [FOLDER]            write a starter tradecraft.schema.yaml and an example assessment

Options:
  -h, --help               show help (also: tradecraft <command> --help)
  -v, --version            print the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or input problem.
`;

const HELP: Record<CommandName, string> = {
  lint: `Usage: tradecraft lint [PATH|GLOB ...] [options]

Files named explicitly are linted whatever their extension. Folders and globs select
assessments: *.assessment.md files and Markdown files with a \`schema:\` front-matter key
(node_modules and .git are skipped). With no argument, the current folder.

Options:
  --format text|json|sarif   output format (default: text)
  --schema PATH|NAME         use this schema file or built-in schema (e.g. standard) for every file
  --fix                      apply every safe fix, write the files, then report what remains
  --max-warnings N           exit 1 when there are more than N warnings
  --quiet                    report errors only (warnings still count for --max-warnings)
  --jobs N                   lint on N threads: this one and N − 1 workers (default: the number of CPUs)
  -h, --help                 show this help

Exit codes: 0 no error-level findings, 1 errors or too many warnings,
2 usage error, unusable --schema, a named file that does not exist, or an unreadable file.
`,
  outline: `Usage: tradecraft outline FILE [options]

Print the model Tradecraft extracts from a document: preamble, sections, scenarios and their
fields, key judgments, actors and the sign-off. Lines are 1-based.

Options:
  --format json|text   output format (default: json)
  --schema PATH|NAME   read the document with this schema file or built-in schema
  -h, --help           show this help
`,
  schema: `Usage: tradecraft schema [--print NAME] [--json-schema]

Print a built-in schema as YAML (default: standard), to copy or to extend, or the
JSON Schema that tradecraft.schema.yaml files follow.

Options:
  --print NAME     the built-in schema to print (NAME or builtin:NAME)
  --json-schema    print the JSON Schema of schema files instead
  -h, --help       show this help
`,
  init: `Usage: tradecraft init [FOLDER]

Write tradecraft.schema.yaml (extending the built-in standard schema, with comments on how to
change it) and example.assessment.md (an assessment that passes) into FOLDER (default: the
current folder). Existing files are never overwritten.

Options:
  -h, --help   show this help
`,
};

export function generalHelp(): string {
  return GENERAL;
}

export function commandHelp(command: CommandName): string {
  return HELP[command];
}

export function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}
