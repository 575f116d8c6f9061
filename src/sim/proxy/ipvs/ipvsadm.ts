/**
 * `ipvsadm -Ln` text, formatted as ipvsadm's print_title / print_service_entry do:
 * "%s  %s" for protocol and address, the scheduler, " persistent %u", then one
 * "  -> %-28s %-7s %-6d %-10u %-10u" line per real server (trailing spaces included).
 * Services and destinations are sorted by libipvs' ipvs_cmp_services / ipvs_cmp_dests,
 * whose address comparison subtracts two u32s into an int, so addresses more than 2^31
 * apart compare "backwards" (why 172.x sorts before 10.x in real output); glibc's qsort
 * (a merge sort for small arrays) is reproduced so the resulting order matches too.
 */
import { parseIPv4 } from '../../net/ip';
import type { IpvsRealServer, IpvsVirtualServer } from './model';

const PROTO_NUM = { TCP: 6, UDP: 17, SCTP: 132 } as const;

const addrDiff = (a: string, b: string): number => ((parseIPv4(a) ?? 0) - (parseIPv4(b) ?? 0)) | 0;

export function compareServices(a: IpvsVirtualServer, b: IpvsVirtualServer): number {
  return PROTO_NUM[a.protocol] - PROTO_NUM[b.protocol] || addrDiff(a.ip, b.ip) || a.port - b.port;
}

export function compareDests(a: IpvsRealServer, b: IpvsRealServer): number {
  return addrDiff(a.ip, b.ip) || a.port - b.port;
}

/** glibc msort: split at n/2, sort halves, merge taking the left element when cmp <= 0. */
export function glibcMergeSort<T>(items: readonly T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return [...items];
  const n1 = Math.floor(items.length / 2);
  const left = glibcMergeSort(items.slice(0, n1), cmp);
  const right = glibcMergeSort(items.slice(n1), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(cmp(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!);
  return [...out, ...left.slice(i), ...right.slice(j)];
}

export interface IpvsadmOptions {
  /** Connection table size in the banner (ip_vs conn_tab_bits=12 by default). */
  connTableSize?: number;
}

export function formatVirtualServer(vs: IpvsVirtualServer): string {
  const persistent = vs.persistentTimeout !== undefined ? ` persistent ${vs.persistentTimeout}` : '';
  return `${vs.protocol}  ${vs.ip}:${vs.port} ${vs.scheduler}${persistent}`;
}

export function formatRealServer(rs: IpvsRealServer): string {
  const name = `${rs.ip}:${rs.port}`.slice(0, 28);
  return `  -> ${name.padEnd(28)} ${rs.forward.padEnd(7)} ${String(rs.weight).padEnd(6)} ${String(rs.activeConns).padEnd(10)} ${String(rs.inactConns).padEnd(10)}`;
}

/** The full `ipvsadm -Ln` output. */
export function printIpvsadmLn(servers: readonly IpvsVirtualServer[], opts: IpvsadmOptions = {}): string {
  const lines = [
    `IP Virtual Server version 1.2.1 (size=${opts.connTableSize ?? 4096})`,
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of glibcMergeSort(servers, compareServices)) {
    lines.push(formatVirtualServer(vs));
    for (const rs of glibcMergeSort(vs.realServers, compareDests)) lines.push(formatRealServer(rs));
  }
  return `${lines.join('\n')}\n`;
}
