/**
 * When to start the language server again after its process ends. A crash is recovered from at
 * once; a server that keeps crashing (five times within three minutes) is left stopped, with a
 * message, rather than restarted forever.
 */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy {
  private readonly stops: number[] = [];

  /** The server's connection closed at `now` (ms): restart it, or give up? */
  closed(now: number): 'restart' | 'give-up' {
    this.stops.push(now);
    while (this.stops.length > 0 && now - this.stops[0]! > RESTART_WINDOW_MS) this.stops.shift();
    return this.stops.length > MAX_RESTARTS ? 'give-up' : 'restart';
  }
}
