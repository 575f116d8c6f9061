/**
 * nslookup as busybox 1.28 and earlier built it (networking/nslookup.c before the LEDE rewrite of
 * 1.29, the one busybox:1.28 in the StatefulSet tutorial carries): no DNS of its own, the C library's
 * getaddrinfo (so the search list and ndots apply to dotted names too: `nslookup web-0.nginx` finds
 * web-0.nginx.default.svc.cluster.local) and a reverse lookup of each address (getnameinfo with
 * NI_NAMEREQD) printed after it. print_host writes "%-10s %s" for the header and "Address N: IP[ NAME]";
 * server_print does the same for the first nameserver, then a blank line. A name that does not resolve
 * is bb_error_msg "can't resolve 'NAME'" on stderr, exit 1.
 */
import type { DnsContext } from '../../sim/dns/records';
import { answer } from '../../sim/dns/records';
import { reverseName } from '../../sim/dns/reverse';
import type { ResolvConf } from '../../sim/dns/resolv-conf';
import { lookup } from '../../sim/net/dns-lookup';
import { isIPv4 } from '../../sim/net/ip';
import type { CommandResult } from '../types';

const USAGE =
  'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\n' +
  'Query the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n';

/** getnameinfo(NI_NAMEREQD): the first PTR target without its dot, or nothing. */
function reverseOf(ctx: DnsContext, ip: string): string | undefined {
  const r = answer(ctx, reverseName(ip), 'PTR');
  const ptr = r.rcode === 'NOERROR' ? r.answers.find((a) => a.type === 'PTR') : undefined;
  return ptr?.data.replace(/\.$/, '');
}

/** print_host's lines for addresses already found. */
function hostLines(ctx: DnsContext, header: string, name: string, addresses: string[]): string {
  let text = `${header.padEnd(10)} ${name}\n`;
  addresses.forEach((ip, i) => {
    const rev = reverseOf(ctx, ip);
    text += `Address ${i + 1}: ${ip}${rev ? ` ${rev}` : ''}\n`;
  });
  return text;
}

export function oldBusyboxNslookup(ctx: DnsContext, conf: ResolvConf, args: string[]): CommandResult {
  const [host, server] = args;
  if (!host || host.startsWith('-') || args.length > 2) return { chunks: [{ stream: 'err', text: USAGE }], exitCode: 1 };
  const nameserver = conf.nameservers[0]!;
  if (server !== undefined && server !== nameserver) {
    return { chunks: [{ stream: 'err', text: `nslookup: this simulated nslookup asks the pod's nameserver (${nameserver}) only\n` }], exitCode: 1 };
  }
  const head = `${hostLines(ctx, 'Server:', nameserver, [nameserver])}\n`;
  // getaddrinfo: a numeric host is its own address; otherwise the resolver walks the search list.
  // The cluster is IPv4 only, so the AAAA half of AF_UNSPEC adds nothing.
  const addresses = isIPv4(host) ? [host] : lookup(ctx, conf, host, 'A').addresses;
  if (addresses.length === 0) {
    return { chunks: [{ stream: 'out', text: head }, { stream: 'err', text: `nslookup: can't resolve '${host}'\n` }], exitCode: 1 };
  }
  return { chunks: [{ stream: 'out', text: head + hostLines(ctx, 'Name:', host, addresses) }], exitCode: 0 };
}
