// Selection behaviour of the kernel schedulers (net/netfilter/ipvs/ip_vs_*.c).
import { describe, expect, it } from 'vitest';
import type { IpvsRealServer, IpvsVirtualServer } from './model';
import { createPersistenceTable, pickRealServer } from './persistence';
import {
  createSchedulerState, scheduleDh, scheduleLc, scheduleNq, scheduleRr, scheduleSed, scheduleSh, scheduleWlc, scheduleWrr, shBuckets,
} from './schedulers';

const rs = (ip: string, weight = 1, activeConns = 0, inactConns = 0): IpvsRealServer => ({ ip, port: 80, weight, forward: 'Masq', activeConns, inactConns });
const seq = (pick: () => IpvsRealServer | undefined, n: number) => Array.from({ length: n }, () => pick()?.ip);

describe('rr / wrr', () => {
  it('rr cycles in list order and skips weight 0', () => {
    const servers = [rs('A'), rs('B', 0), rs('C')];
    const st = createSchedulerState();
    expect(seq(() => scheduleRr(servers, st), 5)).toEqual(['A', 'C', 'A', 'C', 'A']);
  });
  it('wrr interleaves by weight: 4,3,2 gives A A B A B C A B C', () => {
    const servers = [rs('A', 4), rs('B', 3), rs('C', 2)];
    const st = createSchedulerState();
    expect(seq(() => scheduleWrr(servers, st), 9).join('')).toBe('AABABCABC');
  });
  it('wrr with equal weights is round robin', () => {
    const st = createSchedulerState();
    expect(seq(() => scheduleWrr([rs('A'), rs('B')], st), 4).join('')).toBe('ABAB');
  });
});

describe('connection-count schedulers', () => {
  it('lc: fewest active (x256) + inactive', () => {
    expect(scheduleLc([rs('A', 1, 1, 0), rs('B', 1, 0, 200), rs('C', 1, 0, 300)])?.ip).toBe('B');
  });
  it('wlc: overhead per weight', () => {
    expect(scheduleWlc([rs('A', 1, 2), rs('B', 3, 4)])?.ip).toBe('B');
  });
  it('sed: (active + 1) / weight, even against an idle server', () => {
    expect(scheduleSed([rs('A', 1, 0), rs('B', 10, 1)])?.ip).toBe('B');
  });
  it('nq: an idle server first', () => {
    expect(scheduleNq([rs('A', 10, 1), rs('B', 1, 0)])?.ip).toBe('B');
  });
});

describe('hashing schedulers', () => {
  it('sh deals 256 buckets by weight and maps a source consistently', () => {
    const servers = [rs('A', 2), rs('B', 1)];
    expect(shBuckets(servers).slice(0, 6).map((s) => s?.ip)).toEqual(['A', 'A', 'B', 'A', 'A', 'B']);
    const first = scheduleSh(servers, '10.244.1.5');
    expect(seq(() => scheduleSh(servers, '10.244.1.5'), 3)).toEqual([first?.ip, first?.ip, first?.ip]);
  });
  it('dh maps a destination consistently', () => {
    const servers = [rs('A'), rs('B'), rs('C')];
    const d = scheduleDh(servers, '10.96.0.9')?.ip;
    expect(scheduleDh(servers, '10.96.0.9')?.ip).toBe(d);
  });
});

describe('persistence (ClientIP affinity)', () => {
  it('keeps a client on one real server until the timeout passes', () => {
    const vs: IpvsVirtualServer = { protocol: 'TCP', ip: '10.96.0.5', port: 80, scheduler: 'rr', persistentTimeout: 10,
      realServers: [rs('A'), rs('B'), rs('C')], servicePort: 'x', kind: 'clusterIP' };
    const ctx = { persistence: createPersistenceTable(), states: new Map(), now: 0 };
    const at = (now: number, src = '10.244.1.5') => pickRealServer(vs, src, { ...ctx, now })?.ip;
    expect(at(0)).toBe('A');
    expect(at(5)).toBe('A');
    expect(at(5, '10.244.1.6')).toBe('B');
    expect(at(14)).toBe('A');
    expect(at(30)).toBe('C');
  });
});
