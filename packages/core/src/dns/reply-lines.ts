/** The `reply ...` log bodies dnsmasq prints for a forwarded reply (spec e), one per answer record of the chain. */
import { nodataWord } from './cache/cacheable.js';
import { rdataLogText, reverseNameToAddress } from './wire/rdata.js';
import { SECTION_ANSWER, type ParsedReply } from './wire/reply-reader.js';
import { T_ANY, T_CNAME, T_PTR } from './wire/rr-types.js';
import { RCODE_NOERROR, RCODE_NOTIMP, RCODE_NXDOMAIN, RCODE_REFUSED, RCODE_SERVFAIL, readName } from './wire/wire.js';

export function rcodeErrorLine(rcode: number): string {
  if (rcode === RCODE_SERVFAIL) return 'reply error is SERVFAIL';
  if (rcode === RCODE_REFUSED) return 'reply error is REFUSED';
  if (rcode === RCODE_NOTIMP) return 'reply error is not implemented';
  return `reply error is ${rcode}`;
}

function shownName(key: string, spelled: string, qtype: number): string {
  return qtype === T_PTR ? reverseNameToAddress(key) ?? spelled : spelled;
}

export function replyLines(buf: Buffer, reply: ParsedReply, q: { key: string; spelled: string; qtype: number }): string[] {
  if (reply.rcode !== RCODE_NOERROR && reply.rcode !== RCODE_NXDOMAIN) return [rcodeErrorLine(reply.rcode)];
  const lines: string[] = [];
  let key = q.key;
  let spelled = q.spelled;
  let found = false;
  for (const r of reply.records) {
    if (r.section !== SECTION_ANSWER || r.key !== key) continue;
    if (r.type === T_CNAME && q.qtype !== T_CNAME) {
      lines.push(`reply ${r.spelled} is <CNAME>`);
      const target = readName(buf, r.rdOffset);
      if (!target) break;
      key = target.key;
      spelled = target.spelled;
      continue;
    }
    if (r.type === q.qtype || q.qtype === T_ANY) found = true;
    lines.push(`reply ${shownName(r.key, r.spelled, r.type)} is ${rdataLogText(buf, r.type, r.rdOffset, r.rdLength, q.qtype)}`);
  }
  if (!found) {
    const what = reply.rcode === RCODE_NXDOMAIN ? 'NXDOMAIN' : nodataWord(q.qtype);
    lines.push(`reply ${shownName(key, spelled, q.qtype)} is ${what}`);
  }
  return lines;
}
