import { isMainThread, workerData } from 'node:worker_threads';
import { runLintWorker } from './lint-worker.js';
import { WORKER_ROLE } from './lint-pool.js';
import { startServer } from './start-server.js';

// One bundle, two roles: the LSP process, and the lint worker thread it starts from this same file.
if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) {
  runLintWorker();
} else {
  // stdout may carry the LSP stream: anything printed goes to stderr instead.
  console.log = console.error;
  console.info = console.error;
  process.on('uncaughtException', (error) => console.error(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => console.error(`unhandled rejection: ${String(reason)}`));
  startServer(__filename);
}
