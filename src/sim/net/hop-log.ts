/** Collects hops in order and formats their packets. */
import type { DnsResponse } from '../dns/records';
import type { Hop, PacketView } from '../view/snapshot';
import type { Packet } from './packet';

export class HopLog {
  readonly hops: Hop[] = [];

  add(hop: Omit<Hop, 'index'>): void {
    this.hops.push({ index: this.hops.length, ...hop });
  }

  view(p: Packet, payload?: string): PacketView {
    return { protocol: p.protocol, src: `${p.src}:${p.sport}`, dst: `${p.dst}:${p.dport}`, ...(payload ? { payload } : {}) };
  }
}

export function describePacket(p: Packet): string {
  return `${p.src}:${p.sport} → ${p.dst}:${p.dport} ${p.protocol}`;
}

/** Answer records as dig prints them: "web.default.svc.cluster.local. 30 IN A 10.96.41.7". */
export function dnsRecordLines(r: DnsResponse): string[] {
  return r.answers.map((a) => `${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}`);
}
