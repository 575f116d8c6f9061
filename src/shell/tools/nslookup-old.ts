/**
 * busybox <= 1.28's nslookup (networking/nslookup.c before the 1.29 rewrite): no resolver of
 * its own. server_print() and main() each call print_host(), which asks libc's getaddrinfo
 * (the resolv.conf search list and ndots apply, as to any program: "kubernetes.default" has
 * fewer dots than ndots:5, so kubernetes.default.default.svc.cluster.local and then
 * kubernetes.default.svc.cluster.local are asked), prints `printf("%-10s %s\n", header, host)`
 * and then "Address N: IP" followed by the reverse name getnameinfo finds (NI_NAMEREQD: none
 * when the PTR lookup fails). A name that does not resolve is bb_error_msg's
 * "nslookup: can't resolve 'NAME'" on stderr, exit 1. This is why kubernetes.io's DNS pages
 * pinned busybox:1.28.
 */
import { answer, type DnsContext } from '../../sim/dns/records';
import { reverseName } from '../../sim/dns/reverse';
import type { ResolvConf } from '../../sim/dns/resolv-conf';
import { lookup } from '../../sim/net/dns-lookup';
import { isIPv4 } from '../../sim/net/ip';
import type { CommandResult } from '../types';

/** bb_show_usage() for the 1.28.4 applet (docker.io/library/busybox:1.28). */
export const BUSYBOX_128_NSLOOKUP_USAGE =
  'BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\n' +
  'Query the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n';

/** getnameinfo(NI_NAMEREQD) of an address: its PTR target without the root dot, or undefined. */
function reverseOf(ctx: DnsContext, ip: string): string | undefined {
  const r = answer(ctx, reverseName(ip), 'PTR');
  const ptr = r.rcode === 'NOERROR' ? r.answers.find((a) => a.type === 'PTR') : undefined;
  return ptr?.data.replace(/\.$/, '');
}

/** print_host(): the header line and one "Address N:" line per address, or undefined when the name does not resolve. */
function printHost(ctx: DnsContext, conf: ResolvConf, host: string, header: string): string | undefined {
  const addresses = isIPv4(host) ? [host] : lookup(ctx, conf, host, 'A').addresses;
  if (addresses.length === 0) return undefined;
  let text = `${header.padEnd(10)} ${host}\n`;
  addresses.forEach((ip, i) => {
    const rev = reverseOf(ctx, ip);
    text += `Address ${i + 1}: ${ip}${rev ? ` ${rev}` : ''}\n`;
  });
  return text;
}

export function busybox128Nslookup(ctx: DnsContext, conf: ResolvConf, args: string[]): CommandResult {
  // main(): `if (!argv[1] || argv[1][0] == '-' || argc > 3) bb_show_usage();`
  if (!args[0] || args[0].startsWith('-') || args.length > 2) return { chunks: [{ stream: 'err', text: BUSYBOX_128_NSLOOKUP_USAGE }], exitCode: 1 };
  const server = args[1] ?? conf.nameservers[0]!;
  if (args[1] !== undefined && args[1] !== conf.nameservers[0]) {
    return { chunks: [{ stream: 'err', text: `nslookup: this simulator asks the pod's own nameserver (${conf.nameservers[0]}) only\n` }], exitCode: 1 };
  }
  // server_print(): the server as an address (so it "resolves" to itself), then a blank line.
  const head = `${printHost(ctx, conf, server, 'Server:')}\n`;
  const name = printHost(ctx, conf, args[0], 'Name:');
  if (name === undefined) return { chunks: [{ stream: 'out', text: head }, { stream: 'err', text: `nslookup: can't resolve '${args[0]}'\n` }], exitCode: 1 };
  return { chunks: [{ stream: 'out', text: head + name }], exitCode: 0 };
}
