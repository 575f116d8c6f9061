/**
 * The log plugin's line for one query, in its default format (coredns plugin/log/log.go
 * DefaultFormat: `{remote}:{port} - {>id} "{type} {class} {name} {proto} {size} {>do} {>bufsize}"
 * {rcode} {>rflags} {rsize} {duration}`, written through clog.Infof, hence "[INFO] "), e.g.
 * `[INFO] 10.244.1.5:47285 - 15473 "A IN web.default.svc.cluster.local. udp 47 false 512" NOERROR qr,aa,rd 110 0.000167s`.
 * Sizes are the messages' (wire.ts); without EDNS the buffer is 512 (request.Request.Size).
 * {duration} is time.Since(start).Seconds() in Go's shortest float form plus "s"
 * (plugin/pkg/replacer); the simulated time is drawn: tens of microseconds for an answer
 * CoreDNS has, milliseconds for one the upstream gave.
 */
import type { DnsResponse, RRType, ResourceRecord } from './records';
import { upstreamSoa } from './records';
import { querySize, replySize } from './wire';

export interface QueryClient {
  ip: string;
  port: number;
  /** EDNS: the OPT record's size and the buffer it advertises (dig: 23 bytes with its cookie, 1232). */
  edns?: { optSize: number; bufsize: number };
}

/** The SOA a negative answer carries in its authority section (counted in the reply's size). */
function authority(qname: string, r: DnsResponse, zone: string, ttl: number): ResourceRecord[] {
  if (r.answers.length > 0 || r.rcode === 'SERVFAIL') return [];
  if (r.plugin === 'kubernetes') return [{ name: `${zone}.`, ttl, type: 'SOA', data: `ns.dns.${zone}. hostmaster.${zone}. 1767225600 7200 1800 86400 ${ttl}` }];
  if (r.plugin === 'forward') return [upstreamSoa(qname)];
  return [];
}

/** Go's strconv.FormatFloat(f, 'f', -1, 64) of nanoseconds / 1e9: the shortest decimal. */
export function goSeconds(ns: number): string {
  const text = (ns / 1e9).toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
  return `${text}s`;
}

export function queryLogLine(
  client: QueryClient,
  id: number,
  qname: string,
  qtype: RRType,
  r: DnsResponse,
  zone: string,
  ttl: number,
  durationNs: number,
): string {
  const opt = client.edns?.optSize ?? 0;
  const size = querySize(qname, opt);
  const rsize = replySize(qname, [...r.answers, ...authority(qname, r, zone, ttl), ...r.additional], opt);
  const flags = r.rcode === 'SERVFAIL' ? 'qr,rd' : r.authoritative ? 'qr,aa,rd' : 'qr,rd,ra';
  const req = `${qtype} IN ${qname} udp ${size} false ${client.edns?.bufsize ?? 512}`;
  return `[INFO] ${client.ip}:${client.port} - ${id} "${req}" ${r.rcode} ${flags} ${rsize} ${goSeconds(durationNs)}`;
}
