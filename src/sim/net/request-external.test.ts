// LoadBalancer (the balancer element, health checks on healthCheckNodePort for Local as
// pkg/proxy/healthcheck/service_health.go serves them), ExternalName (CoreDNS CNAME, then
// the client connects to the external host), headless, no endpoints, wrong targetPort,
// and the userspace proxy retrying the next endpoint (pkg/proxy/userspace/proxysocket.go).
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { apply, newSim, pod, podYaml, serviceYaml, svc } from '../test-helpers';
import { createDataPlane } from './data-plane';
import { performRequest } from './request';

function cluster(extra: string, config = defaultClusterConfig()) {
  const sim = newSim(5, config);
  apply(sim, DEFAULT_SCENARIO_YAML + '---\n' + extra);
  return { sim, plane: createDataPlane(sim.cluster), client: { kind: 'pod' as const, pod: pod(sim, 'client') } };
}

const lb = (policy: string) => serviceYaml('web-lb', `  type: LoadBalancer\n  externalTrafficPolicy: ${policy}\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 9376\n`);
const POOL = { ...defaultClusterConfig(), loadBalancerPool: ['172.18.255.200', '172.18.255.201'] };

describe('LoadBalancer', () => {
  it('goes through the lb element to a node, then to a pod', () => {
    const { sim, plane } = cluster(lb('Cluster'), POOL);
    expect(svc(sim, 'web-lb').status.loadBalancer.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]); // ipMode: SetDefaults_Service (pkg/apis/core/v1/defaults.go)
    const r = performRequest(sim, plane, { kind: 'workstation' }, 'http://172.18.255.200/');
    expect(r.ok).toBe(true);
    expect(r.hops[0]).toMatchObject({ kind: 'send', from: 'workstation', to: 'lb:default/web-lb' });
    expect(r.hops[1]).toMatchObject({ kind: 'route', from: 'lb:default/web-lb', actor: 'load balancer' });
    expect(r.hops[1]!.decidedBy!.lines.every((l) => l.includes(':10256/healthz → 200'))).toBe(true);
    // kind's control plane carries node.kubernetes.io/exclude-from-external-load-balancers.
    expect(r.hops[1]!.decidedBy!.lines.some((l) => l.includes('kind-control-plane'))).toBe(false);
  });

  it('Local: only nodes whose healthCheckNodePort answers 200 get traffic, and the client IP is kept', () => {
    const { sim, plane } = cluster(lb('Local'), POOL);
    const hc = svc(sim, 'web-lb').spec.healthCheckNodePort!;
    const webNodes = new Set(sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web').map((p) => p.spec.nodeName));
    for (let i = 0; i < 20; i++) {
      const r = performRequest(sim, plane, { kind: 'workstation' }, 'http://172.18.255.200/');
      expect(r.ok).toBe(true);
      const to = r.hops[1]!.to.replace('kube-proxy:', '');
      expect(webNodes.has(to)).toBe(true);
      expect(r.hops[1]!.decidedBy!.lines.join('\n')).toContain(`:${hc}/ → `);
      expect(r.hops.some((h) => h.title.includes('SNAT'))).toBe(false);
    }
  });

  it('without a pool the Service stays <pending>: there is no address to reach', () => {
    const { sim, plane } = cluster(lb('Cluster'));
    expect(svc(sim, 'web-lb').status.loadBalancer.ingress).toBeUndefined();
    const r = performRequest(sim, plane, { kind: 'workstation' }, 'http://172.18.255.200/');
    expect(r.error).toEqual({ code: 7, message: "Failed to connect to 172.18.255.200 port 80 after 3068 ms: Couldn't connect to server" });
    expect(r.failure!.reason).toBe('no-route');
  });
});

describe('names without proxying', () => {
  it('ExternalName: CNAME from CoreDNS, then a connection to the external host itself', () => {
    const { sim, plane, client } = cluster(serviceYaml('ext', '  type: ExternalName\n  externalName: example.com\n'));
    const r = performRequest(sim, plane, client, 'http://ext/');
    expect(r.ok).toBe(true);
    expect(r.answer!.body).toContain('<title>Example Domain</title>');
    expect(r.remoteIP).toBe('93.184.215.14');
    const answer = r.hops.find((h) => h.kind === 'dns-answer' && h.decidedBy!.lines.some((l) => l.includes('CNAME')))!;
    expect(answer.decidedBy!.lines[0]).toBe('ext.default.svc.cluster.local.\t30\tIN\tCNAME\texample.com.');
    expect(r.hops.some((h) => h.title.includes('DNAT'))).toBe(false);
    expect(r.hops.find((h) => h.kind === 'deliver')!.to).toBe('external:example.com');
    expect(r.hops.find((h) => h.title.includes('SNAT'))!.decidedBy!.lines.join('\n')).toContain('-A KIND-MASQ-AGENT -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE');
    expect(performRequest(sim, plane, client, 'http://ext:8080/').error!.code).toBe(28);
  });

  it('headless: DNS returns pod IPs and the client connects straight to one', () => {
    const { sim, plane, client } = cluster(serviceYaml('web-h', '  clusterIP: None\n  selector:\n    app: web\n  ports:\n  - port: 9376\n'));
    const r = performRequest(sim, plane, client, 'http://web-h:9376/');
    expect(r.ok).toBe(true);
    expect(sim.cluster.store.list('Pod', 'default').some((p) => p.status.podIP === r.remoteIP && p.metadata.name === r.answer!.body)).toBe(true);
    expect(r.hops.some((h) => h.kind === 'dnat')).toBe(false);
  });

  it('headless: the DNS hop lists every address in the answer order, the next hop says the client took the first', () => {
    const { sim, plane, client } = cluster(serviceYaml('web-h', '  clusterIP: None\n  selector:\n    app: web\n  ports:\n  - port: 9376\n'));
    const r = performRequest(sim, plane, client, 'http://web-h:9376/');
    const answer = r.hops.find((h) => h.kind === 'dns-answer' && h.decidedBy!.lines[0]!.includes('\tA\t'))!;
    const order = answer.decidedBy!.lines.map((l) => l.split('\t').pop()!);
    expect(order.length).toBeGreaterThan(1);
    expect(answer.title).toBe(`CoreDNS → client: ${order.join(', ')}`);
    expect(r.remoteIP).toBe(order[0]);
    const send = r.hops.find((h) => h.kind === 'send')!;
    expect(send.why).toContain(`The DNS answer carried ${order.length} addresses (${order.join(', ')}); the client takes the first one, ${order[0]}`);
  });

  it('ExternalName: the DNS hop title shows the CNAME chain; an unknown outside name gets a stand-in address', () => {
    // coredns plugin/kubernetes (ExternalName: CNAME, then the target's A from upstream).
    const { sim, plane, client } = cluster(serviceYaml('my-db', '  type: ExternalName\n  externalName: db.cloud-provider.com\n'));
    const r = performRequest(sim, plane, client, 'http://my-db/');
    const ip = r.remoteIP!;
    expect(ip).toMatch(/^(198\.51\.100|203\.0\.113)\./);
    const answer = r.hops.find((h) => h.kind === 'dns-answer' && h.decidedBy!.lines.some((l) => l.includes('CNAME')))!;
    expect(answer.title).toBe(`CoreDNS → client: my-db → CNAME db.cloud-provider.com → ${ip} (outside the simulation: a stand-in address)`);
    expect(answer.decidedBy!.lines).toEqual(['my-db.default.svc.cluster.local.\t30\tIN\tCNAME\tdb.cloud-provider.com.', `db.cloud-provider.com.\t30\tIN\tA\t${ip}`]);
    expect(r.hops.find((h) => h.kind === 'deliver')!.to).toBe('external:db.cloud-provider.com');
    expect(r.ok).toBe(true);
  });

  it('a name under a special-use TLD does not resolve: curl (6)', () => {
    const { sim, plane, client } = cluster('');
    expect(performRequest(sim, plane, client, 'http://shop.invalid/').error).toEqual({ code: 6, message: 'Could not resolve host: shop.invalid' });
    expect(performRequest(sim, plane, { kind: 'workstation' }, 'http://kubernetes.test/').error!.code).toBe(6);
    const ws = performRequest(sim, plane, { kind: 'workstation' }, 'http://www.wikipedia.org/');
    expect(ws.ok).toBe(true);
    expect(ws.remoteIP).toMatch(/^(198\.51\.100|203\.0\.113)\./);
  });

  it('no endpoints: REJECT, curl (7) at once; a wrong targetPort: the pod resets', () => {
    const { sim, plane, client } = cluster(`${serviceYaml('none', '  selector:\n    app: nothing\n  ports:\n  - port: 80\n')}\n---\n${serviceYaml('wrong', '  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 8080\n')}`);
    const none = performRequest(sim, plane, client, 'http://none/');
    expect(none.error).toEqual({ code: 7, message: "Failed to connect to none port 80 after 0 ms: Couldn't connect to server" });
    expect(none.hops[none.hops.length - 1]!.decidedBy!.lines.join('\n')).toContain('[filter] -A KUBE-SERVICES -d 10.96.');
    expect(none.hops[none.hops.length - 1]!.decidedBy!.lines.join('\n')).toMatch(/has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable$/);
    const wrong = performRequest(sim, plane, client, 'http://wrong/');
    expect(wrong.error!.code).toBe(7);
    expect(wrong.hops[wrong.hops.length - 1]).toMatchObject({ kind: 'reject', detail: 'TCP RST' });
  });
});

describe('userspace mode', () => {
  it('retries another backend when the first refuses, each failed dial shown as a hop', () => {
    const broken = podYaml('broken', { app: 'web' }, { image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: '["pause"]' });
    const { sim, plane, client } = cluster(broken, { ...defaultClusterConfig(), proxyMode: 'userspace' });
    let sawRetry = false;
    for (let i = 0; i < 12; i++) {
      const r = performRequest(sim, plane, client, 'http://web/');
      expect(r.ok).toBe(true);
      expect(r.answer!.body).not.toBe('broken');
      const dial = r.hops.find((h) => h.title.startsWith('kube-proxy dials'));
      if (dial) {
        sawRetry = true;
        expect(dial.title).toMatch(/: connection refused$/);
        expect(dial.to).toBe('pod:default/broken');
      }
    }
    expect(sawRetry).toBe(true);
  });
});
