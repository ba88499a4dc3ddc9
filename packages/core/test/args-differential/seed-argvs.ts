/**
 * Valid dnsmasq argvs the generator mutates: kube-dns's own arguments and the accepted,
 * hostname-free experiments of the measured spec (packages/core/test/data).
 */
export const SEED_ARGVS: readonly (readonly string[])[] = [
  ['--cache-size=1000', '--no-negcache', '--dns-forward-max=1500', '--log-facility=-', '--server=/cluster.local/127.0.0.1#10053', '--server=/in-addr.arpa/127.0.0.1#10053', '--server=/ip6.arpa/127.0.0.1#10053'],
  ['--cache-size=1000', '--no-resolv', '--server=/cluster.local/127.0.0.1#10053', '--server=192.0.2.53', '-N', '-q', '--log-facility=/dev/stdout'],
  ['-k', '--cache-size=1000', '--log-facility=-', '--server=/cluster.local/127.0.0.1#10053', '--server=/in-addr.arpa/127.0.0.1#10053', '--server=/ip6.arpa/127.0.0.1#10053'],
  ['-Nq', '-k', '-c', '500', '-S', '127.0.0.1#10053', '-p', '5399'],
  ['-Nqc', '500', '--strict-order', '--all-servers', '--server=::1#10053'],
  ['--server', '127.0.0.1#10053', '--port=5399', '--neg-ttl=60', '--max-ttl=30', '--min-cache-ttl=7200', '--max-cache-ttl=86400'],
  ['--local=/home.lan/', '--address=/ads.example/192.0.2.99', '--address=/blocked.example/#', '--server=//127.0.0.1'],
  ['--rev-server=10.0.0.0/8,127.0.0.1#10053', '--rev-server=192.168.1.0/23,127.0.0.1', '--rev-server=fd00::/8,::1'],
  ['--server=/d1.test/d2.test/127.0.0.1', '--server=/*.example.com/127.0.0.1', '--server=/*example.com/127.0.0.1', '--server=/.example.com/127.0.0.1'],
  ['--server=127.0.0.1@127.0.0.1', '--server=127.0.0.1@lo', '--server=::1@::1#5353', '--server=/example.com/::1#10053'],
  ['--log-queries=extra', '--log-async=200', '--fast-dns-retry=200,5000', '--use-stale-cache=0', '--local-ttl=30'],
  ['--listen-address=127.0.0.1,::1', '--bind-interfaces', '-z', '--no-hosts', '--dns-loop-detect', '-a', '127.0.0.1'],
  ['--domain-needed', '--bogus-priv', '--stop-dns-rebind', '--filterwin2k', '--clear-on-reload', '-D', '-b', '-f'],
  ['--cache-rr=TXT,MX', '--edns-packet-max=1232', '--dns-forward-max=0', '-0', '150', '-T', '30'],
  ['--server=127.0.0.1#0', '--server=127.0.0.1#65535', '--server=127.0.0.1#', '--server=#', '--server=', '--server=/cluster.local/#'],
  ['--server=0x7f000001', '--server=127.1', '--server=/example.com/127.0.0.1/', '--address=192.0.2.1', '--address=/#/192.0.2.1'],
  ['--local-service', '--user', '--pid-file=', '--no-round-robin', '--min-port=1024', '--max-port=65000', '--query-port=0'],
];

/** Options the generator may produce values for (hostname-free, no files read by `dnsmasq --test`). */
export const SWAPPABLE_OPTIONS = [
  'server', 'local', 'address', 'rev-server', 'cache-size', 'neg-ttl', 'max-ttl', 'min-cache-ttl', 'max-cache-ttl',
  'local-ttl', 'dns-forward-max', 'port', 'log-facility', 'log-queries', 'log-async', 'fast-dns-retry',
  'use-stale-cache', 'cache-rr', 'listen-address', 'edns-packet-max', 'query-port', 'min-port', 'max-port',
] as const;
