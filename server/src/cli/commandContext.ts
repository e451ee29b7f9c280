/** What every command is given besides its arguments. */
export interface CommandContext {
  /** The folder the command runs in: relative paths in arguments and output are relative to it. */
  cwd: string;
  /** The module worker threads start from (the CLI entry, which turns into a worker there). */
  workerEntry: URL;
}
