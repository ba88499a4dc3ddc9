import type { ChildProcess } from 'node:child_process';
import type { ControlOp, ControlReply } from './forwarder-control.js';

/** Requests to a forked forwarder process over its IPC pipe; each resolves with the reply of the same id. */
export class ForwarderConnection {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (reply: ControlReply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: ControlReply) => {
      const waiter = this.waiting.get(message?.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      clearTimeout(waiter.timer);
      if (message.error) waiter.reject(new Error(message.error));
      else waiter.resolve(message);
    });
    child.on('exit', () => this.failAll('the forwarder process exited'));
  }

  request(op: ControlOp, timeoutMs = 3000): Promise<ControlReply> {
    if (!this.child.connected) return Promise.reject(new Error('the forwarder process is not running'));
    const id = this.nextId++;
    return new Promise<ControlReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`the forwarder process did not answer "${op}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
      this.child.send({ id, op }, (error) => {
        if (!error) return;
        clearTimeout(timer);
        this.waiting.delete(id);
        reject(error);
      });
    });
  }

  private failAll(reason: string): void {
    for (const [id, waiter] of this.waiting) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
      this.waiting.delete(id);
    }
  }
}
