import { type Rule, type RuleContext, spelledWithValue } from '../rule.js';
import { replaceValue } from '../fix-builders.js';
import { colonPort, targetOf } from '../server-patterns.js';
import { revServerAbortsDnsmasq } from '../../dnsmasq/server/rev-server.js';
import type { InvocationFacts, ServerValue } from '../invocation-facts.js';

export const serverSyntax: Rule = {
  id: 'server-syntax',
  defaultSeverity: 'error',
  summary: 'A --server/--local/--address/--rev-server value that dnsmasq refuses or crashes on, so it would not start.',
  check(context) {
    for (const facts of context.invocations) {
      for (const server of facts.servers()) {
        if (server.result.ok) {
          if (server.kind === 'rev-server' && revServerAbortsDnsmasq(server.value)) reportAbort(context, facts, server);
          continue;
        }
        const { error } = server.result;
        const { option, value } = server;
        const range = value.length === 0 ? option.range : facts.valueRange(option, error.range.start, Math.max(error.range.end, error.range.start + 1));
        const { target, offset } = targetOf(value);
        const colon = server.kind === 'address' ? undefined : colonPort(target);
        const says = facts.dnsmasqSays(`bad command line options: ${error.reason}`, option.range.start);
        let message = `dnsmasq refuses ${facts.written(spelledWithValue(option))}: "${says}". ${error.explanation}`;
        let fixes = [] as ReturnType<typeof replaceValue>;
        if (colon) {
          const fixed = `${value.slice(0, offset)}${colon.host}#${colon.port}`;
          if (!error.explanation.includes(`#${colon.port}`)) message += ` dnsmasq writes the port after "#": ${fixed}.`;
          fixes = replaceValue(facts, option, fixed, `Write the port as #${colon.port}`);
        }
        context.report({ range, message, workload: facts.invocation.workload, fixes });
      }
    }
  },
};

/** Measured on dnsmasq 2.90 (see revServerAbortsDnsmasq): it starts, then aborts on a double free. */
function reportAbort(context: RuleContext, facts: InvocationFacts, server: ServerValue): void {
  if (!server.result.ok) return;
  const { option, value } = server;
  const { spec } = server.result;
  const start = spec.targetRange?.start ?? 0;
  const stop = value.slice(start).search(/[#@%]/);
  const end = stop < 0 ? (spec.targetRange?.end ?? value.length) : start + stop;
  const host = value.slice(start, end).trim();
  const zones = spec.domains.length;
  let message = `dnsmasq 2.90 crashes at start-up on ${facts.written(spelledWithValue(option))} ("free(): double free detected in tcache 2"): ` +
    `a --rev-server that covers ${zones} reverse zones must name its server as a plain IP address, and ${host} goes through a name lookup.`;
  let fixes = [] as ReturnType<typeof replaceValue>;
  if (spec.target.kind === 'upstream') {
    message += ` It means ${spec.target.address}.`;
    fixes = replaceValue(facts, option, value.slice(0, start) + spec.target.address + value.slice(end), `Write the server as ${spec.target.address}`);
  }
  context.report({ range: facts.valueRange(option, start, Math.max(end, start + 1)), message, workload: facts.invocation.workload, fixes });
}
