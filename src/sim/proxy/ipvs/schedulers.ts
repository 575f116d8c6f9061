/**
 * IPVS schedulers as selection functions over a virtual server's real servers, in the
 * kernel's list order, imitating net/netfilter/ipvs/ip_vs_{rr,wrr,lc,wlc,sed,nq,sh,dh}.c.
 * Servers with weight 0 are skipped (quiesced), as the kernel does; none is "overloaded".
 * Departure: lblc, lblcr and mh are not modelled and fall back to rr.
 */
import { parseIPv4 } from '../../net/ip';
import type { IpvsRealServer, IpvsScheduler } from './model';

/** Per-virtual-server scheduler memory: rr/wrr position and wrr's current weight. */
export interface SchedulerState {
  /** Index of the last chosen server; -1 is the list head. */
  last: number;
  /** wrr current weight; undefined until first use (the kernel starts at mw). */
  cw?: number;
}

export const createSchedulerState = (): SchedulerState => ({ last: -1 });

const usable = (s: IpvsRealServer): boolean => s.weight > 0;

/** ip_vs_rr: the next usable server after the last one, wrapping once. */
export function scheduleRr(servers: readonly IpvsRealServer[], st: SchedulerState): IpvsRealServer | undefined {
  const n = servers.length;
  for (let k = 1; k <= n; k++) {
    const i = (((st.last + k) % n) + n) % n;
    if (usable(servers[i]!)) return servers[(st.last = i)];
  }
  return undefined;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** ip_vs_wrr: interleaved weighted round robin (4,3,2 gives A A B A B C A B C). */
export function scheduleWrr(servers: readonly IpvsRealServer[], st: SchedulerState): IpvsRealServer | undefined {
  const weights = servers.map((s) => s.weight).filter((w) => w > 0);
  if (weights.length === 0) return undefined;
  const di = weights.reduce(gcd);
  const mw = Math.max(...weights) - (di - 1);
  let cw = st.cw ?? mw;
  let cl = st.last;
  for (let guard = 0; guard < servers.length * (mw / di + 2); guard++) {
    if (cl + 1 < servers.length) {
      cl++;
      if (servers[cl]!.weight >= cw) {
        Object.assign(st, { last: cl, cw });
        return servers[cl];
      }
    } else {
      cl = -1;
      cw -= di;
      if (cw <= 0) cw = mw;
    }
  }
  return undefined;
}

/** ip_vs_dest_conn_overhead: active connections weigh 256 inactive ones. */
const connOverhead = (s: IpvsRealServer): number => s.activeConns * 256 + s.inactConns;

/** ip_vs_lc: least overhead, first one on ties. */
export function scheduleLc(servers: readonly IpvsRealServer[]): IpvsRealServer | undefined {
  let least: IpvsRealServer | undefined;
  for (const s of servers) if (usable(s) && (!least || connOverhead(s) < connOverhead(least))) least = s;
  return least;
}

/** wlc/sed: least overhead per weight, compared by cross-multiplying as the kernel does. */
function leastWeighted(servers: readonly IpvsRealServer[], overhead: (s: IpvsRealServer) => number, idleWins: boolean): IpvsRealServer | undefined {
  let least: IpvsRealServer | undefined;
  for (const s of servers) {
    if (!usable(s)) continue;
    if (idleWins && s.activeConns === 0) return s;
    if (!least || overhead(least) * s.weight > overhead(s) * least.weight) least = s;
  }
  return least;
}

export const scheduleWlc = (servers: readonly IpvsRealServer[]) => leastWeighted(servers, connOverhead, false);
/** ip_vs_sed: shortest expected delay, (active + 1) / weight. */
export const scheduleSed = (servers: readonly IpvsRealServer[]) => leastWeighted(servers, (s) => s.activeConns + 1, false);
/** ip_vs_nq: an idle server if any, else like sed. */
export const scheduleNq = (servers: readonly IpvsRealServer[]) => leastWeighted(servers, (s) => s.activeConns + 1, true);

const TAB_BITS = 8;
const TAB_SIZE = 1 << TAB_BITS;
/** include/linux/hash.h hash_32 with GOLDEN_RATIO_32. */
const hash32 = (v: number): number => Math.imul(v >>> 0, 0x61c88647) >>> (32 - TAB_BITS);

/** ip_vs_sh_reassign: 256 buckets dealt round-robin, each server taking `weight` in a row. */
export function shBuckets(servers: readonly IpvsRealServer[]): (IpvsRealServer | undefined)[] {
  const buckets: (IpvsRealServer | undefined)[] = [];
  let p = 0;
  let count = 0;
  for (let i = 0; i < TAB_SIZE; i++) {
    if (servers.length === 0) { buckets.push(undefined); continue; }
    const s = servers[p % servers.length]!;
    buckets.push(s);
    if (++count >= s.weight) { p++; count = 0; }
  }
  return buckets;
}

/** ip_vs_sh: source hashing (port not hashed, no fallback: an unusable bucket gives none). */
export function scheduleSh(servers: readonly IpvsRealServer[], srcIP: string): IpvsRealServer | undefined {
  const s = shBuckets(servers)[hash32(parseIPv4(srcIP) ?? 0)];
  return s && usable(s) ? s : undefined;
}

/** ip_vs_dh: destination hashing over buckets dealt one per server. */
export function scheduleDh(servers: readonly IpvsRealServer[], dstIP: string): IpvsRealServer | undefined {
  if (servers.length === 0) return undefined;
  const s = servers[hash32(parseIPv4(dstIP) ?? 0) % servers.length];
  return s && usable(s) ? s : undefined;
}

/** Picks a real server for a new connection from `src` to `dst`. */
export function schedule(sched: IpvsScheduler, servers: readonly IpvsRealServer[], st: SchedulerState, conn: { src: string; dst: string }): IpvsRealServer | undefined {
  switch (sched) {
    case 'wrr': return scheduleWrr(servers, st);
    case 'lc': return scheduleLc(servers);
    case 'wlc': return scheduleWlc(servers);
    case 'sed': return scheduleSed(servers);
    case 'nq': return scheduleNq(servers);
    case 'sh': return scheduleSh(servers, conn.src);
    case 'dh': return scheduleDh(servers, conn.dst);
    default: return scheduleRr(servers, st);
  }
}
