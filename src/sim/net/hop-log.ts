/** Collects hops in order and formats their packets. */
import type { DnsResponse } from '../dns/records';
import type { Hop, PacketView } from '../view/snapshot';
import { decisiveLines } from './decisive-lines';
import type { Packet } from './packet';

export class HopLog {
  readonly hops: Hop[] = [];

  add(hop: Omit<Hop, 'index'>): void {
    // The caller's literal becomes the hop (no copy): hops are built on every request.
    (hop as Hop).index = this.hops.length;
    const d = hop.decidedBy;
    if (d && !d.matched) d.matched = decisiveLines(d.kind, d.lines);
    this.hops.push(hop as Hop);
  }

  view(p: Packet, payload?: string): PacketView {
    const v: PacketView = { protocol: p.protocol, src: p.src + ':' + p.sport, dst: p.dst + ':' + p.dport };
    if (payload) v.payload = payload;
    return v;
  }
}

export function describePacket(p: Packet): string {
  return `${p.src}:${p.sport} → ${p.dst}:${p.dport} ${p.protocol}`;
}

/** Answer records as dig prints them: "web.default.svc.cluster.local. 30 IN A 10.96.41.7". */
export function dnsRecordLines(r: DnsResponse): string[] {
  return r.answers.map((a) => `${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}`);
}
