/**
 * The IPVS connection table of one node, reduced to what ipvsadm and the schedulers
 * read: per real server, how many connections are active (TCP, until the kernel's
 * 900 s tcp timeout) or inactive (UDP, 300 s). Each protocol's timeout is fixed and the
 * clock only moves forward, so a FIFO per protocol expires entries in O(1) each.
 * Mirrors ip_vs_conn.c's counters (dest->activeconns / inactconns).
 */
import type { IpvsVirtualServer } from '../proxy/ipvs/model';

export const IPVS_TIMEOUTS = { TCP: 900, UDP: 300, TIME_WAIT: 120 } as const;

interface Conn { key: string; tcp: boolean; expiresAt: number; closed?: boolean }

export class IpvsConnections {
  private readonly counts = new Map<string, { active: number; inactive: number }>();
  private readonly queues: Record<'TCP' | 'UDP' | 'TIME_WAIT', { items: Conn[]; head: number }> = { TCP: { items: [], head: 0 }, UDP: { items: [], head: 0 }, TIME_WAIT: { items: [], head: 0 } };
  /** Open TCP connections by the client's tuple, so a close can find its connection. */
  private readonly open = new Map<string, Conn>();

  static key(vs: IpvsVirtualServer, rsIP: string, rsPort: number): string {
    return `${vs.protocol}|${vs.ip}:${vs.port}|${rsIP}:${rsPort}`;
  }

  add(key: string, protocol: 'TCP' | 'UDP', now: number, tuple?: string): void {
    const tcp = protocol === 'TCP';
    const conn: Conn = { key, tcp, expiresAt: now + IPVS_TIMEOUTS[protocol] };
    this.queues[protocol].items.push(conn);
    if (tcp && tuple) this.open.set(tuple, conn);
    const c = this.counts.get(key) ?? { active: 0, inactive: 0 };
    if (tcp) c.active++;
    else c.inactive++;
    this.counts.set(key, c);
  }

  /**
   * The client closed the connection: IPVS moves it through FIN_WAIT to TIME_WAIT, which
   * ipvsadm counts as inactive, for 120 s (ip_vs_proto_tcp.c tcp_timeouts).
   */
  close(tuple: string, now: number): void {
    const conn = this.open.get(tuple);
    if (!conn || conn.closed) return;
    this.open.delete(tuple);
    conn.closed = true;
    const c = this.counts.get(conn.key)!;
    c.active--;
    c.inactive++;
    this.queues.TIME_WAIT.items.push({ key: conn.key, tcp: false, expiresAt: now + IPVS_TIMEOUTS.TIME_WAIT });
  }

  expire(now: number): void {
    for (const q of Object.values(this.queues)) {
      while (q.head < q.items.length && q.items[q.head]!.expiresAt <= now) {
        const conn = q.items[q.head++]!;
        if (conn.closed) continue;
        const c = this.counts.get(conn.key)!;
        if (conn.tcp) c.active--;
        else c.inactive--;
      }
      if (q.head > 1024 && q.head * 2 > q.items.length) {
        q.items.splice(0, q.head);
        q.head = 0;
      }
    }
  }

  /** Writes the live counts into a virtual server's real servers. */
  apply(vs: IpvsVirtualServer): void {
    for (const rs of vs.realServers) {
      const c = this.counts.get(IpvsConnections.key(vs, rs.ip, rs.port));
      rs.activeConns = c?.active ?? 0;
      rs.inactConns = c?.inactive ?? 0;
    }
  }
}
