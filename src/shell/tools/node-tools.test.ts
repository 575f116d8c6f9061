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

  // service_health.go hcHandler sets Content-Type, X-Content-Type-Options and (since v1.28,
  // kubernetes#118999) X-Load-Balancing-Endpoint-Weight; Go's server.go writes the handler's
  // headers sorted, then Date and Content-Length.
  it('curl -i shows the status and the headers kube-proxy sets, the weight being the local endpoint count', () => {
    const t = appliedShell();
    t.sim.applyText(LB, 'lb.yaml', 'apply');
    t.sim.settle();
    const port = t.sim.cluster.store.get('Service', 'default', 'local')!.spec.healthCheckNodePort!;
    const none = t.stdout(`curl -si http://172.18.0.2:${port}/`);
    expect(none).toMatch(
      /^HTTP\/1\.1 503 Service Unavailable\r\nContent-Type: application\/json\r\nX-Content-Type-Options: nosniff\r\nX-Load-Balancing-Endpoint-Weight: 0\r\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\nContent-Length: 116\r\n\r\n\{\n/,
    );
    const pods = t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web' && p.spec.nodeName === 'kind-worker').length;
    expect(pods).toBeGreaterThan(0);
    const some = t.stdout(`curl -si http://172.18.0.3:${port}/healthz`);
    expect(some).toMatch(new RegExp(`^HTTP/1\\.1 200 OK\\r\\n.*X-Load-Balancing-Endpoint-Weight: ${pods}\\r\\n`, 's'));
    expect(some).toContain(`"localEndpoints": ${pods},`);
  });
});

describe("kube-proxy's own servers answered through curl", () => {
  const t = appliedShell();

  // cmd/kube-proxy/app/server.go: /proxyMode writes with fmt.Fprintf, so Go sniffs text/plain.
  it('/proxyMode with -i: the head Go writes for a handler that sets no header', () => {
    expect(t.stdout('docker exec kind-worker curl -si localhost:10249/proxyMode')).toMatch(
      /^HTTP\/1\.1 200 OK\r\nDate: [^\r]+ GMT\r\nContent-Length: 8\r\nContent-Type: text\/plain; charset=utf-8\r\n\r\niptables$/,
    );
  });

  // net/http NotFound (http.Error): text/plain, nosniff, "404 page not found\n"; curl -f gives up with 22.
  it('an unknown path is 404 page not found', () => {
    expect(t.stdout('docker exec kind-worker curl -si localhost:10256/metrics')).toMatch(
      /^HTTP\/1\.1 404 Not Found\r\nContent-Type: text\/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nDate: [^\r]+\r\nContent-Length: 19\r\n\r\n404 page not found\n$/,
    );
    expect(t.run('docker exec kind-worker curl -sSf localhost:10256/metrics')).toBe('curl: (22) The requested URL returned error: 404\n');
  });

  // proxy_health.go healthzHandler: application/json + nosniff, 200 while healthy; /livez leaves out nodeEligible.
  it('/healthz and /livez answer on every node, from the node and from the workstation', () => {
    for (const [node, ip] of [['kind-control-plane', '172.18.0.2'], ['kind-worker', '172.18.0.3'], ['kind-worker2', '172.18.0.4']]) {
      expect(t.stdout(`curl -si http://${ip}:10256/healthz`)).toMatch(/^HTTP\/1\.1 200 OK\r\nContent-Type: application\/json\r\nX-Content-Type-Options: nosniff\r\n.*"nodeEligible": true\}$/s);
      expect(t.stdout(`docker exec ${node} curl -s localhost:10256/livez`)).toMatch(/^\{"lastUpdated": "[^"]+","currentTime": "[^"]+"\}$/);
    }
  });

  // docker exec without -t: curl's stdout is a pipe, so the meter shows; -t gives it a terminal.
  it('the meter shows under docker exec without -t', () => {
    expect(t.run('docker exec kind-worker curl localhost:10249/proxyMode')).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '100     8  100     8    0     0   8000      0 --:--:-- --:--:-- --:--:--  8000\niptables',
    );
    expect(t.run('docker exec -it kind-worker curl localhost:10249/proxyMode')).toBe('iptables');
  });
});
