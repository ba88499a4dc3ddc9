/** A one-line progress display on stderr, only when stderr is a terminal and there are many files. */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;
  private done = 0;
  private last = 0;

  constructor(private readonly total: number, threshold = 20) {
    this.enabled = process.stderr.isTTY === true && total >= threshold;
  }

  update(file: string): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
    const line = `linting ${this.done}/${this.total} ${file}`;
    process.stderr.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\x1b[K`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}
