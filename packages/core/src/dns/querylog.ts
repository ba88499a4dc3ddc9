/**
 * dnsmasq's log output: `dnsmasq[PID]: ` lines on stderr (`--log-facility=-` or none), or appended to a file
 * with a `Mmm dd hh:mm:ss ` timestamp. With `--log-queries=extra` query lines carry `SERIAL IP/PORT `.
 * Lines are batched and written once per event-loop turn so logging does not cost a syscall per line.
 */
import fs from 'node:fs';
import type { LogOptions } from './forwarder-config.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Nov 26 08:45:18 ` in local time, as ctime prints it (day padded with a blank). */
export function syslogStamp(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} `;
}

export type LineSink = (text: string) => void;

/** A sink writing to stderr, or appending to the `--log-facility` file. Returns [sink, close]. */
export function openSink(facility: string | undefined): [LineSink, () => void] {
  if (facility && facility.includes('/') && facility !== '/dev/stderr') {
    const fd = fs.openSync(facility, 'a');
    return [(t) => fs.writeSync(fd, t), () => fs.closeSync(fd)];
  }
  // A closed stderr (EPIPE) must not take DNS down with it.
  if (process.stderr.listenerCount('error') === 0) process.stderr.on('error', () => undefined);
  return [(t) => process.stderr.write(t), () => undefined];
}

export class QueryLog {
  private pending: string[] = [];
  private scheduled = false;
  private readonly prefix: string;
  private readonly stamped: boolean;

  /** Queries are logged only with `-q`; `always` lines (start-up, warnings) are logged regardless. */
  constructor(
    readonly options: LogOptions,
    private readonly sink: LineSink,
    pid: number = process.pid,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.prefix = `dnsmasq[${pid}]: `;
    this.stamped = !!options.facility && options.facility.includes('/');
  }

  get queries(): boolean {
    return this.options.queries;
  }

  /** A line logged whatever `-q` says (start-up, warnings). */
  always(body: string): void {
    this.pending.push(this.stamped ? syslogStamp(this.now()) + this.prefix + body : this.prefix + body);
    this.schedule();
  }

  /** A `-q` line about one client query; `serial`/`client` are used by `--log-queries=extra`. */
  query(body: string, serial: number, clientAddress: string, clientPort: number): void {
    if (!this.options.queries) return;
    this.always(this.options.extra ? `${serial} ${clientAddress}/${clientPort} ${body}` : body);
  }

  /** Writes what is pending now (at exit, before start-up lines must be visible). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.join('\n') + '\n';
    this.pending = [];
    try {
      this.sink(text);
    } catch {
      // A log that cannot be written must not stop DNS.
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }
}
