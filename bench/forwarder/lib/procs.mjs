// Child processes for the bench: started directly (so the PID is the server's), stopped by that PID.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const started = new Set();
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const HAS_TASKSET = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
})();

/** argv prefixed with `taskset -c CPU` when pinning is on and possible. */
export function pinned(cpu, argv, pin) {
  return pin && HAS_TASKSET && cpu !== undefined ? ['taskset', '-c', String(cpu), ...argv] : argv;
}

/** Starts argv[0] with the rest; output lines go to `lines`. taskset execs, so the PID stays the server's. */
export function startProcess(argv) {
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const keep = (d) => {
    for (const l of d.toString().split('\n')) if (l && lines.length < 200) lines.push(l);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  started.add(child);
  exited.then(() => started.delete(child));
  return { child, pid: child.pid, lines, exited };
}

export async function stopProcess(proc) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const done = await Promise.race([proc.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
  if (!done) {
    proc.child.kill('SIGKILL');
    await proc.exited;
  }
}

/** Stops everything this bench started (by PID), e.g. on Ctrl-C or an error. */
export async function stopAll() {
  await Promise.all([...started].map((child) => stopProcess({ child, exited: new Promise((r) => child.once('close', r)) })));
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK; // utime, stime (fields 14 and 15 of stat)
}

/** Peak resident set size (VmHWM) in KiB. */
export function peakRssKiB(pid) {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Runs a command to completion and returns its stdout (stderr is ignored). Bounded by `timeoutMs`. */
export function runToEnd(argv, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString());
    });
  });
}

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat). */
export function machineBusySeconds() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0); // idle + iowait
  return (cpu.reduce((a, b) => a + b, 0) - idle) / CLK_TCK;
}
