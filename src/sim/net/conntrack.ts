/**
 * A node's connection-tracking table (one per kind node's network namespace): what
 * netfilter remembers of each connection's NAT, so later packets of a flow keep the
 * backend their first packet got, even after the endpoints change.
 * `conntrack -L` prints it (conntrack-print.ts). Departure: the kernel dumps its hash
 * table in bucket order; we list in insertion order (a renewed tuple keeps its place).
 */
import { CT_MAX, replyKeyOf, sameTuple, tupleKey } from './conntrack-key';
import { CT_TIMEOUTS, Entry, type CtEntry, type CtState } from './conntrack-entry';
import type { Packet } from './packet';
import { SlotTable } from './slot-table';

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
  /** Each entry under the hashes of both its directions' tuples. */
  private readonly slots = new SlotTable<Entry>();
  private count = 0;
  /** Insertion numbers: `conntrack -L` lists in this order (a renewed tuple keeps its place). */
  private nextSeq = 0;
  /**
   * The last lookup's packet and what it found. The data plane looks a packet up, and
   * records it when it is new: record() then reuses that probe instead of walking the
   * slots again. Any change to the table forgets it.
   */
  private probed: Packet | undefined;
  private probeFound: Entry | undefined;

  /** The live entry whose original or reply direction is this tuple (nf_conntrack_find_get). */
  lookup(p: Packet, now: number): CtEntry | undefined {
    const e = this.find(p, tupleKey(p));
    this.probed = p;
    this.probeFound = e;
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
    const replyKey = replyKeyOf(t);
    const old = orig === this.probed ? this.probeFound : this.find(orig, origKey);
    this.probed = undefined;
    if (old && old.origKey === origKey && sameTuple(old, orig)) {
      // The common replacement (a port reused while its TIME_WAIT entry lives) renews the
      // entry in place: no new object, and it keeps its place in the listing.
      if (replyKey !== old.replyKey) {
        this.slots.remove(old.replyKey, old);
        this.slots.add(replyKey, old);
      }
      old.renew(t, replyKey, state, assured, replied, o.now + timeout, o.endpointPod);
      return old;
    }
    if (old) this.delete(old);
    else if (this.count >= CT_MAX) this.delete(this.oldest()!);
    const entry = new Entry(orig, t, state, assured, replied, 0, o.now + timeout, o.endpointPod);
    entry.seq = this.nextSeq++;
    this.slots.add(entry.origKey, entry);
    this.slots.add(entry.replyKey, entry);
    this.count++;
    return entry;
  }

  /** Live entries in insertion order. */
  entries(now: number): CtEntry[] {
    const out = new Set<Entry>();
    for (const [key, e] of this.slots.slots()) if (key === e.origKey && e.expiresAt > now) out.add(e);
    return [...out].sort((a, b) => a.seq - b.seq);
  }

  /** Drops entries whose reply comes from `ip` (conntrack -D --reply-src, as kube-proxy does for UDP). */
  deleteByReplySource(ip: string): number {
    const gone = this.entries(-Infinity).filter((e) => (e as Entry).tDst === ip);
    for (const e of gone) this.delete(e as Entry);
    return gone.length;
  }

  /** The entry filed under `key` whose original or reply tuple `p` is. */
  private find(p: Packet, key: number): Entry | undefined {
    for (let slot = this.slots.first(key); slot >= 0; slot = this.slots.next(key, slot)) {
      const e = this.slots.at(slot);
      if (sameTuple(e, p) || e.isReply(p)) return e;
    }
    return undefined;
  }

  private oldest(): Entry | undefined {
    let oldest: Entry | undefined;
    for (const [, e] of this.slots.slots()) if (!oldest || e.seq < oldest.seq) oldest = e;
    return oldest;
  }

  private delete(e: Entry): void {
    this.probed = undefined;
    this.slots.remove(e.origKey, e);
    this.slots.remove(e.replyKey, e);
    this.count--;
  }
}

export { formatConntrackEntry, printConntrackList } from './conntrack-print';
