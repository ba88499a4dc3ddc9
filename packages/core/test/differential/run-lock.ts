// Lets scenarios share the machine, or have it alone: an exclusive run waits for the shared runs
// in progress and keeps new ones waiting until it is done.
export class RunLock {
  private active = 0;
  private exclusiveHeld = false;
  private readonly waitingExclusive: (() => void)[] = [];
  private readonly waitingShared: (() => void)[] = [];

  async shared<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusiveHeld || this.waitingExclusive.length > 0) await new Promise<void>((r) => this.waitingShared.push(r));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.wake();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    // when it has to wait, wake() marks the lock held before letting it run
    if (this.exclusiveHeld || this.active > 0) await new Promise<void>((r) => this.waitingExclusive.push(r));
    else this.exclusiveHeld = true;
    try {
      return await work();
    } finally {
      this.exclusiveHeld = false;
      this.wake();
    }
  }

  private wake(): void {
    if (this.exclusiveHeld || this.active > 0) return;
    const next = this.waitingExclusive.shift();
    if (next) {
      this.exclusiveHeld = true;
      next();
      return;
    }
    for (const r of this.waitingShared.splice(0)) r();
  }
}
