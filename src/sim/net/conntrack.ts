/**
 * A node's connection-tracking table (one per kind node's network namespace): what
 * netfilter remembers of each connection's NAT, so later packets of a flow keep the
 * backend their first packet got, even after the endpoints change.
 * `conntrack -L` prints it (conntrack-print.ts). Departure: the kernel dumps its hash
 * table in bucket order; we list in insertion order (a reused tuple keeps its place).
 */
import { CT_MAX, isReplyOf, replyKeyOf, sameTuple, tupleKey } from './conntrack-key';
import { CT_TIMEOUTS, Entry, type CtEntry, type CtState } from './conntrack-entry';
import type { Packet } from './packet';

export { CT_MAX } from './conntrack-key';
export { CT_TIMEOUTS, setCtState, type CtEntry, type CtState } from './conntrack-entry';

export interface RecordOptions {
  /** The packet after DNAT and SNAT, as it left the node. */
  translated: Packet;
  now: number;
  state?: CtState;
  replied?: boolean;
  assured?: boolean;
  endpointPod?: string;
}

export class ConntrackTable {
  /** Both directions' tuples by hash, in insertion order; a list where hashes collide. */
  private readonly byHash = new Map<number, Entry | Entry[]>();
  private count = 0;

  /** The live entry whose original or reply direction is this tuple (nf_conntrack_find_get). */
  lookup(p: Packet, now: number): CtEntry | undefined {
    const e = this.find(p, tupleKey(p));
    if (!e) return undefined;
    if (e.expiresAt <= now) {
      this.delete(e);
      return undefined;
    }
    return e;
  }

  /** Records a new connection, replacing any entry for the same original tuple. */
  record(orig: Packet, o: RecordOptions): CtEntry {
    const t = o.translated;
    const tcp = orig.protocol === 'TCP';
    const state = tcp ? (o.state ?? 'ESTABLISHED') : undefined;
    const replied = o.replied ?? true;
    const assured = o.assured ?? (tcp && state !== 'SYN_SENT');
    const timeout = tcp ? CT_TIMEOUTS[state!] : assured ? CT_TIMEOUTS.UDP_STREAM : CT_TIMEOUTS.UDP;
    const origKey = tupleKey(orig);
    // The common replacement (a port reused while its TIME_WAIT entry lives) renews the
    // entry in place: no new object, and the original direction keeps its slot.
    const replyKey = replyKeyOf(t);
    const v = this.byHash.get(origKey);
    if (v !== undefined && !Array.isArray(v) && v.origKey === origKey && sameTuple(v, orig) && v.replyKey !== origKey && replyKey !== origKey) {
      const oldReplyKey = v.replyKey;
      v.renew(t, replyKey, state, assured, replied, o.now + timeout, o.endpointPod);
      if (replyKey !== oldReplyKey) {
        this.take(oldReplyKey, v);
        this.put(v.replyKey, v);
      }
      return v;
    }
    const entry = new Entry(orig, t, state, assured, replied, 0, o.now + timeout, o.endpointPod);
    const old = this.find(orig, origKey);
    if (old) this.delete(old);
    else if (this.count >= CT_MAX) this.delete(this.oldest()!);
    return this.insert(entry);
  }

  private insert(entry: Entry): Entry {
    this.put(entry.origKey, entry);
    this.put(entry.replyKey, entry);
    this.count++;
    return entry;
  }

  /** Live entries in insertion order. */
  entries(now: number): CtEntry[] {
    const out: CtEntry[] = [];
    for (const [key, v] of this.byHash) {
      for (const e of Array.isArray(v) ? v : [v]) if (key === e.origKey && e.expiresAt > now) out.push(e);
    }
    return out;
  }

  /** Drops entries whose reply comes from `ip` (conntrack -D --reply-src, as kube-proxy does for UDP). */
  deleteByReplySource(ip: string): number {
    const gone = this.entries(-Infinity).filter((e) => e.translated.dst === ip);
    for (const e of gone) this.delete(e as Entry);
    return gone.length;
  }

  private find(p: Packet, key: number): Entry | undefined {
    const v = this.byHash.get(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return sameTuple(v, p) || isReplyOf(p, v.translated) ? v : undefined;
    return v.find((e) => sameTuple(e, p) || isReplyOf(p, e.translated));
  }

  private put(key: number, e: Entry): void {
    const v = this.byHash.get(key);
    if (v === undefined) this.byHash.set(key, e);
    else if (Array.isArray(v)) v.push(e);
    else if (v !== e) this.byHash.set(key, [v, e]);
  }

  private take(key: number, e: Entry): void {
    const v = this.byHash.get(key);
    if (v === e) this.byHash.delete(key);
    else if (Array.isArray(v)) {
      const rest = v.filter((x) => x !== e);
      if (rest.length === 0) this.byHash.delete(key);
      else this.byHash.set(key, rest.length === 1 ? rest[0]! : rest);
    }
  }

  private oldest(): Entry | undefined {
    const v = this.byHash.values().next().value;
    return Array.isArray(v) ? v[0] : v;
  }

  private delete(e: Entry): void {
    this.take(e.origKey!, e);
    this.take(e.replyKey!, e);
    this.count--;
  }
}

export { formatConntrackEntry, printConntrackList } from './conntrack-print';
