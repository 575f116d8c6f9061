// The historic userspace proxy (k/k pkg/proxy/userspace, release-1.25): portal rules as
// iptablesContainerPortalArgs writes them, round robin over the shuffled endpoint list
// (roundrobin.go), and TryConnectEndpoints' retry (proxysocket.go) hiding a refusing backend.
import { describe, expect, it } from 'vitest';
import { printIptablesSave } from '../proxy/iptables/save';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { apply, newSim, podYaml, serviceYaml, svc } from '../test-helpers';
import { UserspaceDataPlane } from './userspace-plane';

function setup() {
  const sim = newSim(5, { ...defaultClusterConfig(), proxyMode: 'userspace' });
  apply(sim, podYaml('good', { app: 'mix' }, { image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: '["serve-hostname"]', ports: '    - containerPort: 9376' }));
  apply(sim, podYaml('deaf', { app: 'mix' }, { image: 'nginx:1.27', ports: '    - containerPort: 80' }));
  apply(sim, serviceYaml('mix', '  selector:\n    app: mix\n  ports:\n  - port: 80\n    targetPort: 9376\n'));
  return { sim, plane: new UserspaceDataPlane(sim.cluster), ip: svc(sim, 'mix').spec.clusterIP! };
}

describe('UserspaceDataPlane', () => {
  it('redirects the ClusterIP to kube-proxy\'s port; the backend sees the node as the source', () => {
    const { sim, plane, ip } = setup();
    const v = plane.process('kind-worker', { protocol: 'TCP', src: '10.244.1.9', sport: 40000, dst: ip, dport: 80 }, 'PREROUTING');
    expect(v.rules[0]).toBe('-A PREROUTING -m comment --comment "handle ClusterIPs; NOTE: this must be before the NodePort rules" -j KUBE-PORTALS-CONTAINER');
    expect(v.rules[1]).toMatch(new RegExp(`^-A KUBE-PORTALS-CONTAINER -d ${ip}/32 -p tcp -m comment --comment "default/mix" -m tcp --dport 80 -j REDIRECT --to-ports \\d+$`));
    expect(v.packet.src).toBe('172.18.0.3');
    expect(printIptablesSave(plane.render('kind-worker').ruleset, { table: 'nat', date: 'x' })).toContain(':KUBE-PORTALS-HOST - [0:0]');
    void sim;
  });
  it('retries the next endpoint when one refuses, so every connection reaches the listening pod', () => {
    const { sim, plane, ip } = setup();
    const good = sim.cluster.store.get('Pod', 'default', 'good')!.status.podIP;
    const verdicts = Array.from({ length: 8 }, (_, i) => plane.process('kind-worker', { protocol: 'TCP', src: '10.244.1.9', sport: 41000 + i, dst: ip, dport: 80 }, 'PREROUTING'));
    for (const v of verdicts) expect([v.verdict, v.packet.dst]).toEqual(['ACCEPT', good]);
    expect(verdicts.some((v) => v.rules.some((l) => l.includes('connection refused, trying the next endpoint')))).toBe(true);
  });
});
