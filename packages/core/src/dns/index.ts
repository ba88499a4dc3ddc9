// The DNS forwarder with dnsmasq's cache semantics: the forwarder and its configuration.
export * from './forwarder.js';
export * from './forwarder-config.js';
export * from './transport/socket-factory.js';
