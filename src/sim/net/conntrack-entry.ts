/** One tracked connection, its TCP states and their timeouts (nf_conntrack_proto_tcp.c). */
import { replyKeyOf, tupleKey } from './conntrack-key';
import type { Packet } from './packet';

export type CtState = 'SYN_SENT' | 'ESTABLISHED' | 'TIME_WAIT' | 'CLOSE';

export interface CtEntry {
  /** The original tuple (the connection's first packet as the client sent it). */
  readonly orig: Packet;
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
  readonly protocol: Packet['protocol'];
  /** The tuple replies carry: from the chosen backend to the (possibly masqueraded) client. */
  readonly reply: Packet;
  /** The connection's first packet as it left the node (after DNAT and SNAT). */
  readonly translated: Packet;
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
 * An entry holds both tuples as plain fields and builds packets from them on demand:
 * load experiments track tens of thousands of flows per node, and renewing a flow then
 * writes numbers and existing strings only (no new objects hung on a long-lived entry).
 */
export class Entry implements CtEntry {
  origKey: number;
  replyKey: number;
  /** When the table first filed this tuple (its place in `conntrack -L`). */
  seq = 0;
  readonly src: string;
  readonly sport: number;
  readonly dst: string;
  readonly dport: number;
  readonly protocol: Packet['protocol'];
  /** The translated tuple. */
  tSrc: string;
  tSport: number;
  tDst: string;
  tDport: number;

  constructor(
    orig: Packet, translated: Packet, public state: CtState | undefined, public assured: boolean,
    public replied: boolean, public mark: number, public expiresAt: number, public endpointPod: string | undefined,
  ) {
    this.src = orig.src;
    this.sport = orig.sport;
    this.dst = orig.dst;
    this.dport = orig.dport;
    this.protocol = orig.protocol;
    this.tSrc = translated.src;
    this.tSport = translated.sport;
    this.tDst = translated.dst;
    this.tDport = translated.dport;
    this.origKey = tupleKey(orig);
    this.replyKey = replyKeyOf(translated);
  }

  /** Becomes the entry of a new connection on the same original tuple (the old one is gone). */
  renew(translated: Packet, replyKey: number, state: CtState | undefined, assured: boolean, replied: boolean, expiresAt: number, endpointPod: string | undefined): void {
    this.tSrc = translated.src;
    this.tSport = translated.sport;
    this.tDst = translated.dst;
    this.tDport = translated.dport;
    this.state = state;
    this.assured = assured;
    this.replied = replied;
    this.mark = 0;
    this.expiresAt = expiresAt;
    this.endpointPod = endpointPod;
    this.replyKey = replyKey;
  }

  get orig(): Packet {
    return { protocol: this.protocol, src: this.src, sport: this.sport, dst: this.dst, dport: this.dport };
  }

  get translated(): Packet {
    return { protocol: this.protocol, src: this.tSrc, sport: this.tSport, dst: this.tDst, dport: this.tDport };
  }

  get reply(): Packet {
    return { protocol: this.protocol, src: this.tDst, sport: this.tDport, dst: this.tSrc, dport: this.tSport };
  }

  /** Whether `p` travels this connection's reply direction. */
  isReply(p: Packet): boolean {
    return p.sport === this.tDport && p.dport === this.tSport && p.src === this.tDst && p.dst === this.tSrc && p.protocol === this.protocol;
  }
}

/** A TCP flow moves on; each state restarts its timeout (nf_conntrack_proto_tcp.c). */
export function setCtState(e: CtEntry, state: CtState, now: number): void {
  e.state = state;
  e.expiresAt = now + CT_TIMEOUTS[state];
  if (state !== 'SYN_SENT') e.replied = true;
  if (state === 'ESTABLISHED' || state === 'TIME_WAIT') e.assured = true;
}

