// Pod resolv.conf (k/k pkg/kubelet/network/dns/dns.go) and the stub resolver's search walk (glibc ndots rule).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../model/types';
import { lookup } from '../net/dns-lookup';
import { defaultScenario, svc } from '../test-helpers';
import { candidateNames, formatResolvConf, podResolvConf } from './resolv-conf';

const podIn = (ns: string, spec: Partial<Pod['spec']> = {}): Pod =>
  ({ metadata: { name: 'p', namespace: ns }, spec: { containers: [], ...spec }, status: { phase: 'Running', ready: true } }) as unknown as Pod;

describe('podResolvConf', () => {
  it('ClusterFirst: only the cluster DNS, the three cluster search domains, ndots:5', () => {
    const conf = podResolvConf(podIn('shop'), '10.96.0.10', 'cluster.local', '172.18.0.1');
    expect(formatResolvConf(conf)).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('Default copies the node resolver; a hostNetwork pod with ClusterFirst falls back to it', () => {
    expect(podResolvConf(podIn('default', { dnsPolicy: 'Default' }), '10.96.0.10', 'cluster.local', '172.18.0.1').nameservers).toEqual(['172.18.0.1']);
    expect(podResolvConf(podIn('default', { hostNetwork: true }), '10.96.0.10', 'cluster.local', '172.18.0.1').nameservers).toEqual(['172.18.0.1']);
    expect(podResolvConf(podIn('default', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }), '10.96.0.10', 'cluster.local', '172.18.0.1').nameservers).toEqual(['10.96.0.10']);
  });
});

describe('candidateNames (ndots)', () => {
  const conf = podResolvConf(podIn('default'), '10.96.0.10', 'cluster.local', '172.18.0.1');

  it('a short name tries each search suffix first, then as is', () => {
    expect(candidateNames('web', conf)).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
  });

  it('a name with 5 dots or more is tried as is first', () => {
    expect(candidateNames('a.b.c.d.e.f', conf)[0]).toBe('a.b.c.d.e.f');
  });

  it('a trailing dot means absolute: no search', () => {
    expect(candidateNames('example.com.', conf)).toEqual(['example.com']);
  });
});

describe('lookup (dns-lookup.ts)', () => {
  it('"web" resolves through the first search domain in one query', () => {
    const sim = defaultScenario();
    const client = sim.cluster.store.get('Pod', 'default', 'client')!;
    const r = lookup(sim.dnsContext(), podResolvConf(client, sim.dnsIP, 'cluster.local', '172.18.0.1'), 'web');
    expect(r.queries.map((q) => q.qname)).toEqual(['web.default.svc.cluster.local']);
    expect(r.addresses).toEqual([svc(sim, 'web').spec.clusterIP]);
  });

  it('"web.default" walks the search list until svc.cluster.local answers', () => {
    const sim = defaultScenario();
    const client = sim.cluster.store.get('Pod', 'default', 'client')!;
    const r = lookup(sim.dnsContext(), podResolvConf(client, sim.dnsIP, 'cluster.local', '172.18.0.1'), 'web.default');
    expect(r.queries.map((q) => [q.qname, q.response.rcode])).toEqual([
      ['web.default.default.svc.cluster.local', 'NXDOMAIN'],
      ['web.default.svc.cluster.local', 'NOERROR'],
    ]);
  });

  it('an unknown name tries every candidate and finds nothing', () => {
    const sim = defaultScenario();
    const client = sim.cluster.store.get('Pod', 'default', 'client')!;
    const r = lookup(sim.dnsContext(), podResolvConf(client, sim.dnsIP, 'cluster.local', '172.18.0.1'), 'nope');
    expect(r.queries).toHaveLength(4);
    expect(r.addresses).toEqual([]);
    expect(r.found).toBeUndefined();
  });
});

// pkg/kubelet/network/dns/dns.go GetPodDNS: the base from getPodDNSType, then appendDNSConfig
// (omitDuplicates, mergeDNSOptions), then formDNSConfigFitsLimits (3 nameservers, 32 search paths).
describe('podResolvConf with dnsConfig', () => {
  const conf = (spec: Partial<Pod['spec']>) => podResolvConf(podIn('shop', spec), '10.96.0.10', 'cluster.local', '172.18.0.1');

  it('None: only what dnsConfig gives, options in order; ndots from the options', () => {
    const c = conf({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['example.com'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } });
    expect(formatResolvConf(c)).toBe('search example.com\nnameserver 1.1.1.1\noptions ndots:2 edns0\n');
    expect(c.ndots).toBe(2);
  });

  it('ClusterFirst: dnsConfig appended without duplicates, an option named again takes the new value', () => {
    const c = conf({ dnsConfig: { nameservers: ['10.96.0.10', '8.8.8.8'], searches: ['cluster.local', 'corp.example'], options: [{ name: 'ndots', value: '3' }, { name: 'timeout', value: '2' }] } });
    expect(formatResolvConf(c)).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 8.8.8.8\noptions ndots:3 timeout:2\n');
  });

  it('Default: the node file plus dnsConfig', () => {
    expect(formatResolvConf(conf({ dnsPolicy: 'Default', dnsConfig: { searches: ['corp.example'] } }))).toBe('search corp.example\nnameserver 172.18.0.1\n');
  });

  it('keeps 3 nameservers and 32 search paths (formDNSConfigFitsLimits)', () => {
    const c = conf({ dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9'], searches: Array.from({ length: 40 }, (_, i) => `d${i}.example`) } });
    expect(c.nameservers).toEqual(['10.96.0.10', '1.1.1.1', '8.8.8.8']);
    expect(c.search).toHaveLength(32);
  });

  it('a pod whose resolver is not CoreDNS finds no Service names', () => {
    const sim = defaultScenario();
    const pod = podIn('default', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'] } });
    const c = podResolvConf(pod, sim.dnsIP, 'cluster.local', '172.18.0.1');
    expect(lookup(sim.dnsContextFor(c), c, 'web.default.svc.cluster.local').addresses).toEqual([]);
    const cluster = podResolvConf(podIn('default'), sim.dnsIP, 'cluster.local', '172.18.0.1');
    expect(lookup(sim.dnsContextFor(cluster), cluster, 'web').addresses).toHaveLength(1);
  });
});
