// Every packet path of issue 4, traced from the real rules (k8s-semantics.md §5; the paths
// of k/k pkg/proxy/iptables/proxier_test.go TestOverallIPTablesRules / runPacketFlowTests:
// ClusterIP DNAT, NodePort with masquerade, externalTrafficPolicy Local keeping the client
// IP and dropping without local endpoints, REJECT without endpoints).
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { apply, newSim, pod, serviceYaml, svc } from '../test-helpers';
import { createDataPlane } from './data-plane';
import { performRequest } from './request';
import { nodeInternalIP } from './topology';

const NETEXEC = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: echo
spec:
  replicas: 1
  selector: {matchLabels: {app: echo}}
  template:
    metadata: {labels: {app: echo}}
    spec:
      containers:
      - name: c
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["netexec", "--http-port=8080"]
`;

function cluster(extra = '', config = defaultClusterConfig()) {
  const sim = newSim(3, config);
  apply(sim, DEFAULT_SCENARIO_YAML + '---\n' + NETEXEC + (extra ? '---\n' + extra : ''));
  const plane = createDataPlane(sim.cluster);
  const client = { kind: 'pod' as const, pod: pod(sim, 'client') };
  const nodes = sim.cluster.store.list('Node');
  const ip = (name: string) => nodeInternalIP(nodes.find((n) => n.metadata.name === name)!);
  return { sim, plane, client, nodes, ip };
}

describe('pod to Service', () => {
  it.each(['web', 'web.default', 'web.default.svc.cluster.local'])('by name %s: DNS, DNAT to a ready endpoint, answer, conntrack reply', (name) => {
    const { sim, plane, client } = cluster();
    const r = performRequest(sim, plane, client, `http://${name}/`);
    expect(r.ok).toBe(true);
    expect(r.answer!.body).toMatch(/^web-/);
    const kinds = r.hops.map((h) => h.kind);
    expect(kinds[0]).toBe('dns-query');
    expect(kinds).toContain('dnat');
    expect(kinds.slice(-3)).toEqual(['deliver', 'respond', 'reply']);
    const reply = r.hops[r.hops.length - 1]!;
    expect(reply.decidedBy!.kind).toBe('conntrack');
    expect(reply.decidedBy!.lines[0]).toMatch(/^tcp {6}6 86400 ESTABLISHED src=10\.244\.\d+\.\d+ dst=10\.96\.\d+\.\d+ sport=\d+ dport=80 src=10\.244\.\d+\.\d+ dst=10\.244\.\d+\.\d+ sport=9376 dport=\d+ \[ASSURED\] mark=0 use=1$/);
  });

  it('by ClusterIP skips DNS; across namespaces by web.other', () => {
    const { sim, plane, client } = cluster(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n---\n${serviceYaml('web', '  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 9376\n', 'other')}`);
    const byIP = performRequest(sim, plane, client, `http://${svc(sim, 'web').spec.clusterIP}/`);
    expect(byIP.ok).toBe(true);
    expect(byIP.hops[0]!.kind).toBe('send');
    // The other namespace's Service selects no pod there: it has no endpoints, REJECT.
    const other = performRequest(sim, plane, client, 'http://web.other/');
    expect(other.hops.some((h) => h.decidedBy?.lines.some((l) => l.includes('web.other.svc.cluster.local')))).toBe(true);
    expect(other.error).toEqual({ code: 7, message: "Failed to connect to web.other port 80 after 0 ms: Couldn't connect to server" });
  });

  it('pod to pod directly: no DNAT; a route hop when the pod is on another node', () => {
    const { sim, plane, client } = cluster();
    const pods = sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');
    for (const target of pods) {
      const r = performRequest(sim, plane, client, `http://${target.status.podIP}:9376/`);
      expect(r.answer!.body).toBe(target.metadata.name);
      expect(r.hops.some((h) => h.kind === 'dnat')).toBe(false);
      expect(r.hops.some((h) => h.kind === 'route')).toBe(target.spec.nodeName !== client.pod.spec.nodeName);
    }
  });
});

describe('NodePort, externalTrafficPolicy, internalTrafficPolicy', () => {
  const np = (policy: string) => serviceYaml('echo-np', `  type: NodePort\n  externalTrafficPolicy: ${policy}\n  selector:\n    app: echo\n  ports:\n  - port: 8080\n    targetPort: 8080\n    nodePort: 30080\n`);

  it('Cluster: any node answers and SNATs (shown as a hop); the pod sees the node, or its veth gateway on its own node', () => {
    // MASQUERADE takes the outgoing interface's address: eth0 (the node IP) towards another node,
    // the pod's veth towards a local pod, which kindnet's ptp CNI plugin gives the podCIDR's gateway
    // (containernetworking/plugins plugins/main/ptp/ptp.go setupHostVeth) — the "Using Source IP"
    // tutorial's 10.180.1.1 (kubernetes/website content/en/docs/tutorials/services/source-ip.md).
    const { sim, plane, ip } = cluster(np('Cluster'));
    const echoNode = pod(sim, sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'echo')!.metadata.name).spec.nodeName!;
    const gateway = (n: string) => sim.cluster.store.get('Node', undefined, n)!.spec.podCIDR!.replace(/\.0\/24$/, '.1');
    for (const n of sim.cluster.store.list('Node').map((x) => x.metadata.name)) {
      const r = performRequest(sim, plane, { kind: 'workstation' }, `http://${ip(n)}:30080/clientip`);
      expect(r.ok).toBe(true);
      const seen = n === echoNode ? gateway(n) : ip(n);
      const snat = r.hops.find((h) => h.kind === 'snat');
      expect(snat?.title).toBe(`${n}: SNAT (masquerade) 172.18.0.1 → ${seen}`);
      expect(snat?.decidedBy?.lines.join('\n')).toContain('-j MASQUERADE');
      expect(r.answer!.body.split(':')[0]).toBe(seen);
      expect(r.hops.some((h) => h.kind === 'route')).toBe(n !== echoNode);
    }
  });

  it('Local: the client IP is kept where the pod runs; elsewhere the SYN is dropped and curl times out', () => {
    const { sim, plane, ip } = cluster(np('Local'));
    const echoNode = sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'echo')!.spec.nodeName!;
    const there = performRequest(sim, plane, { kind: 'workstation' }, `http://${ip(echoNode)}:30080/clientip`);
    expect(there.answer!.body.split(':')[0]).toBe('172.18.0.1');
    expect(there.hops.some((h) => h.title.includes('SNAT'))).toBe(false);
    const other = sim.cluster.store.list('Node').map((n) => n.metadata.name).find((n) => n !== echoNode)!;
    const dropped = performRequest(sim, plane, { kind: 'workstation' }, `http://${ip(other)}:30080/clientip`);
    expect(dropped.hops[dropped.hops.length - 1]!.kind).toBe('drop');
    expect(dropped.error).toEqual({ code: 28, message: `Failed to connect to ${ip(other)} port 30080 after 134000 ms: Couldn't connect to server` });
  });

  it('from a pod to another node\'s address: the packet leaves its node and that node\'s rules DNAT it (iptables: the KUBE-NODEPORTS jump matches --dst-type LOCAL only)', () => {
    const { sim, plane, client, ip } = cluster(np('Cluster'));
    const own = client.pod.spec.nodeName!;
    for (const n of sim.cluster.store.list('Node').map((x) => x.metadata.name).filter((x) => x !== own)) {
      const r = performRequest(sim, plane, client, `http://${ip(n)}:30080/clientip`);
      expect(r.ok).toBe(true);
      expect(r.hops.some((h) => h.kind === 'route' && h.title === `${own} → ${n}`)).toBe(true);
      const dnat = r.hops.find((h) => h.kind === 'dnat');
      expect(dnat?.actor).toBe(`kube-proxy on ${n}`);
      // KUBE-EXT masquerades for Cluster policy: the backend sees that node's address (its veth gateway when local).
      const local = sim.cluster.store.list('Pod', 'default').some((p) => p.metadata.labels?.app === 'echo' && p.spec.nodeName === n);
      expect(r.answer!.body.split(':')[0]).toBe(local ? sim.cluster.store.get('Node', undefined, n)!.spec.podCIDR!.replace(/\.0\/24$/, '.1') : ip(n));
    }
    // A port no rule claims on that node: its kernel resets the connection.
    const other = sim.cluster.store.list('Node').map((x) => x.metadata.name).find((x) => x !== own)!;
    expect(performRequest(sim, plane, client, `http://${ip(other)}:30999/`).error?.code).toBe(7);
  });

  it('internalTrafficPolicy Local: a client on a node without an endpoint is dropped', () => {
    const { sim, plane, client } = cluster(serviceYaml('echo-local', '  internalTrafficPolicy: Local\n  selector:\n    app: echo\n  ports:\n  - port: 80\n    targetPort: 8080\n'));
    const echoNode = sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'echo')!.spec.nodeName!;
    const r = performRequest(sim, plane, client, 'http://echo-local/hostname');
    if (client.pod.spec.nodeName === echoNode) expect(r.ok).toBe(true);
    else expect(r.error!.code).toBe(28);
  });
});
