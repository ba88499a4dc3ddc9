// CoreDNS Corefiles: reading, the CoreDNS version, plugin docs and what is at a position.
export * from './model.js';
export * from './read-corefile.js';
export * from './coredns-version.js';
export * from './corefile-at.js';
export * from './plugin-docs.js';
