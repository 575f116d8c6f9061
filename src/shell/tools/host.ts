/**
 * BIND's host (bin/dig/host.c), as agnhost's bind-tools ship it: the search list as
 * resolv.conf says (ndots), then for a name A, AAAA and MX (host's default lookups), each
 * answer as "NAME has address IP", "has IPv6 address", "has SRV record ...", "is an alias for",
 * "domain name pointer"; a name that does not exist as "Host NAME not found: 3(NXDOMAIN)".
 */
import type { DnsContext, RRType, ResourceRecord } from '../../sim/dns/records';
import { answer } from '../../sim/dns/records';
import { reverseName } from '../../sim/dns/reverse';
import type { ResolvConf } from '../../sim/dns/resolv-conf';
import { lookup } from '../../sim/net/dns-lookup';
import { isIPv4 } from '../../sim/net/ip';
import type { CommandResult } from '../types';

const TYPES: RRType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'SOA'];
const USAGE = 'Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n';

/** host.c's rdata descriptions (say_message with rtype_to_text's words). */
function recordLine(r: ResourceRecord): string {
  const name = r.name.replace(/\.$/, '');
  switch (r.type) {
    case 'A':
      return `${name} has address ${r.data}\n`;
    case 'AAAA':
      return `${name} has IPv6 address ${r.data}\n`;
    case 'CNAME':
      return `${name} is an alias for ${r.data}\n`;
    case 'PTR':
      return `${name} domain name pointer ${r.data}\n`;
    case 'SRV':
      return `${name} has SRV record ${r.data}\n`;
    default:
      return `${name} has SOA record ${r.data}\n`;
  }
}

export function runHost(ctx: DnsContext, conf: ResolvConf, args: string[]): CommandResult {
  let qtype: RRType | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-t') {
      const t = args[++i]?.toUpperCase();
      if (!t) return { chunks: [{ stream: 'err', text: "host: option requires an argument -- 't'\n" + USAGE }], exitCode: 1 };
      if (!TYPES.includes(t as RRType)) return { chunks: [{ stream: 'err', text: `host: -t ${t}: this simulated host asks for ${TYPES.join(', ')} only\n` }], exitCode: 1 };
      qtype = t as RRType;
    } else if (a.startsWith('-')) continue;
    else words.push(a);
  }
  const name = words[0];
  if (!name) return { chunks: [{ stream: 'err', text: USAGE }], exitCode: 1 };
  if (isIPv4(name) && (qtype === undefined || qtype === 'PTR')) {
    const r = answer(ctx, reverseName(name), 'PTR');
    if (r.rcode !== 'NOERROR') return { chunks: [{ stream: 'out', text: `Host ${reverseName(name).slice(0, -1)} not found: 3(${r.rcode})\n` }], exitCode: 1 };
    return { chunks: [{ stream: 'out', text: r.answers.map(recordLine).join('') }], exitCode: 0 };
  }
  let text = '';
  for (const t of qtype ? [qtype] : (['A', 'AAAA'] as RRType[])) {
    const result = lookup(ctx, conf, name, t);
    if (!result.found) {
      if (t === 'A' || qtype) return { chunks: [{ stream: 'out', text: `${text}Host ${name} not found: 3(NXDOMAIN)\n` }], exitCode: 1 };
      continue;
    }
    const r = result.found.response;
    text += r.answers.map(recordLine).join('');
    if (qtype && r.answers.length === 0) text += `${result.found.qname.replace(/\.$/, '')} has no ${qtype} record\n`;
  }
  return { chunks: [{ stream: 'out', text }], exitCode: 0 };
}
