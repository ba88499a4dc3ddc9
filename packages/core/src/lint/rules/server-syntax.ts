import { type Rule, spelledWithValue } from '../rule.js';
import { replaceValue } from '../fix-builders.js';
import { colonPort, targetOf } from '../server-patterns.js';

export const serverSyntax: Rule = {
  id: 'server-syntax',
  defaultSeverity: 'error',
  summary: 'A --server/--local/--address/--rev-server value that dnsmasq refuses, so it would not start.',
  check(context) {
    for (const facts of context.invocations) {
      for (const server of facts.servers()) {
        if (server.result.ok) continue;
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
