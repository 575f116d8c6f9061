/**
 * nslookup in the two flavours pods carry: BIND's (agnhost and other Alpine
 * images with bind-tools; bin/dig/nslookup.c) and busybox's
 * (networking/nslookup.c), which expands only dot-less names with the search
 * list and asks for A and AAAA at once.
 */
import type { DnsContext, DnsResponse } from '../../sim/dns/records';
import { answer } from '../../sim/dns/records';
import type { ResolvConf } from '../../sim/dns/resolv-conf';
import { lookup } from '../../sim/net/dns-lookup';
import type { CommandResult } from '../types';

function addressLines(r: DnsResponse): string {
  let text = '';
  for (const a of r.answers) {
    const name = a.name.replace(/\.$/, '');
    if (a.type === 'CNAME') text += `${name}\tcanonical name = ${a.data}\n`;
    else if (a.type === 'A' || a.type === 'AAAA') text += `Name:\t${name}\nAddress: ${a.data}\n`;
  }
  return text;
}

export function bindNslookup(ctx: DnsContext, conf: ResolvConf, args: string[]): CommandResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return { chunks: [{ stream: 'err', text: 'nslookup: interactive mode is not supported here\n' }], exitCode: 1 };
  const server = conf.nameservers[0]!;
  const head = `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  const result = lookup(ctx, conf, name, 'A');
  if (!result.found) {
    const last = result.queries[result.queries.length - 1]!;
    return { chunks: [{ stream: 'out', text: `${head}** server can't find ${last.qname}: ${last.response.rcode}\n\n` }], exitCode: 1 };
  }
  const r = result.found.response;
  const nonAuth = r.authoritative ? '' : 'Non-authoritative answer:\n';
  return { chunks: [{ stream: 'out', text: `${head}${nonAuth}${addressLines(r)}\n` }], exitCode: 0 };
}

export function busyboxNslookup(ctx: DnsContext, conf: ResolvConf, args: string[]): CommandResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return { chunks: [{ stream: 'err', text: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n' }], exitCode: 1 };
  const server = conf.nameservers[0]!;
  let text = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  const names = name.includes('.') ? [name.replace(/\.$/, '')] : conf.search.map((s) => `${name}.${s}`);
  let failed = false;
  for (const qtype of ['A', 'AAAA'] as const) {
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
        text += `${addressLines(r)}\n`;
      }
    }
  }
  return { chunks: [{ stream: 'out', text }], exitCode: failed ? 1 : 0 };
}

