/**
 * A TCP connection's life in the nodes' conntrack tables, as a real curl leaves it:
 * the SYN creates the entry (the data plane records it with its NAT binding), the
 * server's SYN-ACK makes it ESTABLISHED and ASSURED, and once curl has its answer it
 * closes first (FIN from the client, FIN back, last ACK), which leaves TIME_WAIT for
 * 120 s (nf_conntrack_tcp_timeout_time_wait). A reset from the server leaves CLOSE
 * (10 s); a SYN nobody answers stays SYN_SENT [UNREPLIED]. Nodes that only forward the
 * flow (the backend's node, for a cross-node connection) track it too, without NAT.
 * Keep-alive clients keep their connection: the registry remembers it per client and
 * destination, so the next request reuses the tuple and conntrack's binding.
 */
import { setCtState, type CtEntry, type CtState } from './conntrack';
import type { DataPlane, Packet } from './packet';

export class Flow {
  private readonly tracked: CtEntry[] = [];

  constructor(private readonly plane: DataPlane, readonly now: number) {}

  /** Follows the entry the data plane recorded (or found) for this connection. */
  attach(entry: CtEntry | undefined): CtEntry | undefined {
    if (entry) this.tracked.push(entry);
    return entry;
  }

  /** A node that routes the (already translated) packet on records it with no NAT. */
  forwardedThrough(node: string, packet: Packet): void {
    const table = this.plane.conntrackTable?.(node);
    if (table) this.tracked.push(table.record(packet, { translated: packet, now: this.now, state: 'SYN_SENT', replied: false }));
  }

  set(state: CtState): void {
    for (const e of this.tracked) setCtState(e, state, this.now);
  }

  /** Nobody answered the SYN: the entries stay unreplied. */
  unreplied(): void {
    for (const e of this.tracked) {
      setCtState(e, 'SYN_SENT', this.now);
      e.replied = false;
      e.assured = false;
    }
  }
}

const KEPT = new WeakMap<DataPlane, Map<string, { syn: Packet; node: string }>>();

function keptOf(plane: DataPlane): Map<string, { syn: Packet; node: string }> {
  let m = KEPT.get(plane);
  if (!m) KEPT.set(plane, (m = new Map()));
  return m;
}

/** The client's open connection to host:port, if it is still established. */
export function keptConnection(plane: DataPlane, clientIP: string, host: string, port: number, now: number): { syn: Packet; node: string } | undefined {
  const key = `${clientIP}|${host}:${port}`;
  const kept = keptOf(plane).get(key);
  if (!kept) return undefined;
  const e = plane.conntrackTable?.(kept.node)?.lookup(kept.syn, now);
  if (e?.state === 'ESTABLISHED') return kept;
  keptOf(plane).delete(key);
  return undefined;
}

export function keepConnection(plane: DataPlane, clientIP: string, host: string, port: number, syn: Packet, node: string): void {
  keptOf(plane).set(`${clientIP}|${host}:${port}`, { syn, node });
}
