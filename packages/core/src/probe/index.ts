// The prober: targets, queries, verdicts and the probe run.
export * from './probe.js';
export * from './probe-target.js';
export * from './probe-query.js';
export * from './probe-verdict.js';
