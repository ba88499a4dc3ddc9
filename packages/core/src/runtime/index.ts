// Use cases the faces share: forwarder start-up, manifest argv and upstreams, cache entries and the incident demo.
export * from './start-forwarder.js';
export { checkedArgv } from './checked-argv.js';
export * from './manifest-argv.js';
export * from './manifest-upstreams.js';
export * from './config-upstreams.js';
export * from './server-map.js';
export * from './server-words.js';
export * from './cache-entries.js';
export * from './incident-demo.js';
export * from './incident-upstream.js';
