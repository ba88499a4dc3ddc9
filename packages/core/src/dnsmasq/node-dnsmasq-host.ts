import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { DnsmasqHost } from './host-check.js';

/** strerror's words for the errors opening a path gives, as dnsmasq prints them. */
const REASONS: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
};

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? code;
}

/** This machine, for the faces that run on Node (the CLI's check-args). */
export const nodeDnsmasqHost: DnsmasqHost = {
  interfaceExists(name) {
    if (name in networkInterfaces()) return true;
    return !name.includes('/') && name !== '.' && name !== '..' && existsSync(`/sys/class/net/${name}`);
  },
  directoryProblem(path) {
    try {
      if (!statSync(path).isDirectory()) return REASONS['ENOTDIR'];
      accessSync(path, constants.R_OK | constants.X_OK);
      return undefined;
    } catch (err) {
      return reason(err);
    }
  },
  fileProblem(path) {
    try {
      accessSync(path, constants.R_OK);
      return undefined;
    } catch (err) {
      return reason(err);
    }
  },
};
