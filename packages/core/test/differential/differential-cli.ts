// `node run-differential.mjs [--bin CMD] [--only id,id] [--concurrency N] [--file scenarios.json]`
import { checkAll, loadScenarios, SCENARIOS_PATH } from './scenario-suite.js';

function option(argv: string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

export async function main(argv: string[]): Promise<number> {
  const bin = option(argv, '--bin') ?? process.env.DNSMASQ_BIN ?? '/usr/sbin/dnsmasq';
  const only = option(argv, '--only')?.split(',');
  const concurrency = Number(option(argv, '--concurrency') ?? 4);
  const doc = loadScenarios(option(argv, '--file') ?? SCENARIOS_PATH);
  const list = only ? doc.scenarios.filter((s) => only.includes(s.id)) : doc.scenarios;
  const verdicts = await checkAll(list, bin, {
    concurrency,
    baseArgs: doc.base_args,
    onVerdict: (v) => {
      if (v.errors.length) console.log(`FAIL ${v.id}\n  ${v.errors.join('\n  ')}`);
      else console.log(`ok   ${v.id}${v.retriedAfter ? `  (passed on retry; first try: ${v.retriedAfter[0]})` : ''}`);
    },
  });
  const failed = verdicts.filter((v) => v.errors.length).length;
  console.log(`${verdicts.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
