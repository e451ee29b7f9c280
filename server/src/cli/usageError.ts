/**
 * A problem with how a command was called or what it was given (an unknown option, a missing
 * file, an unusable --schema): exit code 2, message on stderr, nothing written.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help to point at, when the mistake is in the command line itself. */
    readonly helpCommand?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
