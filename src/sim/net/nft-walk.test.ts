// Packet flows in the spirit of k/k pkg/proxy/nftables/proxier_test.go runPacketFlowTests
// (TestOverallNFTablesRules services, TestClusterIPGeneral's "packet to unallocated cluster ip"
// DROP and "svc1 does not accept svc2's ports" REJECT, TestNoEndpointsReject), run against
// tables rendered by renderNftables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexTable } from '../proxy/nftables/model';
import { overallCtx, overallServicePorts } from '../proxy/overall-fixture';
import { renderNftables } from '../proxy/nftables/render';
import { ep, svcPort } from '../proxy/test-fixtures';
import type { ProxyServicePort } from '../proxy/service-port';
import { createRng } from '../rng';
import { walkNftables, type NftWalkContext } from './nft-walk';
import type { Packet } from './packet';

const NODE_IP = '192.168.0.2';
function ctxFor(ports: ProxyServicePort[], random: () => number, extra: Partial<NftWalkContext> = {}): NftWalkContext {
  return { index: indexTable(renderNftables(ports, overallCtx)), localAddresses: [NODE_IP], random, dynamic: new Map(), now: 0, masqueradeAddress: NODE_IP, ...extra };
}
const pkt = (src: string, dst: string, dport: number, protocol: 'TCP' | 'UDP' = 'TCP'): Packet => ({ protocol, src, sport: 40000, dst, dport });
const walk = (p: Packet, ports = overallServicePorts(), hook: 'PREROUTING' | 'OUTPUT' = 'PREROUTING') => walkNftables(p, hook, ctxFor(ports, () => 0));

describe('walkNftables on TestOverallNFTablesRules', () => {
  it('pod to cluster IP: DNAT to the endpoint, no masquerade, rules as nft prints them', () => {
    const r = walk(pkt('10.0.0.2', '172.30.0.41', 80));
    expect(r.verdict).toBe('ACCEPT');
    expect(`${r.packet.dst}:${r.packet.dport}`).toBe('10.180.0.1:80');
    expect(r.markedForMasquerade).toBe(false);
    expect(r.trace.map((t) => t.line)).toEqual([
      'ct state new jump firewall-check',
      'jump services',
      'ip daddr . meta l4proto . th dport vmap @service-ips',
      '172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80',
      'numgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }',
      'meta l4proto tcp dnat to 10.180.0.1:80',
      'ct state new jump service-endpoints-check',
      'ct state new jump cluster-ips-check',
      'jump masquerading',
      'meta mark & 0x00004000 == 0x00000000 return',
    ]);
  });
  it('hairpin and off-cluster sources are masqueraded', () => {
    expect(walk(pkt('10.180.0.1', '172.30.0.41', 80)).markedForMasquerade).toBe(true);
    const ext = walk(pkt('203.0.113.2', '172.30.0.41', 80));
    expect(ext.markedForMasquerade).toBe(true);
    expect(ext.snat).toBe(NODE_IP);
  });
  it('no endpoints: REJECT; undeclared port: REJECT; unallocated ClusterIP: DROP', () => {
    expect(walk(pkt('10.0.0.2', '172.30.0.46', 80)).verdict).toBe('REJECT');
    expect(walk(pkt('10.0.0.2', '172.30.0.41', 443)).verdict).toBe('REJECT');
    expect(walk(pkt('10.0.0.2', '172.30.0.41', 80, 'UDP')).verdict).toBe('REJECT');
    expect(walk(pkt('10.0.0.2', '172.30.0.50', 80)).verdict).toBe('DROP');
  });
  it('NodePort: Cluster policy masquerades; Local policy without local endpoints drops external traffic', () => {
    const np = walk(pkt('203.0.113.2', NODE_IP, 3003));
    expect([np.verdict, `${np.packet.dst}:${np.packet.dport}`, np.markedForMasquerade]).toEqual(['ACCEPT', '10.180.0.3:80', true]);
    expect(walk(pkt('203.0.113.2', NODE_IP, 3001)).verdict).toBe('DROP');
    // "short-circuit pod traffic": pods still reach the Local-policy service via the cluster chain.
    expect(walk(pkt('10.0.0.2', '1.2.3.4', 80)).packet.dst).toBe('10.180.0.2');
  });
  it('LoadBalancerSourceRanges: blocked sources are dropped before DNAT', () => {
    expect(walk(pkt('203.0.113.130', '5.6.7.8', 80)).verdict).toBe('DROP');
    expect(walk(pkt('203.0.113.2', '5.6.7.8', 80)).packet.dst).toBe('10.180.0.3');
  });
  it('ClientIP affinity: the affinity set sends the client back to its endpoint', () => {
    const ports = [svcPort({ namespace: 'ns', name: 'a', clusterIP: '172.30.0.60', affinityTimeoutSeconds: 60, endpoints: [ep('10.180.0.7', 80), ep('10.180.0.8', 80)] })];
    const rng = createRng(3);
    const ctx = ctxFor(ports, () => rng.next());
    const first = walkNftables(pkt('10.0.0.9', '172.30.0.60', 80), 'PREROUTING', ctx).packet.dst;
    for (let i = 0; i < 20; i++) expect(walkNftables(pkt('10.0.0.9', '172.30.0.60', 80), 'PREROUTING', ctx).packet.dst).toBe(first);
    ctx.now = 61;
    const seen = new Set(Array.from({ length: 40 }, () => walkNftables(pkt('10.0.0.10', '172.30.0.60', 80), 'PREROUTING', { ...ctx, now: ctx.now += 61 }).packet.dst));
    expect(seen.size).toBe(2);
  });
  it('every walk ends at a ready endpoint of the port, or REJECT/DROP (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer(), fc.boolean(), (n, unready, seed, local) => {
      const eps = [...Array.from({ length: n }, (_, i) => ep(`10.244.1.${i + 1}`, 8080, { nodeName: i % 2 ? 'test-node' : 'other' })),
        ...Array.from({ length: unready }, (_, i) => ep(`10.244.2.${i + 1}`, 8080, { ready: false, serving: false }))];
      const sp = svcPort({ namespace: 'p', name: 'q', clusterIP: '172.30.1.1', nodePort: 30001, externalPolicyLocal: local, endpoints: eps });
      const rng = createRng(seed);
      const ctx = ctxFor([sp], () => rng.next());
      for (const p of [pkt('10.0.0.5', '172.30.1.1', 80), pkt('203.0.113.9', NODE_IP, 30001)]) {
        const r = walkNftables(p, 'PREROUTING', ctx);
        if (r.verdict === 'ACCEPT') expect(eps.filter((e) => e.ready).map((e) => `${e.ip}:${e.port}`)).toContain(`${r.packet.dst}:${r.packet.dport}`);
        else expect(n === 0 || (local && p.dst === NODE_IP)).toBe(true);
      }
    }), { numRuns: 150 });
  });
});
