// Packet traces in the spirit of k/k pkg/proxy/iptables/proxier_test.go runPacketFlowTests
// (TestClusterIPGeneral, TestNodePorts, TestExternalTrafficPolicy*, TestNoEndpointsReject),
// run against rules rendered by renderIptables.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderIptables } from '../proxy/iptables/render';
import { ep, svcPort } from '../proxy/test-fixtures';
import type { ProxyServicePort } from '../proxy/service-port';
import { createRng } from '../rng';
import { createRecentTable, walkIptables, type WalkContext } from './iptables-walk';
import type { Packet } from './packet';

const NODE = 'kind-worker';
const NODE_IP = '172.18.0.3';
const nodeCtx = { nodeName: NODE, nodeIP: NODE_IP, clusterCIDR: '10.244.0.0/16', dockerDns: { gatewayIP: '172.18.0.1', tcpPort: 40000, udpPort: 40001 } };

function ctxFor(ports: ProxyServicePort[], random: () => number, extra: Partial<WalkContext> = {}): WalkContext {
  return { ruleset: renderIptables(ports, nodeCtx), localAddresses: [NODE_IP, '10.244.1.1'], random, recent: createRecentTable(), now: 0, masqueradeAddress: NODE_IP, ...extra };
}
const fromPod = (dst: string, dport: number, src = '10.244.1.5'): Packet => ({ protocol: 'TCP', src, sport: 40000, dst, dport });
const web = (n: number, extra: Partial<ProxyServicePort> = {}) => svcPort({
  namespace: 'default', name: 'web', portName: 'http', clusterIP: '10.96.0.50',
  endpoints: Array.from({ length: n }, (_, i) => ep(`10.244.${1 + (i % 2)}.${10 + i}`, 8080, { nodeName: i % 2 === 0 ? NODE : 'kind-worker2' })),
  ...extra,
});

describe('ClusterIP', () => {
  it('every walk ends at an endpoint of the service port, or REJECT without endpoints (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 6 }), fc.integer(), (n, seed) => {
      const rng = createRng(seed);
      const r = walkIptables(fromPod('10.96.0.50', 80), 'PREROUTING', ctxFor([web(n)], () => rng.next()));
      if (n === 0) {
        expect(r.verdict).toBe('REJECT');
        expect(r.trace.at(-1)!.line).toContain('"default/web:http has no endpoints"');
      } else {
        expect(r.verdict).toBe('ACCEPT');
        expect(web(n).endpoints.map((e) => `${e.ip}:${e.port}`)).toContain(`${r.packet.dst}:${r.packet.dport}`);
        expect(r.markedForMasquerade).toBe(false);
      }
    }), { numRuns: 200 });
  });

  it('spreads connections evenly: each of 3 endpoints gets about 1/3', () => {
    const rng = createRng(42);
    const ctx = ctxFor([web(3)], () => rng.next());
    const counts = new Map<string, number>();
    const N = 30000;
    for (let i = 0; i < N; i++) {
      const d = walkIptables(fromPod('10.96.0.50', 80), 'PREROUTING', ctx).packet.dst;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    expect(counts.size).toBe(3);
    for (const c of counts.values()) expect(Math.abs(c / N - 1 / 3)).toBeLessThan(0.015);
  });

  it('records the rules that decided, in order, as iptables-save lines', () => {
    const r = walkIptables(fromPod('10.96.0.50', 80), 'PREROUTING', ctxFor([web(2)], () => 0));
    expect(r.trace.map((t) => `${t.table} ${t.line}`)).toEqual([
      'nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      expect.stringMatching(/^nat -A KUBE-SERVICES -d 10\.96\.0\.50\/32 -p tcp -m comment --comment "default\/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-/),
      expect.stringMatching(/^nat -A KUBE-SVC-\S+ -m comment --comment "default\/web:http -> 10\.244\.1\.10:8080" -m statistic --mode random --probability 0\.50000000000 -j KUBE-SEP-/),
      expect.stringMatching(/^nat -A KUBE-SEP-\S+ -p tcp -m comment --comment "default\/web:http" -m tcp -j DNAT --to-destination 10\.244\.1\.10:8080$/),
      'filter -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes load balancer firewall" -j KUBE-PROXY-FIREWALL',
      'filter -A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD',
      'filter -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES',
      'filter -A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes externally-visible service portals" -j KUBE-EXTERNAL-SERVICES',
      'nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING',
      'nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
      'nat -A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain" -j KIND-MASQ-AGENT',
      'nat -A KIND-MASQ-AGENT -d 10.244.0.0/16 -m comment --comment "kind-masq-agent: local traffic is not subject to MASQUERADE" -j RETURN',
    ]);
  });

  it('masquerades hairpin traffic (a pod reaching itself through the service)', () => {
    const r = walkIptables(fromPod('10.96.0.50', 80, '10.244.1.10'), 'PREROUTING', ctxFor([web(1)], () => 0));
    expect(r.packet.dst).toBe('10.244.1.10');
    expect(r.markedForMasquerade).toBe(true);
    expect(r.snat).toBe(NODE_IP);
  });

  it('masquerades node-originated traffic (OUTPUT) since the node IP is off the pod CIDR', () => {
    const r = walkIptables(fromPod('10.96.0.50', 80, NODE_IP), 'OUTPUT', ctxFor([web(1)], () => 0));
    expect(r.verdict).toBe('ACCEPT');
    expect(r.markedForMasquerade).toBe(true);
  });

  it('leaves undeclared ports of a ClusterIP untouched', () => {
    const r = walkIptables(fromPod('10.96.0.50', 81), 'PREROUTING', ctxFor([web(2)], () => 0));
    expect(r.packet.dst).toBe('10.96.0.50');
    expect(r.verdict).toBe('ACCEPT');
  });
});
