/**
 * DNS message sizes on the wire (RFC 1035 4.1): what dig's "MSG SIZE rcvd" and the log
 * plugin's request and response sizes count. CoreDNS sends a reply uncompressed when it
 * fits the client's buffer (request/request.go Scrub -> miekg/dns Msg.Truncate), so every
 * owner name is counted in full.
 */
import type { ResourceRecord } from './records';

export function wireLength(name: string): number {
  return name === '.' ? 1 : name.replace(/\.$/, '').split('.').reduce((n, l) => n + l.length + 1, 1);
}

export function rdataLength(r: ResourceRecord): number {
  if (r.type === 'A') return 4;
  if (r.type === 'AAAA') return 16;
  if (r.type === 'SRV') return 6 + wireLength(r.data.split(' ')[3]!);
  const parts = r.data.split(' ');
  if (r.type === 'SOA') return wireLength(parts[0]!) + wireLength(parts[1]!) + 20;
  return wireLength(parts[0]!);
}

/** Header (12), the question (name, type, class) and the OPT record's size when EDNS is used. */
export function querySize(qname: string, optSize = 0): number {
  return 12 + wireLength(qname) + 4 + optSize;
}

/** The query echoed with every record added, owner names uncompressed. */
export function replySize(qname: string, records: ResourceRecord[], optSize = 0): number {
  let size = querySize(qname, optSize);
  for (const r of records) size += wireLength(r.name) + 10 + rdataLength(r);
  return size;
}
