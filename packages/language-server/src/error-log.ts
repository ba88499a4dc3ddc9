const KEPT = 20;

/** Errors go to the client's log and the last few are kept for `kubeDnsTools/serverInfo`. */
export class ErrorLog {
  readonly recent: string[] = [];

  constructor(private readonly write: (message: string) => void) {}

  error = (message: string): void => {
    this.recent.push(`${new Date().toISOString()} ${message}`);
    if (this.recent.length > KEPT) this.recent.shift();
    this.write(message);
  };

  /** Wraps a request handler so that it never throws into the connection: a failure is logged and answered with `fallback`. */
  guard<A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R | Promise<R>) {
    return async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        this.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }
}
