/**
 * nslookup in the two flavours pods carry: BIND's (agnhost and other Alpine
 * images with bind-tools; bin/dig/nslookup.c) and busybox's
 * (networking/nslookup.c), which expands only dot-less names with the search
 * list and asks for A and AAAA at once.
 */
import type { DnsContext, DnsResponse, RRType } from '../../sim/dns/records';
import { answer } from '../../sim/dns/records';
import { reverseName } from '../../sim/dns/reverse';
import type { ResolvConf } from '../../sim/dns/resolv-conf';
import { lookup } from '../../sim/net/dns-lookup';
import { isIPv4 } from '../../sim/net/ip';
import type { CommandResult } from '../types';

/**
 * The answer section as both flavours print it: addresses as "Name:/Address:", other records as
 * "NAME<TAB>TYPE-TEXT = DATA" (BIND nslookup.c printsection and rtypetext; busybox parse_reply,
 * which drops the targets' trailing dot: `dropDot`).
 */
function addressLines(r: DnsResponse, dropDot = false): string {
  let text = '';
  const target = (d: string) => (dropDot ? d.replace(/\.$/, '') : d);
  for (const a of r.answers) {
    const name = a.name.replace(/\.$/, '');
    if (a.type === 'CNAME') text += `${name}\tcanonical name = ${target(a.data)}\n`;
    else if (a.type === 'A' || a.type === 'AAAA') text += `Name:\t${name}\nAddress: ${a.data}\n`;
    else if (a.type === 'SRV') text += `${name}\tservice = ${target(a.data)}\n`;
    else if (a.type === 'PTR') text += `${name}\tname = ${target(a.data)}\n`;
  }
  return text;
}

const QUERY_TYPES: RRType[] = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR', 'SOA'];

/**
 * nslookup's options: -type=, -query=, -querytype= or -q= name the record type (BIND nslookup.c
 * setoption, busybox's -type=/-query=); -debug is not simulated. Returns the type and the words left.
 */
function nslookupOptions(args: string[]): { qtype: RRType; words: string[]; typed: boolean } | { error: string } {
  let qtype: RRType = 'A';
  let typed = false;
  const words: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|querytype|q|ty)=(.*)$/i.exec(a);
    if (m) {
      const t = m[1]!.toUpperCase() as RRType;
      if (!QUERY_TYPES.includes(t)) return { error: `nslookup: -type=${m[1]}: this simulated nslookup asks for ${QUERY_TYPES.join(', ')} only\n` };
      qtype = t;
      typed = true;
    } else if (/^-(no)?d(ebug)?$|^-d2$/.test(a)) return { error: 'nslookup: -debug is not simulated here; dig shows the whole reply\n' };
    else if (!a.startsWith('-')) words.push(a);
  }
  return { qtype, words, typed };
}

const out = (text: string, exitCode: number): CommandResult => ({ chunks: [{ stream: 'out', text }], exitCode });

/**
 * BIND's nslookup given an address: addlookup turns it into a PTR lookup (get_reverse,
 * strict). printmessage prints the Server/Address header only for an A lookup of the
 * default set, so a reverse lookup has none; PTR answers print as "NAME<TAB>name = TARGET"
 * (printsection, rtypetext[12]) with the target's trailing dot; main's final puts("")
 * ends the output. The reverse name has ndots dots, so it is asked as is first; the search
 * list after it cannot find an in-addr.arpa name either, so the first failure is the one shown.
 */
function bindReverse(ctx: DnsContext, ip: string): CommandResult {
  const qname = reverseName(ip);
  const r = answer(ctx, qname, 'PTR');
  const shown = qname.slice(0, -1);
  if (r.rcode !== 'NOERROR') return out(`** server can't find ${shown}: ${r.rcode}\n\n`, 1);
  let text = r.answers.length ? r.answers.map((a) => `${shown}\tname = ${a.data}\n`).join('') : `*** Can't find ${shown}: No answer\n`;
  if (!r.authoritative) text += '\nAuthoritative answers can be found from:\n';
  return out(`${text}\n`, 0);
}

export function bindNslookup(ctx: DnsContext, conf: ResolvConf, args: string[]): CommandResult {
  const opts = nslookupOptions(args);
  if ('error' in opts) return { chunks: [{ stream: 'err', text: opts.error }], exitCode: 1 };
  const name = opts.words[0];
  if (!name) return { chunks: [{ stream: 'err', text: 'nslookup: interactive mode is not supported here\n' }], exitCode: 1 };
  if (isIPv4(name) && opts.qtype === 'A') return bindReverse(ctx, name);
  const server = conf.nameservers[0]!;
  const head = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  const result = lookup(ctx, conf, name, opts.qtype);
  if (!result.found) {
    const last = result.queries[result.queries.length - 1]!;
    return { chunks: [{ stream: 'out', text: `${head}** server can't find ${last.qname}: ${last.response.rcode}\n\n` }], exitCode: 1 };
  }
  const r = result.found.response;
  const nonAuth = r.authoritative ? '' : 'Non-authoritative answer:\n';
  // A name that exists without records of the type asked (NODATA): printsection has nothing to print.
  let lines = r.answers.length ? addressLines(r) : `*** Can't find ${result.found.qname}: No answer\n`;
  // BIND 9.11+ nslookup, given no type, follows a found A with an AAAA lookup of the same name
  // (bin/dig/dighost.c recv_done requeues it); an empty AAAA answer prints nothing.
  if (!opts.typed && opts.qtype === 'A' && r.answers.length) {
    const aaaa = answer(ctx, result.found.qname, 'AAAA');
    if (aaaa.answers.length) lines += addressLines(aaaa);
  }
  return { chunks: [{ stream: 'out', text: `${head}${nonAuth}${lines}\n` }], exitCode: 0 };
}

export function busyboxNslookup(ctx: DnsContext, conf: ResolvConf, args: string[]): CommandResult {
  const opts = nslookupOptions(args);
  if ('error' in opts) return { chunks: [{ stream: 'err', text: opts.error }], exitCode: 1 };
  const asked = args.some((a) => /^-(?:type|query|querytype|q|ty)=/i.test(a));
  const name = opts.words[0];
  if (!name) return { chunks: [{ stream: 'err', text: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n' }], exitCode: 1 };
  const server = conf.nameservers[0]!;
  let text = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (isIPv4(name)) {
    // make_ptr: an address becomes one PTR query (no AAAA, no search list); parse_reply prints
    // "NAME<TAB>name = TARGET" with both names as ns_name_uncompress spells them, without the dot.
    const qname = reverseName(name).slice(0, -1);
    const r = answer(ctx, qname, 'PTR');
    if (r.rcode !== 'NOERROR') return out(`${text}** server can't find ${qname}: ${r.rcode}\n\n`, 1);
    if (!r.authoritative) text += 'Non-authoritative answer:\n';
    return out(`${text}${r.answers.map((a) => `${qname}\tname = ${a.data.replace(/\.$/, '')}\n`).join('')}\n`, 0);
  }
  const names = name.includes('.') ? [name.replace(/\.$/, '')] : conf.search.map((s) => `${name}.${s}`);
  let failed = false;
  // Without -type busybox asks A and AAAA; with it, that type alone.
  for (const qtype of asked ? [opts.qtype] : (['A', 'AAAA'] as const)) {
    for (const qname of names) {
      const r = answer(ctx, qname, qtype);
      if (r.rcode !== 'NOERROR') {
        text += `** server can't find ${qname}: ${r.rcode}\n\n`;
        failed = true;
      } else {
        // parse_reply prints this for every reply without the AA bit, even an empty (NODATA) one.
        // NODATA prints nothing else: busybox 1.33+ send_queries no longer says "*** Can't find
        // NAME: No answer" for it; only the blank line every reply ends with remains.
        if (!r.authoritative) text += 'Non-authoritative answer:\n';
        text += `${addressLines(r, true)}\n`;
      }
    }
  }
  return { chunks: [{ stream: 'out', text }], exitCode: failed ? 1 : 0 };
}

