/** One tracked connection, its TCP states and their timeouts (nf_conntrack_proto_tcp.c). */
import { replyKeyOf, tupleKey } from './conntrack-key';
import type { Packet } from './packet';

export type CtState = 'SYN_SENT' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE';

export interface CtEntry {
  orig: Packet;
  /** The original tuple, kept on the entry itself (compared on every lookup). */
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
  readonly protocol: Packet['protocol'];
  /** The tuple replies carry: from the chosen backend to the (possibly masqueraded) client. */
  readonly reply: Packet;
  /** The connection's first packet as it left the node (after DNAT and SNAT). */
  translated: Packet;
  /** TCP state; UDP has none. */
  state?: CtState;
  assured: boolean;
  replied: boolean;
  mark: number;
  expiresAt: number;
  /** The pod behind the translated destination, for the simulator's own use. */
  endpointPod?: string;
  /** The table's keys for both directions (built once per entry). */
  origKey?: number;
  replyKey?: number;
}

/** Timeouts in seconds: kube-proxy sets tcp established to 24h (--conntrack-tcp-timeout-established). */
export const CT_TIMEOUTS = { ESTABLISHED: 86_400, TIME_WAIT: 120, SYN_SENT: 120, CLOSE: 10, UDP: 30, UDP_STREAM: 120 } as const;

/**
 * An entry keeps the translated packet it was given and derives the reply tuple on
 * demand: one object less per tracked flow (load experiments track hundreds of thousands).
 */
export class Entry implements CtEntry {
  origKey: number;
  replyKey: number;
  /** When the table first filed this tuple (its place in `conntrack -L`). */
  seq = 0;
  // The original tuple's fields, copied so a lookup compares them without a second object.
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
  readonly protocol: Packet['protocol'];
  constructor(
    public orig: Packet, public translated: Packet, public state: CtState | undefined, public assured: boolean,
    public replied: boolean, public mark: number, public expiresAt: number, public endpointPod: string | undefined,
  ) {
    this.origKey = tupleKey(orig);
    this.replyKey = replyKeyOf(translated);
    this.src = orig.src;
    this.sport = orig.sport;
    this.dst = orig.dst;
    this.dport = orig.dport;
    this.protocol = orig.protocol;
  }

  /** Becomes the entry of a new connection on the same original tuple (the old one is gone). */
  renew(translated: Packet, replyKey: number, state: CtState | undefined, assured: boolean, replied: boolean, expiresAt: number, endpointPod: string | undefined): void {
    this.translated = translated;
    this.state = state;
    this.assured = assured;
    this.replied = replied;
    this.mark = 0;
    this.expiresAt = expiresAt;
    this.endpointPod = endpointPod;
    this.replyKey = replyKey;
  }

  get reply(): Packet {
    const t = this.translated;
    return { protocol: t.protocol, src: t.dst, sport: t.dport, dst: t.src, dport: t.sport };
  }
}

/** A TCP flow moves on; each state restarts its timeout (nf_conntrack_proto_tcp.c). */
export function setCtState(e: CtEntry, state: CtState, now: number): void {
  e.state = state;
  e.expiresAt = now + CT_TIMEOUTS[state];
  if (state !== 'SYN_SENT') e.replied = true;
  if (state === 'ESTABLISHED' || state === 'TIME_WAIT') e.assured = true;
}

