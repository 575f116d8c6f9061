// conntrack as curl leaves it (nf_conntrack_proto_tcp.c: TIME_WAIT 120 s after the close;
// UDP 30 s unreplied-stream timeout for a DNS query), an open connection keeping its
// backend when endpoints change (netfilter's NAT binding lives in the conntrack entry),
// and ClientIP session affinity on the simulation clock in every mode: xt_recent
// (iptables), persistence (ipvs), affinity sets (nftables), the userspace proxy's map.
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { apply, newSim, pod } from '../test-helpers';
import type { ProxyMode } from '../view/snapshot';
import { formatConntrackEntry } from './conntrack';
import { createDataPlane } from './data-plane';
import { performRequest } from './request';

function cluster(mode: ProxyMode = 'iptables', extra = '') {
  const sim = newSim(11, { ...defaultClusterConfig(), proxyMode: mode });
  apply(sim, DEFAULT_SCENARIO_YAML + (extra ? '---\n' + extra : ''));
  return { sim, plane: createDataPlane(sim.cluster), client: { kind: 'pod' as const, pod: pod(sim, 'client') } };
}

describe('conntrack', () => {
  it('leaves the DNS query unreplied-stream UDP (30 s) and the connection in TIME_WAIT (120 s), on both nodes of a cross-node flow', () => {
    const { sim, plane, client } = cluster();
    const node = client.pod.spec.nodeName!;
    for (let i = 0; i < 10; i++) {
      const r = performRequest(sim, plane, client, 'http://web/');
      const now = sim.cluster.clock.now();
      const lines = plane.conntrack(node).entries(now).map((e) => formatConntrackEntry(e, now));
      const tcp = lines.filter((l) => l.includes(`sport=${r.localPort} dport=80 `));
      expect(tcp).toHaveLength(1);
      expect(tcp[0]).toMatch(/^tcp {6}6 120 TIME_WAIT src=\S+ dst=10\.96\.\S+ sport=\d+ dport=80 src=\S+ dst=\S+ sport=9376 dport=\d+ \[ASSURED\] mark=0 use=1$/);
      expect(lines.some((l) => /^udp {6}17 30 src=\S+ dst=10\.96\.0\.10 sport=\d+ dport=53 src=\S+ dst=\S+ sport=53 dport=\d+ mark=0 use=1$/.test(l))).toBe(true);
      const backendNode = r.servedBy!.spec.nodeName!;
      if (backendNode !== node) {
        const there = plane.conntrack(backendNode).entries(now).map((e) => formatConntrackEntry(e, now));
        expect(there.some((l) => l.startsWith('tcp      6 120 TIME_WAIT') && l.includes(`dst=${r.servedBy!.status.podIP} sport=${r.localPort} dport=9376`))).toBe(true);
      }
    }
    sim.advance(121);
    const now = sim.cluster.clock.now();
    expect(plane.conntrack(node).entries(now)).toEqual([]);
  });

  it.each(['iptables', 'ipvs', 'nftables'] as ProxyMode[])('%s: an open keep-alive connection keeps its backend after that pod leaves the Service', (mode) => {
    const { sim, plane, client } = cluster(mode);
    const first = performRequest(sim, plane, client, 'http://web/', { reuseConnection: true });
    const chosen = first.servedBy!;
    // Relabel the chosen pod: it leaves the endpoints but keeps running and listening.
    chosen.metadata.labels = { app: 'retired' };
    sim.cluster.update(chosen);
    sim.settle();
    for (let i = 0; i < 5; i++) {
      const again = performRequest(sim, plane, client, 'http://web/', { reuseConnection: true });
      expect(again.answer!.body).toBe(chosen.metadata.name);
      expect(again.localPort).toBe(first.localPort);
      expect(again.hops.some((h) => h.kind === 'dns-query')).toBe(false);
      expect(again.hops.find((h) => h.kind === 'dnat')!.decidedBy!.kind).toBe('conntrack');
    }
    for (let i = 0; i < 10; i++) expect(performRequest(sim, plane, client, 'http://web/').answer!.body).not.toBe(chosen.metadata.name);
  });
});

const AFFINITY = `apiVersion: v1
kind: Service
metadata:
  name: sticky
spec:
  selector:
    app: web
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 60
  ports:
  - port: 80
    targetPort: 9376
`;

describe.each(['iptables', 'ipvs', 'nftables', 'userspace'] as ProxyMode[])('%s session affinity', (mode) => {
  it('sticks to one pod until the timeout passes on the simulation clock', () => {
    const { sim, plane, client } = cluster(mode, AFFINITY);
    const served = new Set<string>();
    for (let i = 0; i < 30; i++) {
      served.add(performRequest(sim, plane, client, 'http://sticky/').answer!.body);
      sim.advance(1);
    }
    expect(served.size).toBe(1);
    // Each timeout that passes frees the client to land anywhere.
    const after = new Set<string>();
    for (let i = 0; i < 30; i++) {
      sim.advance(61);
      after.add(performRequest(sim, plane, client, 'http://sticky/').answer!.body);
    }
    expect(after.size).toBeGreaterThan(1);
  });
});
