// NodePort, traffic-policy and affinity traces (k/k pkg/proxy/iptables/proxier_test.go
// TestNodePorts, TestExternalTrafficPolicyLocal/Cluster, TestInternalTrafficPolicy and the
// ClientIP affinity rules of writeServiceToEndpointRules).
import { describe, expect, it } from 'vitest';
import { renderIptables } from '../proxy/iptables/render';
import { ep, svcPort } from '../proxy/test-fixtures';
import type { ProxyServicePort } from '../proxy/service-port';
import { createRecentTable, walkIptables, type WalkContext } from './iptables-walk';
import type { Packet } from './packet';

const NODE = 'kind-worker';
const NODE_IP = '172.18.0.3';
const nodeCtx = { nodeName: NODE, nodeIP: NODE_IP, clusterCIDR: '10.244.0.0/16' };
const ctxFor = (ports: ProxyServicePort[], random: () => number): WalkContext => ({
  ruleset: renderIptables(ports, nodeCtx), localAddresses: [NODE_IP], random, recent: createRecentTable(), now: 0, masqueradeAddress: NODE_IP,
});
const outside = (dport: number, dst = NODE_IP): Packet => ({ protocol: 'TCP', src: '172.18.0.1', sport: 51000, dst, dport });
const np = (extra: Partial<ProxyServicePort>) => svcPort({ namespace: 'default', name: 'np', portName: '', clusterIP: '10.96.0.60', nodePort: 30080, ...extra });
const remote = ep('10.244.2.7', 8080, { nodeName: 'kind-worker2' });
const local = ep('10.244.1.7', 8080, { nodeName: NODE });

describe('NodePort', () => {
  it('from outside with Cluster policy: DNAT anywhere, marked and masqueraded to the node IP', () => {
    const r = walkIptables(outside(30080), 'PREROUTING', ctxFor([np({ endpoints: [remote] })], () => 0));
    expect(r.verdict).toBe('ACCEPT');
    expect(r.packet).toMatchObject({ dst: '10.244.2.7', dport: 8080, src: NODE_IP });
    expect(r.markedForMasquerade).toBe(true);
    expect(r.trace.map((t) => t.line)).toContainEqual(expect.stringMatching(/^-A KUBE-NODEPORTS -p tcp -m comment --comment "default\/np" -m tcp --dport 30080 -j KUBE-EXT-\S+$/));
    expect(r.trace.map((t) => t.line)).toContainEqual(expect.stringMatching(/^-A KUBE-EXT-\S+ -m comment --comment "masquerade traffic for default\/np external destinations" -j KUBE-MARK-MASQ$/));
    expect(r.trace.some((t) => t.line === '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT')).toBe(true);
  });

  it('from outside with Local policy and a local endpoint: the client IP is kept', () => {
    const r = walkIptables(outside(30080), 'PREROUTING', ctxFor([np({ externalPolicyLocal: true, endpoints: [remote, local] })], () => 0));
    expect(r.packet).toMatchObject({ dst: '10.244.1.7', src: '172.18.0.1' });
    expect(r.markedForMasquerade).toBe(false);
    expect(r.trace.some((t) => t.chain.startsWith('KUBE-SVL-'))).toBe(true);
  });

  it('from outside with Local policy and no local endpoint: DROP in KUBE-EXTERNAL-SERVICES', () => {
    const r = walkIptables(outside(30080), 'PREROUTING', ctxFor([np({ externalPolicyLocal: true, endpoints: [remote] })], () => 0));
    expect(r.verdict).toBe('DROP');
    expect(r.trace.at(-1)!.line).toBe(
      '-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/np has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP',
    );
  });

  it('from a pod with Local policy and no local endpoint: short-circuited to the cluster chain', () => {
    const pod: Packet = { protocol: 'TCP', src: '10.244.1.9', sport: 40000, dst: NODE_IP, dport: 30080 };
    const r = walkIptables(pod, 'PREROUTING', ctxFor([np({ externalPolicyLocal: true, endpoints: [remote] })], () => 0));
    expect(r.verdict).toBe('ACCEPT');
    expect(r.packet.dst).toBe('10.244.2.7');
  });

  it('without any endpoint: REJECT', () => {
    const r = walkIptables(outside(30080), 'PREROUTING', ctxFor([np({})], () => 0));
    expect(r.verdict).toBe('REJECT');
  });
});

describe('internalTrafficPolicy: Local', () => {
  it('DROPs a clusterIP connection when this node has no endpoint', () => {
    const sp = np({ nodePort: undefined, internalPolicyLocal: true, endpoints: [remote] });
    const r = walkIptables({ protocol: 'TCP', src: '10.244.1.9', sport: 40000, dst: '10.96.0.60', dport: 80 }, 'PREROUTING', ctxFor([sp], () => 0));
    expect(r.verdict).toBe('DROP');
    expect(r.trace.at(-1)!.line).toContain('"default/np has no local endpoints"');
  });
});

describe('ClientIP session affinity', () => {
  it('sticks to one endpoint until the timeout passes, then draws again', () => {
    const eps = [ep('10.244.1.10', 8080), ep('10.244.1.11', 8080), ep('10.244.2.12', 8080)];
    const sp = svcPort({ namespace: 'default', name: 'sticky', portName: '', clusterIP: '10.96.0.70', affinityTimeoutSeconds: 10, endpoints: eps });
    let draw = 0.99; // statistic never matches: the last endpoint
    const ctx = ctxFor([sp], () => draw);
    const pkt: Packet = { protocol: 'TCP', src: '10.244.1.5', sport: 40000, dst: '10.96.0.70', dport: 80 };
    const at = (now: number) => walkIptables(pkt, 'PREROUTING', { ...ctx, now }).packet.dst;

    expect(at(0)).toBe('10.244.2.12');
    draw = 0; // would now pick the first endpoint
    expect(at(5)).toBe('10.244.2.12');
    expect(at(14)).toBe('10.244.2.12'); // 9 s after the last connection refreshed the entry
    expect(at(24.5)).toBe('10.244.1.10'); // more than 10 s since t=14: the entry is reaped
    expect(walkIptables({ ...pkt, src: '10.244.1.6' }, 'PREROUTING', { ...ctx, now: 25 }).packet.dst).toBe('10.244.1.10');
  });
});
