/**
 * BIND's dig (bind-tools in the agnhost image): the full answer layout, +short,
 * a record type, +search. CoreDNS answers its zone authoritatively without
 * recursion (flags qr aa rd, hence dig's recursion warning), echoes dig's EDNS
 * cookie (coredns plugin/pkg/edns), and puts its SOA in the authority section
 * of empty answers. Layout from bind9 bin/dig/dig.c and lib/dns/masterdump.c
 * (columns at 24, 32, 40 and 48, reached with tabs, else one space).
 */
import { answer, upstreamSoa, type DnsResponse, type ResourceRecord, type RRType } from '../../sim/dns/records';
import type { ResolvConf } from '../../sim/dns/resolv-conf';
import { candidateNames } from '../../sim/dns/resolv-conf';
import type { Simulation } from '../../sim/simulation';
import { simTimeToIso } from '../../sim/clock';
import { digWhen } from '../print/dates';
import type { CommandResult } from '../types';
import { replySize } from '../../sim/dns/wire';

/** dig's OPT record: 11 bytes plus its COOKIE option (4 + the 8-byte client cookie). */
export const DIG_OPT_SIZE = 11 + 12;

export const DIG_VERSION = '9.18.33';
const TYPES: RRType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'];

/** One record in dig's columns: a tab (or several) reaches the next column, one space when past it. */
export function formatRecord(fields: string[], columns: number[]): string {
  let text = fields[0]!;
  let col = text.length;
  for (let i = 1; i < fields.length; i++) {
    const target = columns[i - 1]!;
    if (col >= target) {
      text += ' ';
      col += 1;
    } else {
      while (col < target) {
        text += '\t';
        col = (Math.floor(col / 8) + 1) * 8;
      }
    }
    text += fields[i];
    col += fields[i]!.length;
  }
  return text;
}

const rrLine = (r: ResourceRecord) => formatRecord([r.name, String(r.ttl), 'IN', r.type, r.data], [24, 32, 40, 48]);

function soa(sim: Simulation, qname: string): ResourceRecord {
  const zone = `${sim.config.clusterDomain}.`;
  if (qname.endsWith(`.${zone}`) || qname === zone) {
    const serial = Math.floor(Date.parse(simTimeToIso(sim.cluster.clock.now())) / 1000);
    return { name: zone, ttl: 30, type: 'SOA', data: `ns.dns.${zone} hostmaster.${zone} ${serial} 7200 1800 86400 30` };
  }
  return upstreamSoa(qname);
}

/**
 * The reply's size on the wire, uncompressed: header, question, every record with its
 * owner name in full, and the OPT record with the echoed 8-byte client cookie (11 + 12).
 * CoreDNS wraps every reply in a ScrubWriter (request/request.go Scrub), which calls
 * miekg/dns Msg.Truncate (msg_truncate.go): a reply that fits the client's buffer
 * uncompressed (dig advertises 1232) is sent with Compress = false.
 */
export function messageSize(qname: string, records: ResourceRecord[]): number {
  return replySize(qname, records, DIG_OPT_SIZE);
}


/**
 * `-x ADDR`: the reverse name, asked as PTR. dig calls get_reverse non-strictly (bind9
 * bin/dig/dighost.c), which for anything that is not IPv6 reverses the dot-separated
 * labels blindly, so even a partial address makes a name.
 */
function reverseOf(addr: string): string {
  return `${addr.replace(/\.$/, '').split('.').reverse().join('.')}.in-addr.arpa`;
}

export function runDig(sim: Simulation, conf: ResolvConf, args: string[], clientIP = ''): CommandResult {
  const opts = args.filter((a) => a.startsWith('+'));
  const words: string[] = [];
  let reverse: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-x' && i + 1 < args.length) reverse = reverseOf(args[++i]!);
    // -t TYPE and -q NAME (dighost.c dash_option; the value may be attached: -tSRV); -p, -b and -4/-6 change nothing here.
    else if (/^-[tq]$/.test(a) && i + 1 < args.length) words.push(args[++i]!);
    else if (/^-[tq]./.test(a)) words.push(a.slice(2));
    else if (/^-[pb]$/.test(a)) i++;
    else if (/^-[46]$|^-[pb]./.test(a)) continue;
    else if (!a.startsWith('+') && !a.startsWith('@')) words.push(a);
  }
  const qtype = reverse ? 'PTR' : ((words.find((w) => TYPES.includes(w.toUpperCase() as RRType))?.toUpperCase() ?? 'A') as RRType);
  const name = reverse ?? words.find((w) => !TYPES.includes(w.toUpperCase() as RRType)) ?? '.';
  const names = opts.includes('+search') && !reverse ? candidateNames(name, conf) : [name.endsWith('.') ? name.slice(0, -1) : name];
  let qname = '';
  let r: DnsResponse = { rcode: 'NXDOMAIN', authoritative: true, answers: [], additional: [] };
  for (const n of names) {
    qname = `${n}.`;
    r = answer(sim.dnsContextFor(conf, { ip: clientIP, edns: { optSize: DIG_OPT_SIZE, bufsize: 1232 } }), n, qtype);
    if (r.rcode === 'NOERROR' && r.answers.length) break;
  }
  if (opts.includes('+short')) return { chunks: [{ stream: 'out', text: r.answers.map((a) => `${a.data}\n`).join('') }], exitCode: 0 };
  const authority = r.answers.length === 0 ? [soa(sim, qname)] : [];
  const server = conf.nameservers[0]!;
  const flags = r.authoritative ? 'qr aa rd' : 'qr rd ra';
  const lines = ['', `; <<>> DiG ${DIG_VERSION} <<>> ${args.join(' ')}`, ';; global options: +cmd', ';; Got answer:'];
  lines.push(`;; ->>HEADER<<- opcode: QUERY, status: ${r.rcode}, id: ${1 + sim.cluster.trafficRng.int(65535)}`);
  lines.push(`;; flags: ${flags}; QUERY: 1, ANSWER: ${r.answers.length}, AUTHORITY: ${authority.length}, ADDITIONAL: ${r.additional.length + 1}`);
  if (r.authoritative) lines.push(';; WARNING: recursion requested but not available');
  lines.push('', ';; OPT PSEUDOSECTION:', '; EDNS: version: 0, flags:; udp: 1232', `; COOKIE: ${sim.cluster.trafficRng.string(16, '0123456789abcdef')} (echoed)`);
  lines.push(';; QUESTION SECTION:', formatRecord([`;${qname}`, 'IN', qtype], [32, 40]), '');
  if (r.answers.length) lines.push(';; ANSWER SECTION:', ...r.answers.map(rrLine), '');
  if (authority.length) lines.push(';; AUTHORITY SECTION:', ...authority.map(rrLine), '');
  if (r.additional.length) lines.push(';; ADDITIONAL SECTION:', ...r.additional.map(rrLine), '');
  lines.push(';; Query time: 0 msec', `;; SERVER: ${server}#53(${server}) (UDP)`, `;; WHEN: ${digWhen(sim.cluster.clock.now())}`);
  lines.push(`;; MSG SIZE  rcvd: ${messageSize(qname, [...r.answers, ...authority, ...r.additional])}`, '', '');
  return { chunks: [{ stream: 'out', text: lines.join('\n') }], exitCode: 0 };
}
