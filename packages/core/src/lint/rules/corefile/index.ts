import { addressWithoutPort } from './address-without-port.js';
import { braceLayout } from './brace-layout.js';
import { cacheDurationZone } from './cache-duration-zone.js';
import type { CorefileRule } from './corefile-rule.js';
import { hostsWithoutFallthrough } from './hosts-without-fallthrough.js';
import { logSingleArgument } from './log-single-argument.js';
import { autopathWithoutVerifiedPods } from './autopath-without-verified-pods.js';
import { duplicateServerBlock } from './duplicate-server-block.js';
import { forwardTlsWithoutServername } from './forward-tls-without-servername.js';
import { forwardTooManyUpstreams } from './forward-too-many-upstreams.js';
import { reverseZonesWithoutFallthrough } from './reverse-zones-without-fallthrough.js';
import { missingProbePlugin } from './missing-probe-plugin.js';
import { duplicatePlugin } from './duplicate-plugin.js';
import { emptyCorefile } from './empty-corefile.js';
import { envSubstitution } from './env-substitution.js';
import { forwardLoopback } from './forward-loopback.js';
import { hashInToken } from './hash-in-token.js';
import { kubernetesUpstream } from './kubernetes-upstream.js';
import { longDenialCache } from './long-denial-cache.js';
import { longServfailCache } from './long-servfail-cache.js';
import { newerOption } from './newer-option.js';
import { podsInsecure } from './pods-insecure.js';
import { proxyPlugin } from './proxy-plugin.js';
import { removedOption } from './removed-option.js';
import { resolvConfWithoutLoop } from './resolv-conf-without-loop.js';
import { rewriteWithoutAnswer } from './rewrite-without-answer.js';
import { servfailNoFailover } from './servfail-no-failover.js';
import { singleUpstream } from './single-upstream.js';
import { staleServfail } from './stale-servfail.js';
import { unboundedServeStale } from './unbounded-serve-stale.js';
import { upstreamNeverDown } from './upstream-never-down.js';
import { zeroCapacityCache } from './zero-capacity-cache.js';

/** Every Corefile rule, in reporting order. */
export const COREFILE_RULES: readonly CorefileRule[] = [
  longDenialCache,
  zeroCapacityCache,
  cacheDurationZone,
  staleServfail,
  longServfailCache,
  unboundedServeStale,
  forwardLoopback,
  resolvConfWithoutLoop,
  singleUpstream,
  upstreamNeverDown,
  servfailNoFailover,
  kubernetesUpstream,
  proxyPlugin,
  removedOption,
  newerOption,
  hashInToken,
  braceLayout,
  addressWithoutPort,
  podsInsecure,
  envSubstitution,
  rewriteWithoutAnswer,
  duplicatePlugin,
  emptyCorefile,
  hostsWithoutFallthrough,
  logSingleArgument,
  autopathWithoutVerifiedPods,
  duplicateServerBlock,
  forwardTlsWithoutServername,
  forwardTooManyUpstreams,
  reverseZonesWithoutFallthrough,
  missingProbePlugin,
];
