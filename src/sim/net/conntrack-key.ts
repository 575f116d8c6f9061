/** How a node's conntrack table keys its flows, and how many it holds. */
import type { Packet } from './packet';

/**
 * nf_conntrack_max: kind leaves it alone (maxPerCore: 0 in its kube-proxy config), so the
 * host's default applies. Departure: when full, the kernel drops new packets ("table full,
 * dropping packet") unless it can early-drop an unassured entry; we evict the oldest entry
 * so long load experiments keep running.
 */
export const CT_MAX = 262_144;

// Table keys: a 30-bit hash of the tuple (a small integer, which a Map hashes without
// allocating anything), built from interned address ids. Different tuples may share a
// hash: the table keeps a list under such a key and compares the tuples themselves.
const IP_IDS = new Map<string, number>();

function ipId(ip: string): number {
  let id = IP_IDS.get(ip);
  if (id === undefined) {
    if (IP_IDS.size >= 1 << 20) IP_IDS.clear();
    IP_IDS.set(ip, (id = IP_IDS.size));
  }
  return id;
}

export function tupleKey(p: Packet): number {
  return tupleKeyOf(p.protocol, p.src, p.sport, p.dst, p.dport);
}

/** The key of the reply direction of a connection that left the node as `t`. */
export function replyKeyOf(t: Packet): number {
  return tupleKeyOf(t.protocol, t.dst, t.dport, t.src, t.sport);
}

function tupleKeyOf(protocol: string, src: string, sport: number, dst: string, dport: number): number {
  let h = Math.imul(ipId(src) ^ (sport << 12), 0x9e3779b1);
  h ^= Math.imul(ipId(dst) ^ (dport << 12), 0x85ebca6b);
  h ^= protocol === 'TCP' ? 0x5bd1e995 : 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h & 0x3fffffff;
}

export function sameTuple(a: Packet, b: Packet): boolean {
  return a.sport === b.sport && a.dport === b.dport && a.src === b.src && a.dst === b.dst && a.protocol === b.protocol;
}
