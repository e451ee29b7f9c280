/**
 * The CLI's only door to the terminal: reports go to stdout, messages to stderr. Everything else
 * builds strings, so commands stay testable and `no-console` holds.
 */

let stdoutClosed = false;

export function writeOut(text: string): void {
  if (!stdoutClosed) process.stdout.write(text);
}

export function writeErr(text: string): void {
  process.stderr.write(text);
}

/** Colour only for a person at a terminal; NO_COLOR turns it off, FORCE_COLOR on (https://no-color.org). */
export function stdoutWantsColor(): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return process.stdout.isTTY;
}

/**
 * When the reader goes away (`tradecraft lint | head`), drop the rest of the output instead of
 * dying on an unhandled EPIPE; the command still finishes and chooses its exit code.
 */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
}
