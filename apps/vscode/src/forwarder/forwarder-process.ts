// Entry of dist/forwarder.js, forked by the extension: runs core's forwarder for one manifest's argv on
// 127.0.0.1 until SIGTERM. The query log goes to stderr; `started 127.0.0.1#PORT` goes to stdout when ready.
import { parseArgv } from '@kube-dns-tools/core/dnsmasq/argv';
import { checkArgv } from '@kube-dns-tools/core/dnsmasq/check';
import { toForwarderConfig } from '@kube-dns-tools/core/dnsmasq/config';
import { Forwarder } from '@kube-dns-tools/core/dns/forwarder';
import { loopbackConfig } from './loopback-config.js';

export interface ForwarderRequest {
  words: string[];
  upstreams: string[];
  port: number;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as ForwarderRequest;
  const parsed = parseArgv(request.words);
  const verdict = checkArgv(request.words, { parsed });
  if (!verdict.ok) throw new Error(`dnsmasq would refuse these arguments: ${verdict.message}`);
  const { config, warnings } = toForwarderConfig(parsed, { upstreams: request.upstreams });
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const forwarder = new Forwarder(loopbackConfig(config, request.port));
  await forwarder.start();
  const bound = forwarder.addresses[0];
  process.stdout.write(`started ${bound?.address}#${bound?.port}\n`);
  const stop = () => void forwarder.stop().then(() => process.exit(0), () => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
