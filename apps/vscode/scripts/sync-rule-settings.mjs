// Keeps the `kubeDnsTools.rules.<id>` settings of package.json equal to the lint engine's rule catalog. Run it after
// adding or removing a rule: `npm run sync-rule-settings -w kube-dns-tools`; test/rule-settings.test.ts fails until then.
// It bundles core's rule-catalog.ts with esbuild, reads the ids, and rewrites package.json only when they differ.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFIX = 'kubeDnsTools.rules.';

/** The settings properties with one `kubeDnsTools.rules.<id>` per reportable rule of `catalog`, other settings kept. */
export function syncedProperties(properties, catalog) {
  const next = {};
  for (const [key, value] of Object.entries(properties)) if (!key.startsWith(PREFIX)) next[key] = value;
  for (const rule of catalog.filter((r) => r.id !== 'internal-error')) {
    next[`${PREFIX}${rule.id}`] = {
      type: 'string',
      enum: ['default', 'off', 'error', 'warning', 'info', 'hint'],
      default: 'default',
      // Only the id and link: summaries change often, and the rule's page says more.
      markdownDescription: `Severity of the [\`${rule.id}\`](${rule.docsUrl}) rule. \`default\` keeps the repository's \`.kube-dns-tools.yaml\` or the rule's own severity.`,
    };
  }
  return next;
}

/** The engine's rule catalog, read from core's source. */
export async function ruleCatalog(resolveDir) {
  const bundled = await build({
    stdin: {
      contents: "import { RULE_CATALOG } from '@kube-dns-tools/core/lint'; process.stdout.write(JSON.stringify(RULE_CATALOG));",
      resolveDir,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    conditions: ['source'],
    write: false,
    logLevel: 'warning',
  });
  // Run from a file: the bundle outgrew what one command-line argument may hold (E2BIG).
  const scratch = mkdtempSync(join(tmpdir(), 'kdt-rule-catalog-'));
  try {
    writeFileSync(join(scratch, 'catalog.cjs'), bundled.outputFiles[0].text);
    return JSON.parse(execFileSync(process.execPath, [join(scratch, 'catalog.cjs')], { encoding: 'utf8' }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const app = fileURLToPath(new URL('..', import.meta.url));
  const path = `${app}/package.json`;
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const properties = manifest.contributes.configuration.properties;
  const next = syncedProperties(properties, await ruleCatalog(app));
  if (JSON.stringify(next) === JSON.stringify(properties)) console.log('package.json: rule settings already match the lint engine');
  else {
    manifest.contributes.configuration.properties = next;
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log('package.json: rule settings synced with the lint engine');
  }
}
