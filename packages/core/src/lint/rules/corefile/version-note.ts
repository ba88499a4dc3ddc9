import { formatVersion, olderThan, type CorednsVersion } from '../../../corefile/coredns-version.js';

/** Whether a finding about something removed in `removedIn` applies, and how to say which versions it concerns. */
export function removedNote(
  version: CorednsVersion | undefined,
  removedIn: string,
  imageTemplated = false,
): { applies: boolean; note: string; uncertain?: boolean } {
  if (version === undefined && imageTemplated) {
    return {
      applies: true,
      note: `applies to CoreDNS ${removedIn} and later; the coredns image in this file is templated, so which version runs cannot be told`,
      uncertain: true,
    };
  }
  if (version === undefined) return { applies: true, note: `applies to CoreDNS ${removedIn} and later; no coredns image tag was found in this file` };
  if (olderThan(version, removedIn)) return { applies: false, note: '' };
  return { applies: true, note: `the coredns image in this file is ${formatVersion(version)}` };
}

/** A fix that needs `since` is offered when the version is unknown or new enough. */
export function supports(version: CorednsVersion | undefined, since: string): boolean {
  return version === undefined || !olderThan(version, since);
}
