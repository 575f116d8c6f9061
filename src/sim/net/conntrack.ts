/**
 * A node's connection-tracking table (one per kind node's network namespace): what
 * netfilter remembers of each connection's NAT, so later packets of a flow keep the
 * backend their first packet got, even after the endpoints change.
 * Printing follows `conntrack -L` of conntrack-tools 1.4.7 (Debian bookworm), i.e.
 * libnetfilter_conntrack's default snprintf: "%-8s %u " protocol and number, the
 * remaining timeout, the TCP state, the original tuple, "[UNREPLIED]" before an unseen
 * reply tuple, "[ASSURED]", "mark=", "use=". The summary line goes to stderr.
 * Departure: the kernel dumps its hash table in bucket order; we list in insertion order.
 */
import { CT_MAX, tupleKey } from './conntrack-key';
import type { Packet } from './packet';

export { CT_MAX } from './conntrack-key';

export type CtState = 'SYN_SENT' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE';

export interface CtEntry {
  orig: Packet;
  /** The tuple replies carry: from the chosen backend to the (possibly masqueraded) client. */
  reply: Packet;
  /** TCP state; UDP has none. */
  state?: CtState;
  assured: boolean;
  replied: boolean;
  mark: number;
  expiresAt: number;
  /** The pod behind the translated destination, for the simulator's own use. */
  endpointPod?: string;
  /** The table's keys for both directions (built once per entry). */
  origKey?: string | number;
  replyKey?: string | number;
}

/** Timeouts in seconds: kube-proxy sets tcp established to 24h (--conntrack-tcp-timeout-established). */
export const CT_TIMEOUTS = { ESTABLISHED: 86_400, TIME_WAIT: 120, SYN_SENT: 120, CLOSE: 10, UDP: 30, UDP_STREAM: 120 } as const;

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
  private readonly byOrig = new Map<string | number, CtEntry>();
  private readonly byReply = new Map<string | number, CtEntry>();
  // A plane looks a packet up and then records it: the key is built once for both.
  private lastPacket?: Packet;
  private lastKey: string | number = '';

  private keyOf(p: Packet): string | number {
    if (p !== this.lastPacket) {
      this.lastPacket = p;
      this.lastKey = tupleKey(p);
    }
    return this.lastKey;
  }

  /** The live entry whose original or reply direction is this tuple (nf_conntrack_find_get). */
  lookup(p: Packet, now: number): CtEntry | undefined {
    const key = this.keyOf(p);
    const e = this.byOrig.get(key) ?? this.byReply.get(key);
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
    const reply: Packet = { protocol: orig.protocol, src: t.dst, sport: t.dport, dst: t.src, dport: t.sport };
    const origKey = this.keyOf(orig);
    const replyKey = tupleKey(reply);
    // One object shape for every entry (no optional spreads): cheaper to make and to read.
    const entry: CtEntry = { orig, reply, state, assured, replied, mark: 0, expiresAt: o.now + timeout, endpointPod: o.endpointPod, origKey, replyKey };
    // A new flow on a tuple still tracked (a reused port after TIME_WAIT) takes its slot.
    const old = this.byOrig.get(origKey);
    if (old) {
      if (old.replyKey !== replyKey) this.byReply.delete(old.replyKey!);
    } else if (this.byOrig.size >= CT_MAX) this.delete(this.byOrig.values().next().value!);
    this.byOrig.set(origKey, entry);
    this.byReply.set(replyKey, entry);
    return entry;
  }

  /** A TCP flow moves on (SYN_SENT → ESTABLISHED → TIME_WAIT); each state restarts its timeout. */
  setState(e: CtEntry, state: CtState, now: number): void {
    setCtState(e, state, now);
  }

  /** Live entries in insertion order. */
  entries(now: number): CtEntry[] {
    return [...this.byOrig.values()].filter((e) => e.expiresAt > now);
  }

  /** Drops entries whose reply comes from `ip` (conntrack -D --reply-src, as kube-proxy does for UDP). */
  deleteByReplySource(ip: string): number {
    const gone = [...this.byOrig.values()].filter((e) => e.reply.src === ip);
    for (const e of gone) this.delete(e);
    return gone.length;
  }

  private delete(e: CtEntry): void {
    this.byOrig.delete(e.origKey ?? tupleKey(e.orig));
    this.byReply.delete(e.replyKey ?? tupleKey(e.reply));
  }
}

/** A TCP flow moves on; each state restarts its timeout (nf_conntrack_proto_tcp.c). */
export function setCtState(e: CtEntry, state: CtState, now: number): void {
  e.state = state;
  e.expiresAt = now + CT_TIMEOUTS[state];
  if (state !== 'SYN_SENT') e.replied = true;
  if (state === 'ESTABLISHED' || state === 'TIME_WAIT') e.assured = true;
}

const tuple = (p: Packet): string => `src=${p.src} dst=${p.dst} sport=${p.sport} dport=${p.dport}`;

/** One `conntrack -L` line. */
export function formatConntrackEntry(e: CtEntry, now: number): string {
  const proto = e.orig.protocol === 'TCP' ? 'tcp' : 'udp';
  const num = e.orig.protocol === 'TCP' ? 6 : 17;
  const timeout = Math.max(0, Math.floor(e.expiresAt - now));
  const parts = [`${proto.padEnd(8)} ${num} ${timeout}`];
  if (e.state) parts.push(e.state);
  parts.push(tuple(e.orig));
  if (!e.replied) parts.push('[UNREPLIED]');
  parts.push(tuple(e.reply));
  if (e.assured) parts.push('[ASSURED]');
  parts.push(`mark=${e.mark}`, 'use=1');
  return parts.join(' ');
}

/** `conntrack -L`: the table on stdout, the count on stderr. */
export function printConntrackList(table: ConntrackTable, now: number): { stdout: string; stderr: string } {
  const lines = table.entries(now).map((e) => formatConntrackEntry(e, now));
  return {
    stdout: lines.map((l) => `${l}\n`).join(''),
    stderr: `conntrack v1.4.7 (conntrack-tools): ${lines.length} flow entries have been shown.\n`,
  };
}
