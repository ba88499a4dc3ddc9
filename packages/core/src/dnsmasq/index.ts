// dnsmasq 2.90's argument language: argv parsing, option table and docs, value meanings, --server grammar, checks and config.
export * from './argv/argv.js';
export * from './argv/parsed-argv.js';
export * from './options/option-spec.js';
export * from './options/option-table.js';
export * from './options/option-lookup.js';
export * from './options/option-docs.js';
export * from './options/option-docs-man-link.js';
export * from './options/option-value-meaning.js';
export * from './server/server.js';
export * from './server/server-value-meaning.js';
export * from './check.js';
export * from './host-check.js';
export * from './node-dnsmasq-host.js';
export * from './config.js';
