// Entry of dist/forwarder.js, forked by the extension: runs core's forwarder for one manifest's argv on
// 127.0.0.1 until SIGTERM or until the extension host goes away (the IPC pipe closes). The query log goes to
// stderr; `started 127.0.0.1#PORT` goes to stdout when ready; stats, cache listings and flushes over IPC.
import { mapServers, sidecarLines, startForwarder } from '@kube-dns-tools/core/runtime';
import { approvedConfig } from './approved-config.js';
import { answerControl, isControlRequest, type ForwarderRequest } from './forwarder-control.js';

const SIDECAR_HINT = 'map it with the setting kubeDnsTools.forwarder.serverMap, or its names stay unanswered';

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as ForwarderRequest;
  const serverMap = request.serverMap ?? {};
  const forwarder = await startForwarder(request.words, {
    upstreams: request.upstreams,
    warn: (warning) => process.stderr.write(`warning: ${warning}\n`),
    adapt: (config) => {
      for (const line of sidecarLines(config, SIDECAR_HINT, serverMap)) process.stderr.write(`note: ${line}\n`);
      const adapted = approvedConfig(mapServers(config, serverMap), request.approved ?? [], request.port);
      return request.logQueries ? { ...adapted, log: { ...adapted.log, queries: true } } : adapted;
    },
  });
  const bound = forwarder.addresses[0];
  process.stdout.write(`started ${bound?.address}#${bound?.port}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    forwarder.log.flush();
    void forwarder.stop().then(() => process.exit(0), () => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
  process.on('message', (message) => {
    if (!isControlRequest(message)) return;
    try {
      process.send?.(answerControl(forwarder, message, Date.now()));
    } catch (error) {
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
