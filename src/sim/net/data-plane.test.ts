// Every mode's data plane over a real simulated kind cluster (the default scenario plus a
// Service without endpoints): the property the brief asks for — a packet to a service port
// ends at a ready endpoint of that very service port, or fails the way that mode's rules say
// (REJECT for no endpoints: iptables/nftables reject rules, IPVS's ip_vs_leave ICMP), never at
// a wrong pod. Also: ipvs without kernel modules (k/k#111806: no fallback, kube-proxy exits).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildServicePorts } from '../proxy/service-port';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { apply, newSim, serviceYaml } from '../test-helpers';
import type { ProxyMode } from '../view/snapshot';
import { createDataPlane } from './data-plane';
import type { Packet } from './packet';
import { nodeInternalIP } from './topology';

const EMPTY = serviceYaml('empty', '  selector:\n    app: nothing\n  ports:\n  - port: 80\n    targetPort: 8080\n');
const NODEPORT = serviceYaml('web-np', '  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 8080\n    targetPort: 9376\n');

function simFor(mode: ProxyMode, extra: Partial<ReturnType<typeof defaultClusterConfig>> = {}) {
  const sim = newSim(7, { ...defaultClusterConfig(), proxyMode: mode, ...extra });
  apply(sim, DEFAULT_SCENARIO_YAML);
  apply(sim, EMPTY);
  apply(sim, NODEPORT);
  return sim;
}

describe.each(['iptables', 'ipvs', 'nftables', 'userspace'] as ProxyMode[])('%s data plane', (mode) => {
  it('a packet to a service port ends at a ready endpoint of that port, or is rejected (property)', () => {
    const sim = simFor(mode);
    const plane = createDataPlane(sim.cluster);
    const ports = buildServicePorts(sim.cluster.store).filter((sp) => sp.clusterIP);
    const nodes = sim.cluster.store.list('Node');
    const clientIP = sim.cluster.store.get('Pod', 'default', 'client')!.status.podIP!;
    fc.assert(fc.property(fc.nat(ports.length - 1), fc.nat(nodes.length - 1), fc.integer({ min: 32768, max: 60999 }), fc.boolean(), (pi, ni, sport, viaNodePort) => {
      const sp = ports[pi]!;
      const node = nodes[ni]!;
      const useNodePort = viaNodePort && sp.nodePort !== undefined;
      const p: Packet = useNodePort
        ? { protocol: sp.protocol as 'TCP' | 'UDP', src: '172.18.0.1', sport, dst: nodeInternalIP(node), dport: sp.nodePort! }
        : { protocol: sp.protocol as 'TCP' | 'UDP', src: clientIP, sport, dst: sp.clusterIP!, dport: sp.port };
      const v = plane.process(node.metadata.name, p, 'PREROUTING');
      const ready = sp.endpoints.filter((e) => e.ready).map((e) => `${e.ip}:${e.port}`);
      if (ready.length === 0) {
        expect(v.verdict).toBe('REJECT');
      } else {
        expect(v.verdict).toBe('ACCEPT');
        expect(ready).toContain(`${v.packet.dst}:${v.packet.dport}`);
        expect(v.rules.length).toBeGreaterThan(0);
      }
    }), { numRuns: 120 });
  });

  it('records the connection in the node conntrack table; the flow keeps its backend when endpoints change', () => {
    const sim = simFor(mode);
    const plane = createDataPlane(sim.cluster);
    const web = buildServicePorts(sim.cluster.store).find((sp) => sp.name === 'web')!;
    const node = sim.cluster.store.list('Node')[1]!.metadata.name;
    const p: Packet = { protocol: 'TCP', src: '10.244.1.50', sport: 40001, dst: web.clusterIP!, dport: 80 };
    const first = plane.process(node, p, 'PREROUTING');
    expect(plane.conntrack(node).entries(sim.cluster.clock.now())).toHaveLength(1);
    const backend = sim.cluster.store.list('Pod').find((x) => x.status.podIP === first.packet.dst)!;
    sim.delete('Pod', 'default', backend.metadata.name);
    const again = plane.process(node, p, 'PREROUTING');
    expect(`${again.packet.dst}:${again.packet.dport}`).toBe(`${first.packet.dst}:${first.packet.dport}`);
    expect(again.rules[0]).toMatch(/^tcp {6}6 86400 ESTABLISHED src=10\.244\.1\.50 /);
  });
});

describe('ipvs without the ip_vs kernel modules', () => {
  it('has no proxy: ClusterIP packets pass untranslated and ipvsadm has no table', () => {
    const sim = simFor('ipvs', { ipvsModules: false });
    const plane = createDataPlane(sim.cluster);
    const web = buildServicePorts(sim.cluster.store).find((sp) => sp.name === 'web')!;
    const v = plane.process('kind-worker', { protocol: 'TCP', src: '10.244.1.9', sport: 40000, dst: web.clusterIP!, dport: 80 }, 'PREROUTING');
    expect([plane.proxyRunning, v.verdict, v.packet.dst]).toEqual([false, 'ACCEPT', web.clusterIP]);
    expect(plane.ipvs('kind-worker')).toBeUndefined();
  });
});
