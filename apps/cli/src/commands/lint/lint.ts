import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { fixUntilStable, lintText, type RuleSetting } from '@kube-dns-tools/core/lint';
import { parseCorednsVersion } from '@kube-dns-tools/core/corefile';
import { collectFiles } from './lint-files.js';
import { formatJson } from './lint-format-json.js';
import { formatSarif } from './lint-format-sarif.js';
import { formatStylish } from './lint-format-stylish.js';
import { configFor } from './lint-config-lookup.js';
import { Progress } from './lint-progress.js';
import { readManifestFile } from './lint-read.js';
import { countFindings, type FileReport } from './lint-report.js';
import { parseRuleFlags } from './lint-rule-flags.js';
import { readStdinManifest, stdinRequest } from './lint-stdin.js';
import { writeAtomically } from './lint-write.js';
import { CLI_VERSION } from '../../version.js';

interface LintFlags {
  format: string;
  fix?: boolean;
  rule: string[];
  maxWarnings?: string;
  stdinFilename?: string;
  corednsVersion?: string;
}

const FORMATS = ['stylish', 'json', 'sarif'];

/** `lint [PATH...]`: exit 0 without error-level findings, 1 with one (or too many warnings, or a fix that did not converge), 2 on bad usage or unreadable input. */
export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('lint kube-dns manifests: dnsmasq arguments (-N, -q, --server syntax, ...) and the kube-dns ConfigMap')
    .argument('[paths...]', 'files and directories (directories are searched for *.yaml, *.yml, *.json and templates)', ['.'])
    .option('--format <format>', 'stylish | json | sarif', 'stylish')
    .option('--fix', 'apply the preferred fixes, re-lint until stable, write files atomically')
    .option('--rule <id=severity>', 'set a rule to off|error|warning|info|hint (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--stdin-filename <name>', 'with `-`: the path to report for standard input, which also sets its file type (default: a YAML manifest)')
    .option('--coredns-version <version>', 'CoreDNS version Corefiles are judged against when the file has no coredns image tag (e.g. 1.11.3); overrides corednsVersion of .kube-dns-tools.yaml')
    .addHelpText('after', `
Exit codes (as ESLint): 0 no error-level finding (warnings and info do not count, unless --max-warnings is
exceeded); 1 an error-level finding, more warnings than --max-warnings, or a --fix that did not converge;
2 bad usage or an unreadable input (the readable files are still linted and printed, one line per skipped file).`)
    .action((paths: string[], flags: LintFlags) => {
      process.exitCode = runLint(paths, flags);
    });
}

function usage(message: string): number {
  process.stderr.write(`kube-dns-tools lint: ${message}\n`);
  return 2;
}

function runLint(paths: readonly string[], flags: LintFlags): number {
  if (!FORMATS.includes(flags.format)) return usage(`--format ${flags.format}: expected one of ${FORMATS.join(', ')}`);
  const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0)) return usage(`--max-warnings ${flags.maxWarnings}: expected a whole number`);
  if (flags.corednsVersion !== undefined && !parseCorednsVersion(flags.corednsVersion)) return usage(`--coredns-version ${flags.corednsVersion}: expected a version such as 1.11.3`);
  const ruleFlags = parseRuleFlags(flags.rule);
  if ('error' in ruleFlags) return usage(ruleFlags.error);
  const stdin = stdinRequest(paths, flags.stdinFilename);
  if ('error' in stdin) return usage(stdin.error);

  const { files, problems } = stdin.name === undefined ? collectFiles(paths) : { files: [stdin.name], problems: [] };
  let failed = problems.length > 0;
  let fixFailed = false;
  for (const p of problems) process.stderr.write(`kube-dns-tools lint: ${p}\n`);

  const reports: FileReport[] = [];
  const progress = new Progress(files.length);
  for (const file of files) {
    progress.update(file);
    const read = stdin.name === undefined ? readManifestFile(file) : readStdinManifest(file);
    if (!read.ok) {
      progress.clear();
      process.stderr.write(`kube-dns-tools lint: ${read.message}\n`);
      failed = true;
      continue;
    }
    const config = configFor(dirname(resolve(file)));
    for (const p of config.problems) process.stderr.write(`kube-dns-tools lint: ${p}\n`);
    const rules: Record<string, RuleSetting> = { ...config.rules, ...ruleFlags.rules };
    const corednsVersion = flags.corednsVersion ?? config.corednsVersion;
    const lint = (text: string) => lintText(text, { filePath: file, rules, ...(corednsVersion ? { corednsVersion } : {}) }).findings;
    if (flags.fix) {
      const fixed = fixUntilStable(read.text, lint);
      for (const rule of fixed.nonConverging) {
        process.stderr.write(`kube-dns-tools lint: ${file}: the fix of rule ${rule} did not converge (it offered again a fix it had applied); nothing of it was written. Please report this with the file.\n`);
        fixFailed = true;
      }
      // Standard input is fixed to standard output, whole, and the report goes to stderr.
      if (stdin.name !== undefined) process.stdout.write((read.bom ? '\ufeff' : '') + fixed.text);
      else if (fixed.text !== read.text) {
        try {
          writeAtomically(file, (read.bom ? '\ufeff' : '') + fixed.text);
        } catch (error) {
          process.stderr.write(`kube-dns-tools lint: ${file}: cannot write the fixes: ${error instanceof Error ? error.message : String(error)}\n`);
          failed = true;
        }
      }
      reports.push({ filePath: file, findings: fixed.findings, text: fixed.text });
    } else {
      reports.push({ filePath: file, findings: lint(read.text), text: read.text });
    }
  }
  progress.clear();

  const out = stdin.name !== undefined && flags.fix ? process.stderr : process.stdout;
  const colour = out.isTTY === true && !process.env['NO_COLOR'];
  if (flags.format === 'json') out.write(formatJson(reports));
  else if (flags.format === 'sarif') out.write(formatSarif(reports, CLI_VERSION));
  else out.write(formatStylish(reports, colour));

  if (failed) return 2;
  const counts = countFindings(reports);
  if (counts.error > 0 || fixFailed) return 1;
  if (maxWarnings !== undefined && counts.warning > maxWarnings) {
    process.stderr.write(`kube-dns-tools lint: ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
