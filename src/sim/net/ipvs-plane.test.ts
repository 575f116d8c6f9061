// kube-proxy ipvs mode over a simulated cluster: scheduler choice with live connection counts
// (ip_vs_lc.c), persistence on the simulation clock (ip_vs_core.c ip_vs_sched_persist), REJECT
// for a virtual server without real servers (ip_vs_core.c ip_vs_leave: ICMP port unreachable),
// KUBE-IPVS-FILTER for other ports of kube-ipvs0 addresses and the ipset masquerade rules
// (k/k pkg/proxy/ipvs/proxier.go), and `ipvsadm -Ln` counts.
import { describe, expect, it } from 'vitest';
import { printIpvsadmLn } from '../proxy/ipvs/ipvsadm';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { apply, newSim, serviceYaml, svc } from '../test-helpers';
import { IpvsDataPlane } from './ipvs-plane';
import type { Packet } from './packet';

function setup(scheduler: 'rr' | 'lc' = 'rr', affinity = false) {
  const sim = newSim(3, { ...defaultClusterConfig(), proxyMode: 'ipvs' });
  apply(sim, DEFAULT_SCENARIO_YAML);
  apply(sim, serviceYaml('empty', '  selector:\n    app: nothing\n  ports:\n  - port: 80\n'));
  if (affinity) apply(sim, serviceYaml('web', '  selector:\n    app: web\n  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 60\n  ports:\n  - port: 80\n    targetPort: 9376\n'));
  return { sim, plane: new IpvsDataPlane(sim.cluster, scheduler), ip: svc(sim, 'web').spec.clusterIP! };
}
const conn = (dst: string, sport: number, src = '10.244.1.9', dport = 80): Packet => ({ protocol: 'TCP', src, sport, dst, dport });

describe('IpvsDataPlane', () => {
  it('rr cycles through the real servers; rules are the ipvsadm lines of the virtual server and the real server', () => {
    const { plane, ip } = setup();
    const picks = Array.from({ length: 6 }, (_, i) => plane.process('kind-worker', conn(ip, 40000 + i), 'PREROUTING'));
    expect(new Set(picks.map((v) => v.packet.dst)).size).toBe(3);
    expect(picks[0]!.packet.dst).toBe(picks[3]!.packet.dst);
    expect(picks[0]!.rules[0]).toBe(`TCP  ${ip}:80 rr`);
    expect(picks[0]!.rules[1]).toMatch(/^ {2}-> 10\.244\.\d+\.\d+:9376 +Masq {4}1 {6}1 {10}0 {9}$/);
    expect(picks[0]!.masquerade).toBe(false);
  });
  it('lc sends new connections to the server with the fewest active ones; ipvsadm shows the counts', () => {
    const { sim, plane, ip } = setup('lc');
    for (let i = 0; i < 6; i++) plane.process('kind-worker', conn(ip, 41000 + i), 'PREROUTING');
    const text = printIpvsadmLn(plane.virtualServers('kind-worker'));
    expect(text).toContain(`TCP  ${ip}:80 lc\n`);
    expect(text.match(/Masq {4}1 {6}2 {10}0/g)).toHaveLength(3);
    sim.advance(901);
    expect(printIpvsadmLn(plane.virtualServers('kind-worker')).match(/Masq {4}1 {6}0 {10}0/g)!.length).toBeGreaterThanOrEqual(3);
  });
  it('persistence keeps a client on its real server until the timeout passes on the simulation clock', () => {
    const { sim, plane, ip } = setup('rr', true);
    const first = plane.process('kind-worker', conn(ip, 42000), 'PREROUTING').packet.dst;
    for (let i = 1; i < 5; i++) expect(plane.process('kind-worker', conn(ip, 42000 + i), 'PREROUTING').packet.dst).toBe(first);
    expect(plane.process('kind-worker', conn(ip, 42010), 'PREROUTING').rules[0]).toBe(`TCP  ${ip}:80 rr persistent 60`);
    sim.advance(61);
    const after = new Set(Array.from({ length: 3 }, (_, i) => plane.process('kind-worker', conn(ip, 43000 + i, `10.244.2.${i + 20}`), 'PREROUTING').packet.dst));
    expect(after.size).toBeGreaterThan(1);
  });
  it('rejects a virtual server without real servers and other ports of kube-ipvs0 addresses', () => {
    const { sim, plane, ip } = setup();
    const empty = plane.process('kind-worker', conn(svc(sim, 'empty').spec.clusterIP!, 44000), 'PREROUTING');
    expect([empty.verdict, empty.rules]).toEqual(['REJECT', [`TCP  ${svc(sim, 'empty').spec.clusterIP}:80 rr`]]);
    expect(plane.process('kind-worker', conn(ip, 44001, '10.244.1.9', 8080), 'PREROUTING').verdict).toBe('REJECT');
  });
  it('masquerades off-cluster sources and hairpin connections, like the KUBE-CLUSTER-IP / KUBE-LOOP-BACK ipsets', () => {
    const { sim, plane, ip } = setup();
    // The source MASQUERADE picks is the outgoing interface's: eth0 (172.18.0.3) to another node, the
    // pod's veth (kindnet ptp: the podCIDR gateway 10.244.1.1) to a pod on kind-worker itself.
    const off = plane.process('kind-worker', conn(ip, 45000, '172.18.0.1'), 'PREROUTING').packet;
    expect(off.src).toBe(off.dst.startsWith('10.244.1.') ? '10.244.1.1' : '172.18.0.3');
    const web = sim.cluster.store.list('Pod').filter((p) => p.metadata.labels?.app === 'web').map((p) => p.status.podIP!);
    const hairpins = Array.from({ length: 3 }, (_, i) => plane.process('kind-worker', conn(ip, 45100 + i, web[0]!), 'PREROUTING'));
    expect(hairpins.find((v) => v.packet.dst === web[0])!.masquerade).toBe(true);
  });
});
