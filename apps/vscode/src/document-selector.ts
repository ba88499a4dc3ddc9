/** YAML and JSON files (and Corefiles), saved or not: the server itself stays silent on those without dnsmasq or CoreDNS. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'untitled', language: 'json' },
  { scheme: 'file', language: 'corefile' },
  { scheme: 'untitled', language: 'corefile' },
];
