/**
 * The IPVS connection table of one node, reduced to what ipvsadm and the schedulers
 * read: per real server, how many connections are active (TCP, until the kernel's
 * 900 s tcp timeout) or inactive (UDP, 300 s). Each protocol's timeout is fixed and the
 * clock only moves forward, so a FIFO per protocol expires entries in O(1) each.
 * Mirrors ip_vs_conn.c's counters (dest->activeconns / inactconns).
 */
import type { IpvsVirtualServer } from '../proxy/ipvs/model';

export const IPVS_TIMEOUTS = { TCP: 900, UDP: 300 } as const;

interface Conn { key: string; tcp: boolean; expiresAt: number }

export class IpvsConnections {
  private readonly counts = new Map<string, { active: number; inactive: number }>();
  private readonly queues: Record<'TCP' | 'UDP', { items: Conn[]; head: number }> = { TCP: { items: [], head: 0 }, UDP: { items: [], head: 0 } };

  static key(vs: IpvsVirtualServer, rsIP: string, rsPort: number): string {
    return `${vs.protocol}|${vs.ip}:${vs.port}|${rsIP}:${rsPort}`;
  }

  add(key: string, protocol: 'TCP' | 'UDP', now: number): void {
    const tcp = protocol === 'TCP';
    this.queues[protocol].items.push({ key, tcp, expiresAt: now + IPVS_TIMEOUTS[protocol] });
    const c = this.counts.get(key) ?? { active: 0, inactive: 0 };
    if (tcp) c.active++;
    else c.inactive++;
    this.counts.set(key, c);
  }

  expire(now: number): void {
    for (const q of Object.values(this.queues)) {
      while (q.head < q.items.length && q.items[q.head]!.expiresAt <= now) {
        const conn = q.items[q.head++]!;
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
