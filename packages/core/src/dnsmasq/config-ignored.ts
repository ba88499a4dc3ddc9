/**
 * Options the forwarder accepts and ignores without a warning: they run the daemon (foreground, pid file, user,
 * config files, syslog queue), choose how sockets are bound, or belong to DHCP, TFTP and router advertisements.
 */

const DAEMON = new Set([
  'keep-in-foreground', 'no-daemon', 'conf-file', 'conf-dir', 'conf-script', 'pid-file', 'user', 'group',
  'bind-interfaces', 'bind-dynamic', 'no-hosts', 'no-poll', 'log-async', 'log-debug', 'test', 'version', 'help',
  'enable-dbus', 'enable-ubus', 'clear-on-reload', 'dumpfile', 'dumpmask', 'no-ident', 'interface', 'except-interface',
  'no-dhcp-interface', 'no-dhcpv4-interface', 'no-dhcpv6-interface', 'log-dhcp', 'quiet-dhcp', 'quiet-dhcp6',
  'quiet-ra', 'quiet-tftp', 'leasefile-ro', 'read-ethers', 'no-ping', 'script-on-renewal', 'script-arp',
  'enable-ra', 'ra-param', 'bridge-interface', 'shared-network', 'tag-if', 'bootp-dynamic', 'conntrack',
]);

const DAEMON_PREFIXES = ['dhcp-', 'tftp-', 'pxe-', 'enable-tftp'];

export function isIgnoredOption(long: string): boolean {
  return DAEMON.has(long) || DAEMON_PREFIXES.some((p) => long.startsWith(p));
}
