/**
 * IPVS persistence (ipvsadm -p, kube-proxy's ClientIP affinity): a connection template
 * per (virtual server, client IP) sends the client's new connections to the same real
 * server while the template lives. Imitates ip_vs_sched_persist in ip_vs_core.c.
 * Simplification: the template expires `timeout` seconds after the client's last new
 * connection (the kernel counts from when its last controlled connection expires).
 */
import type { IpvsRealServer, IpvsVirtualServer } from './model';
import { schedule, type SchedulerState } from './schedulers';

export type PersistenceTable = Map<string, { ip: string; port: number; expires: number }>;

export const createPersistenceTable = (): PersistenceTable => new Map();

const vsKey = (vs: IpvsVirtualServer): string => `${vs.protocol}|${vs.ip}:${vs.port}`;

export interface IpvsPickContext {
  persistence: PersistenceTable;
  /** Scheduler state per virtual server, keyed like the persistence table. */
  states: Map<string, SchedulerState>;
  now: number;
}

/** The real server a new connection from `src` gets, honouring persistence. */
export function pickRealServer(vs: IpvsVirtualServer, src: string, ctx: IpvsPickContext): IpvsRealServer | undefined {
  const key = `${vsKey(vs)}|${src}`;
  if (vs.persistentTimeout !== undefined) {
    const t = ctx.persistence.get(key);
    if (t && t.expires > ctx.now) {
      const rs = vs.realServers.find((r) => r.ip === t.ip && r.port === t.port && r.weight > 0);
      if (rs) {
        t.expires = ctx.now + vs.persistentTimeout;
        return rs;
      }
    }
  }
  let st = ctx.states.get(vsKey(vs));
  if (!st) ctx.states.set(vsKey(vs), (st = { last: -1 }));
  const rs = schedule(vs.scheduler, vs.realServers, st, { src, dst: vs.ip });
  if (rs && vs.persistentTimeout !== undefined) {
    ctx.persistence.set(key, { ip: rs.ip, port: rs.port, expires: ctx.now + vs.persistentTimeout });
  }
  return rs;
}
