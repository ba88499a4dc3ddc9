// examples/github-actions/kube-dns-tools.yml: its lint steps run as written by bash, with `kube-dns-tools` the
// built CLI and `helm` a stand-in that prints a rendered kube-dns manifest; the SARIF they write is what
// upload-sarif would get.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './run-cli.js';

// __dirname (not import.meta): this package type-checks as CommonJS.
const REPO = join(__dirname, '../../../');
const WORKFLOW = parse(readFileSync(join(REPO, 'examples/github-actions/kube-dns-tools.yml'), 'utf8')) as {
  permissions: Record<string, string>;
  jobs: { lint: { steps: { id?: string; uses?: string; run?: string; with?: Record<string, string> }[] } };
};
const SCHEMA = JSON.parse(readFileSync(join(__dirname, 'fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const work = mkdtempSync(join(tmpdir(), 'kdt-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the example GitHub Actions workflow', () => {
  const steps = WORKFLOW.jobs.lint.steps;

  it('uploads each SARIF file it writes, with write access to security events', () => {
    expect(WORKFLOW.permissions['security-events']).toBe('write');
    const uploads = steps.filter((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(uploads.map((s) => s.with?.['sarif_file'])).toEqual(['manifests.sarif', 'helm.sarif']);
    expect(new Set(uploads.map((s) => s.with?.['category'])).size).toBe(2);
  });

  it('its lint steps, run as written, write valid SARIF with fingerprints and report exit 1 on findings', () => {
    const bin = join(work, 'bin');
    mkdirSync(bin);
    mkdirSync(join(work, 'deploy'));
    writeFileSync(join(work, 'deploy', 'kube-dns.yaml'), readFileSync(join(REPO, 'examples/kube-dns-mistakes.yaml')));
    writeFileSync(join(bin, 'kube-dns-tools'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`);
    writeFileSync(join(bin, 'helm'), `#!/bin/sh\ncat ${JSON.stringify(join(REPO, 'examples/kube-dns-mistakes.yaml'))}\n`);
    for (const f of ['kube-dns-tools', 'helm']) chmodSync(join(bin, f), 0o755);
    const output = join(work, 'github-output');
    const lintSteps = steps.filter((s) => s.run?.includes('--format sarif'));
    expect(lintSteps.map((s) => s.id)).toEqual(['manifests', 'helm']);
    for (const step of lintSteps) {
      const run = spawnSync('bash', ['-e', '-c', step.run!], { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH']}`, GITHUB_OUTPUT: output } });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    expect(readFileSync(output, 'utf8')).toBe('exit=1\nexit=1\n');

    const validate = new Ajv({ strict: false, unicodeRegExp: false }).compile(SCHEMA);
    const uris: string[] = [];
    for (const file of ['manifests.sarif', 'helm.sarif']) {
      const log = JSON.parse(readFileSync(join(work, file), 'utf8')) as { runs: { results: { partialFingerprints?: object; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
      expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(log.runs[0]!.results.length).toBeGreaterThan(4);
      for (const r of log.runs[0]!.results) expect(r.partialFingerprints).toBeDefined();
      uris.push(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri);
    }
    expect(uris).toEqual(['deploy/kube-dns.yaml', 'charts/kube-dns/templates/kube-dns.yaml']);
  });
});
