// CoreDNS kubernetes plugin answers with kubeadm's Corefile (ttl 30, pods insecure).
// coredns/coredns plugin/kubernetes (kubernetes.go findServices/findPods, parse.go parseRequest,
// object/endpoint.go endpointHostname), plugin/backend_lookup.go SRV; k/k cmd/kubeadm/app/phases/addons/dns/manifests.go (ttl 30).
import { describe, expect, it } from 'vitest';
import { apply, newSim, pod, podYaml, serviceYaml, svc } from '../test-helpers';
import type { Simulation } from '../simulation';
import { answer, upstreamSoa } from './records';
import { addressFromReverse, reverseName } from './reverse';

const Z = 'svc.cluster.local.';
function cluster(): Simulation {
  const sim = newSim();
  const ports = '  ports:\n  - name: http\n    port: 80\n    targetPort: web\n  - name: metrics\n    port: 9000\n    protocol: UDP\n';
  const withPort = { ports: '    - name: web\n      containerPort: 8080' };
  apply(sim, [
    serviceYaml('web', `  selector:\n    app: web\n${ports}`),
    serviceYaml('db', `  clusterIP: None\n  selector:\n    app: db\n${ports}`),
    serviceYaml('empty', '  clusterIP: None\n  selector:\n    app: none\n  ports:\n  - port: 80\n'),
    serviceYaml('ext', '  type: ExternalName\n  externalName: db.example.com\n'),
    podYaml('web-1', { app: 'web' }, withPort),
    podYaml('db-1', { app: 'db' }, withPort),
    podYaml('db-2', { app: 'db' }, withPort).replace('spec:\n', 'spec:\n  hostname: primary\n  subdomain: db\n'),
    podYaml('db-3', { app: 'db' }, { ...withPort, readyAfter: 60 }),
  ].join('---\n'));
  return sim;
}
const data = (r: ReturnType<typeof answer>) => r.answers.map((a) => `${a.type} ${a.data}`);

describe('ClusterIP Service', () => {
  it('A for the ClusterIP with ttl 30, authoritative', () => {
    const sim = cluster();
    const r = answer(sim.dnsContext(), `web.default.${Z}`, 'A');
    expect(r).toMatchObject({ rcode: 'NOERROR', authoritative: true });
    expect(r.answers).toEqual([{ name: `web.default.${Z}`, ttl: 30, type: 'A', data: svc(sim, 'web').spec.clusterIP }]);
  });

  it('exists even without endpoints; AAAA is NODATA', () => {
    const sim = newSim();
    apply(sim, serviceYaml('lonely', '  selector:\n    app: x\n  ports:\n  - port: 80\n'));
    expect(answer(sim.dnsContext(), `lonely.default.${Z}`, 'A').answers).toHaveLength(1);
    expect(answer(sim.dnsContext(), `lonely.default.${Z}`, 'AAAA')).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });

  it('SRV per port: target the Service FQDN, the Service port, weight floor(100/n), one additional A', () => {
    const sim = cluster();
    const r = answer(sim.dnsContext(), `web.default.${Z}`, 'SRV');
    expect(data(r)).toEqual([`SRV 0 50 80 web.default.${Z}`, `SRV 0 50 9000 web.default.${Z}`]);
    expect(r.additional).toEqual([{ name: `web.default.${Z}`, ttl: 30, type: 'A', data: svc(sim, 'web').spec.clusterIP }]);
  });

  it('_port._proto SRV selects one port; an unknown port name is NXDOMAIN', () => {
    const sim = cluster();
    expect(data(answer(sim.dnsContext(), `_metrics._udp.web.default.${Z}`, 'SRV'))).toEqual([`SRV 0 100 9000 web.default.${Z}`]);
    expect(answer(sim.dnsContext(), `_nope._tcp.web.default.${Z}`, 'SRV').rcode).toBe('NXDOMAIN');
  });

  it('answers endpoint names (dashed IP) for a ClusterIP Service too', () => {
    const sim = cluster();
    const ip = pod(sim, 'web-1').status.podIP!;
    expect(data(answer(sim.dnsContext(), `${ip.replace(/\./g, '-')}.web.default.${Z}`, 'A'))).toEqual([`A ${ip}`]);
  });
});

describe('headless Service', () => {
  it('one A per ready endpoint, unready ones left out', () => {
    const sim = cluster();
    const r = answer(sim.dnsContext(), `db.default.${Z}`, 'A');
    expect(data(r).sort()).toEqual([`A ${pod(sim, 'db-1').status.podIP}`, `A ${pod(sim, 'db-2').status.podIP}`].sort());
  });

  it('the A records come in a shuffled order from query to query (kubeadm\'s Corefile: loadbalance, coredns plugin/loadbalance/loadbalance.go round_robin), the same for the same seed', () => {
    const orders = (sim: Simulation) => Array.from({ length: 8 }, () => data(answer(sim.dnsContext(), `db.default.${Z}`, 'A')).join(','));
    const seen = orders(cluster());
    expect(new Set(seen).size).toBe(2);
    expect(orders(cluster())).toEqual(seen);
    // Without the plugin's draws (a bare context) the order stays put.
    const sim = cluster();
    const bare = { ...sim.dnsContext(), rng: undefined };
    expect(new Set(Array.from({ length: 8 }, () => data(answer(bare, `db.default.${Z}`, 'A')).join(','))).size).toBe(1);
  });

  it('per-endpoint names: hostname when set, else the dashed IP', () => {
    const sim = cluster();
    expect(data(answer(sim.dnsContext(), `primary.db.default.${Z}`, 'A'))).toEqual([`A ${pod(sim, 'db-2').status.podIP}`]);
    const ip1 = pod(sim, 'db-1').status.podIP!;
    expect(data(answer(sim.dnsContext(), `${ip1.replace(/\./g, '-')}.db.default.${Z}`, 'A'))).toEqual([`A ${ip1}`]);
  });

  it('SRV targets the endpoint FQDNs with the resolved target port', () => {
    const sim = cluster();
    const r = answer(sim.dnsContext(), `_http._tcp.db.default.${Z}`, 'SRV');
    const dashed = pod(sim, 'db-1').status.podIP!.replace(/\./g, '-');
    expect(data(r).sort()).toEqual([`SRV 0 50 8080 ${dashed}.db.default.${Z}`, `SRV 0 50 8080 primary.db.default.${Z}`].sort());
    expect(r.additional.map((a) => a.name).sort()).toEqual([`${dashed}.db.default.${Z}`, `primary.db.default.${Z}`].sort());
  });

  it('no ready endpoints: NXDOMAIN', () => {
    expect(answer(cluster().dnsContext(), `empty.default.${Z}`, 'A').rcode).toBe('NXDOMAIN');
  });
});

describe('ExternalName', () => {
  it('a CNAME to the external name, chased through the upstream resolver', () => {
    const r = answer(cluster().dnsContext(), `ext.default.${Z}`, 'A');
    expect(r.answers).toEqual([
      { name: `ext.default.${Z}`, ttl: 30, type: 'CNAME', data: 'db.example.com.' },
      { name: 'db.example.com.', ttl: 30, type: 'A', data: '93.184.215.20' },
    ]);
  });

  it('a target in the cluster: the CNAME, then the target Service\'s A record from the kubernetes plugin', () => {
    // coredns plugin/kubernetes: an ExternalName answers a CNAME; the server chases it in-zone (core/dnsserver, plugin/pkg/upstream).
    const sim = cluster();
    apply(sim, serviceYaml('alias', '  type: ExternalName\n  externalName: web.default.svc.cluster.local\n'));
    const r = answer(sim.dnsContext(), `alias.default.${Z}`, 'A');
    expect(r.answers).toEqual([
      { name: `alias.default.${Z}`, ttl: 30, type: 'CNAME', data: `web.default.${Z}` },
      { name: `web.default.${Z}`, ttl: 30, type: 'A', data: svc(sim, 'web').spec.clusterIP },
    ]);
  });

  it('an outside target the simulation does not know: the CNAME and a stand-in address (dns/upstream.ts)', () => {
    const sim = cluster();
    apply(sim, serviceYaml('pay', '  type: ExternalName\n  externalName: api.payments-provider.io\n'));
    const r = answer(sim.dnsContext(), `pay.default.${Z}`, 'A');
    expect(r.answers.map((a) => a.type)).toEqual(['CNAME', 'A']);
    expect(r.answers[1]!.data).toMatch(/^(198\.51\.100|203\.0\.113)\.\d+$/);
  });

  it('port/protocol labels are not supported for it: NXDOMAIN', () => {
    expect(answer(cluster().dnsContext(), `_http._tcp.ext.default.${Z}`, 'SRV').rcode).toBe('NXDOMAIN');
  });
});

describe('names that do not exist, and pods', () => {
  it('unknown Service or namespace: NXDOMAIN', () => {
    const ctx = cluster().dnsContext();
    expect(answer(ctx, `nope.default.${Z}`, 'A').rcode).toBe('NXDOMAIN');
    expect(answer(ctx, `web.nope.${Z}`, 'A').rcode).toBe('NXDOMAIN');
  });

  it('a namespace or the svc apex alone: NODATA', () => {
    const ctx = cluster().dnsContext();
    expect(answer(ctx, `default.${Z}`, 'A')).toMatchObject({ rcode: 'NOERROR', answers: [] });
    expect(answer(ctx, Z, 'A')).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });

  it('pods insecure: any dashed IPv4 in an existing namespace, NXDOMAIN otherwise', () => {
    const ctx = cluster().dnsContext();
    expect(data(answer(ctx, '10-244-9-9.default.pod.cluster.local.', 'A'))).toEqual(['A 10.244.9.9']);
    expect(answer(ctx, 'web.default.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
    expect(answer(ctx, '10-244-9-9.nope.pod.cluster.local.', 'A').rcode).toBe('NXDOMAIN');
  });

  it('names are case-insensitive; outside the zone goes upstream, non-authoritative', () => {
    const ctx = cluster().dnsContext();
    expect(answer(ctx, `WEB.Default.${Z}`, 'A').answers).toHaveLength(1);
    expect(answer(ctx, 'example.com', 'A')).toMatchObject({ rcode: 'NOERROR', authoritative: false, answers: [{ data: '93.184.215.14' }] });
    expect(answer(ctx, 'unknown.invalid', 'A')).toMatchObject({ rcode: 'NXDOMAIN', authoritative: false });
  });
});

// coredns/coredns plugin/kubernetes/reverse.go serviceRecordForIP as in CoreDNS v1.12.0 (coredns#6898,
// reverted in v1.12.1 by #7194), controller.go svcIPIndexFunc (ClusterIPs), handler.go (fallthrough);
// kubeadm's Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa { ... fallthrough in-addr.arpa ip6.arpa; ttl 30 }`.
describe('reverse lookups (PTR in in-addr.arpa)', () => {
  const rev = (ip: string) => reverseName(ip);

  it('a ClusterIP answers with the Service name, authoritative, ttl 30', () => {
    const sim = cluster();
    const ip = svc(sim, 'web').spec.clusterIP!;
    const r = answer(sim.dnsContext(), rev(ip), 'PTR');
    expect(r).toMatchObject({ rcode: 'NOERROR', authoritative: true });
    expect(r.answers).toEqual([{ name: rev(ip), ttl: 30, type: 'PTR', data: `web.default.${Z}` }]);
    expect(data(answer(sim.dnsContext(), rev('10.96.0.10'), 'PTR'))).toEqual(['PTR kube-dns.kube-system.svc.cluster.local.']);
  });

  it('an endpoint with a hostname answers <hostname>.<svc>.<ns>.svc.<zone>', () => {
    const sim = cluster();
    expect(data(answer(sim.dnsContext(), rev(pod(sim, 'db-2').status.podIP!), 'PTR'))).toEqual([`PTR primary.db.default.${Z}`]);
  });

  it('an endpoint without a hostname has no PTR in v1.12.0 (headless or not): it falls through to the upstream, NXDOMAIN', () => {
    const sim = cluster();
    for (const name of ['db-1', 'web-1']) {
      const r = answer(sim.dnsContext(), rev(pod(sim, name).status.podIP!), 'PTR');
      expect(r).toMatchObject({ rcode: 'NXDOMAIN', authoritative: false, answers: [] });
    }
  });

  it('an unready endpoint is not published, even with a hostname', () => {
    const sim = newSim();
    apply(sim, [
      serviceYaml('db', '  clusterIP: None\n  selector:\n    app: db\n  ports:\n  - port: 80\n'),
      podYaml('db-9', { app: 'db' }, { readyAfter: 60 }).replace('spec:\n', 'spec:\n  hostname: late\n  subdomain: db\n'),
    ].join('---\n'));
    expect(answer(sim.dnsContext(), rev(pod(sim, 'db-9').status.podIP!), 'PTR').rcode).toBe('NXDOMAIN');
    sim.advance(120);
    expect(data(answer(sim.dnsContext(), rev(pod(sim, 'db-9').status.podIP!), 'PTR'))).toEqual([`PTR late.db.default.${Z}`]);
  });

  it('an address nobody owns, a partial reverse name, or another type: fallthrough to forward', () => {
    const ctx = cluster().dnsContext();
    expect(answer(ctx, rev('10.96.99.99'), 'PTR')).toMatchObject({ rcode: 'NXDOMAIN', authoritative: false });
    expect(answer(ctx, '96.10.in-addr.arpa.', 'PTR')).toMatchObject({ rcode: 'NXDOMAIN', authoritative: false });
    expect(answer(ctx, rev('10.96.0.10'), 'A')).toMatchObject({ rcode: 'NXDOMAIN', authoritative: false });
  });

  it('the upstream answers private reverse zones as AS112 does (RFC 6304), other names with the root SOA', () => {
    expect(upstreamSoa(rev('10.96.99.99'))).toMatchObject({ name: '10.in-addr.arpa.', type: 'SOA', data: 'prisoner.iana.org. hostmaster.root-servers.org. 1 604800 60 604800 604800' });
    expect(upstreamSoa(rev('172.18.0.2')).name).toBe('18.172.in-addr.arpa.');
    expect(upstreamSoa(rev('192.168.1.1')).name).toBe('168.192.in-addr.arpa.');
    expect(upstreamSoa(rev('8.8.8.8')).name).toBe('.');
    expect(upstreamSoa('unknown.invalid.').name).toBe('.');
  });
});

describe('reverse names', () => {
  it('spell the octets backwards under in-addr.arpa, and back', () => {
    expect(reverseName('10.96.0.10')).toBe('10.0.96.10.in-addr.arpa.');
    expect(addressFromReverse('10.0.96.10.in-addr.arpa.')).toBe('10.96.0.10');
    expect(addressFromReverse('0.96.10.in-addr.arpa.')).toBeUndefined();
    expect(addressFromReverse('x.0.96.10.in-addr.arpa.')).toBeUndefined();
  });
});
