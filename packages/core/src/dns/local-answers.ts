/**
 * Questions answered without an upstream, in dnsmasq's words (spec b.3, a.2): CHAOS `*.bind`, `--filterwin2k`,
 * `--address`, local-only domains, `--domain-needed`, `--bogus-priv`, and REFUSED when no server is usable.
 */
import ipaddr from 'ipaddr.js';
import { chaosTxt, type ChaosFacts } from './chaos.js';
import type { FilterOptions } from './forwarder-config.js';
import { isPrivateReverseName } from './wire/private-ranges.js';
import { reverseNameToAddress } from './wire/rdata.js';
import { localResponse, txtRdata } from './wire/responses.js';
import type { RouteDecision } from './routes.js';
import { C_CHAOS, C_IN, T_A, T_AAAA, T_ANY, T_PTR, T_SOA, T_SRV, T_TXT } from './wire/rr-types.js';
import { RCODE_NOERROR, RCODE_NOTIMP, RCODE_NXDOMAIN, RCODE_REFUSED, type QuestionInfo } from './wire/wire.js';

export interface LocalContext {
  readonly filters: FilterOptions;
  readonly localTtl: number;
  readonly chaos: ChaosFacts;
  /** True when the decision's group is the default servers (domain rules switch the name filters off). */
  readonly isDefaultGroup: (decision: RouteDecision) => boolean;
}

export interface LocalAnswer {
  readonly response: Buffer;
  /** Log body, e.g. `config x is NXDOMAIN`; several for the forward-limit case. */
  readonly lines: readonly string[];
}

/** Answers before routing: CHAOS and `--filterwin2k`. */
export function answerBeforeRouting(query: Buffer, q: QuestionInfo, optSize: number, ctx: LocalContext): LocalAnswer | undefined {
  if (q.qclass === C_CHAOS && (q.qtype === T_TXT || q.qtype === T_ANY) && q.key.endsWith('.bind')) {
    const txt = chaosTxt(q.key, ctx.chaos);
    if (!txt) return { response: localResponse(query, q, RCODE_NOTIMP, true, optSize), lines: [] };
    const answers = [{ type: T_TXT, cls: C_CHAOS, ttl: 0, rdata: txtRdata(txt) }];
    return { response: localResponse(query, q, RCODE_NOERROR, true, optSize, answers), lines: [`config ${q.spelled} is <TXT>`] };
  }
  if (ctx.filters.filterWin2k && q.qclass === C_IN) {
    const filtered = q.qtype === T_SOA || q.qtype === T_SRV || (q.qtype === T_ANY && q.key.includes('_'));
    if (filtered) return { response: localResponse(query, q, RCODE_NOERROR, true, optSize), lines: [`config ${q.spelled} is NODATA`] };
  }
  return undefined;
}

/** Answers decided by the route, or by the name filters that apply to the default servers. */
export function answerFromRoute(
  query: Buffer,
  q: QuestionInfo,
  optSize: number,
  decision: RouteDecision,
  ctx: LocalContext,
): LocalAnswer | undefined {
  if (decision.kind === 'address') {
    const rdata = Buffer.from(ipaddr.parse(decision.address).toByteArray());
    const answers = [{ type: q.qtype, cls: C_IN, ttl: ctx.localTtl, rdata }];
    return {
      response: localResponse(query, q, RCODE_NOERROR, true, optSize, answers),
      lines: [`config ${q.spelled} is ${decision.address}`],
    };
  }
  if (decision.kind === 'local') return nxdomain(query, q, optSize, false, q.spelled);
  const usesDefaults = decision.kind === 'refused' || ctx.isDefaultGroup(decision);
  if (usesDefaults && ctx.filters.domainNeeded && (q.qtype === T_A || q.qtype === T_AAAA) && !q.key.includes('.')) {
    return nxdomain(query, q, optSize, false, q.spelled);
  }
  if (usesDefaults && ctx.filters.bogusPriv && q.qtype === T_PTR && isPrivateReverseName(q.key)) {
    return nxdomain(query, q, optSize, true, reverseNameToAddress(q.key) ?? q.spelled);
  }
  if (decision.kind === 'refused') {
    return { response: localResponse(query, q, RCODE_REFUSED, false, optSize), lines: ['config error is REFUSED (EDE: not ready)'] };
  }
  return undefined;
}

function nxdomain(query: Buffer, q: QuestionInfo, optSize: number, aa: boolean, shown: string): LocalAnswer {
  return { response: localResponse(query, q, RCODE_NXDOMAIN, aa, optSize), lines: [`config ${shown} is NXDOMAIN`] };
}
