import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';
import { humanDuration } from './crictl';

describe('tools on a kind node (docker exec NODE ...)', () => {
  const t = appliedShell();

  // kindnetd routes every other node's podCIDR via its node IP; the ptp plugin adds a
  // "scope host" route per local pod; the kernel's own route for the kind docker network.
  // iproute2 ip/iproute.c prints each field with a trailing space.
  it('ip route: the default via the docker gateway, other podCIDRs via their nodes, local pods via their veths', () => {
    const text = t.run('docker exec kind-worker ip route');
    const lines = text.split('\n');
    expect(lines[0]).toBe('default via 172.18.0.1 dev eth0 ');
    expect(lines).toContain('10.244.0.0/24 via 172.18.0.2 dev eth0 ');
    expect(lines).toContain('10.244.2.0/24 via 172.18.0.4 dev eth0 ');
    expect(lines.at(-2)).toBe('172.18.0.0/16 dev eth0 proto kernel scope link src 172.18.0.3 ');
    for (const p of t.sim.cluster.store.list('Pod').filter((x) => x.spec.nodeName === 'kind-worker' && !x.spec.hostNetwork && x.status.podIP)) {
      expect(text).toMatch(new RegExp(`^${p.status.podIP!.replace(/\./g, '\\.')} dev veth[0-9a-f]{8} scope host $`, 'm'));
    }
  });

  it('ip addr: eth0 holds the node IP /16 on the kind network; each veth the gateway /32 and link-netns cni-...', () => {
    const text = t.run('docker exec kind-worker ip addr');
    expect(text).toContain('    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0\n');
    expect(text).toMatch(/^\d+: veth[0-9a-f]{8}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n {4}link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff link-netns cni-[0-9a-f-]{36}\n {4}inet 10\.244\.1\.1\/32 scope global veth/m);
  });

  // cri-tools cmd/crictl/container.go OutputContainers: these columns, in this order.
  it('crictl ps lists the running containers with crictl 1.33 columns', () => {
    const lines = t.run('docker exec kind-worker crictl ps').split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']);
    expect(lines.some((l) => /^[0-9a-f]{13} {7}[0-9a-f]{13} +.* ago +Running +kube-proxy +0 +[0-9a-f]{13} +kube-proxy-\w{5} +kube-system$/.test(l))).toBe(true);
  });

  it('crictl pods lists the sandboxes', () => {
    const lines = t.run('docker exec kind-worker crictl pods').split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']);
    expect(lines.filter((l) => / Ready /.test(l)).length).toBeGreaterThan(1);
  });

  // cmd/kube-proxy/app/server.go: /proxyMode writes the mode without a newline.
  it('curl localhost:10249/proxyMode prints the mode', () => {
    expect(t.stdout('docker exec kind-worker curl -s localhost:10249/proxyMode')).toBe('iptables');
  });

  // pkg/proxy/healthcheck/proxy_health.go: `{"lastUpdated": %q,"currentTime": %q, "nodeEligible": %v}`.
  it('curl localhost:10256/healthz prints the health JSON, also from the workstation to the node IP', () => {
    const body = t.stdout('docker exec kind-worker curl -s localhost:10256/healthz');
    expect(body).toMatch(/^\{"lastUpdated": "\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC m=\+\d+\.\d{9}","currentTime": ".*", "nodeEligible": true\}$/);
    expect(t.stdout('curl -s http://172.18.0.3:10256/healthz')).toBe(body);
  });

  it('go-units HumanDuration', () => {
    expect(humanDuration(0.5)).toBe('Less than a second');
    expect(humanDuration(61)).toBe('About a minute');
    expect(humanDuration(300)).toBe('5 minutes');
    expect(humanDuration(3 * 3600)).toBe('3 hours');
  });
});

// pkg/proxy/healthcheck/service_health.go: the dedented JSON; 200 with local endpoints, else 503.
describe("a Service's healthCheckNodePort", () => {
  const LB = `apiVersion: v1
kind: Service
metadata:
  name: local
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
`;
  it('answers on every node with that node\'s ready endpoint count', () => {
    const t = appliedShell();
    t.sim.applyText(LB, 'lb.yaml', 'apply');
    t.sim.settle();
    const svc = t.sim.cluster.store.get('Service', 'default', 'local')!;
    const port = svc.spec.healthCheckNodePort!;
    const cp = t.stdout(`curl -s http://172.18.0.2:${port}/`);
    expect(cp).toBe('{\n\t"service": {\n\t\t"namespace": "default",\n\t\t"name": "local"\n\t},\n\t"localEndpoints": 0,\n\t"serviceProxyHealthy": true\n}');
    expect(t.result(`curl -sf http://172.18.0.2:${port}/`).exitCode).toBe(22);
    expect(t.stdout(`docker exec kind-worker curl -s localhost:${port}`)).toMatch(/"localEndpoints": [1-9]/);
  });
});
