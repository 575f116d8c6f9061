import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

// busybox networking/traceroute.c (1.36): "traceroute to HOST (IP), 30 hops max, 46 byte packets",
// each hop "%2d" then print_inetname "  NAME (ADDR)" (ADDR twice without a PTR name; "  ADDR" with -n)
// and print_delta_ms "  %u.%03u ms" per probe, "  *" for a probe nothing answered.
const HOP = (n: number, addr: string) => new RegExp(`^ ?${n}  ${addr.replace(/\./g, '\\.')} \\(${addr.replace(/\./g, '\\.')}\\)(  \\d\\.\\d{3} ms){3}$`);

describe('busybox traceroute from a pod', () => {
  const t = appliedShell('bb.yaml');
  const pods = () => t.sim.cluster.store.list('Pod', 'default');
  const bb = () => pods().find((p) => p.metadata.name === 'bb')!;
  const node = (name: string) => t.sim.cluster.store.get('Node', undefined, name)!;
  const nodeIP = (name: string) => node(name).status.addresses.find((a) => a.type === 'InternalIP')!.address;
  const gateway = () => node(bb().spec.nodeName!).spec.podCIDR!.replace(/0\/24$/, '1');

  it('to a pod on another node: the node gateway, the other node, the pod (kindnet routes)', () => {
    const far = pods().find((p) => p.spec.nodeName !== bb().spec.nodeName && p.status.podIP)!;
    const lines = t.run(`kubectl exec bb -- traceroute ${far.status.podIP}`).trimEnd().split('\n');
    expect(lines[0]).toBe(`traceroute to ${far.status.podIP} (${far.status.podIP}), 30 hops max, 46 byte packets`);
    expect(lines.slice(1).map((l, i) => HOP(i + 1, [gateway(), nodeIP(far.spec.nodeName!), far.status.podIP!][i]!).test(l))).toEqual([true, true, true]);
  });

  it('to a pod on the same node: the gateway, then the pod', () => {
    const near = pods().find((p) => p.spec.nodeName === bb().spec.nodeName && p !== bb())!;
    const lines = t.run(`kubectl exec bb -- traceroute ${near.status.podIP}`).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(HOP(2, near.status.podIP!).test(lines[2]!)).toBe(true);
  });

  it('-n prints the address alone', () => {
    const ip = nodeIP('kind-worker');
    const text = t.run(`kubectl exec bb -- traceroute -n ${ip}`);
    expect(text.split('\n')[1]).toMatch(new RegExp(`^ 1  ${gateway().replace(/\./g, '\\.')}(  \\d\\.\\d{3} ms){3}$`));
  });

  it('to a ClusterIP in iptables mode: no rule takes the probes, they leave by the default route to the docker host and are lost beyond', () => {
    const lines = t.run('kubectl exec bb -- traceroute -m 4 web').trimEnd().split('\n');
    const ip = t.sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;
    expect(lines[0]).toBe(`traceroute to web (${ip}), 4 hops max, 46 byte packets`);
    expect(HOP(1, gateway()).test(lines[1]!)).toBe(true);
    expect(HOP(2, '172.18.0.1').test(lines[2]!)).toBe(true);
    expect(lines.slice(3)).toEqual([' 3  *  *  *', ' 4  *  *  *']);
  });

  it('a name that does not resolve is a bad address', () => {
    expect(t.run('kubectl exec bb -- traceroute nope')).toBe("traceroute: bad address 'nope'\ncommand terminated with exit code 1\n");
  });

  it('Alpine images such as agnhost keep busybox traceroute', () => {
    expect(t.run('kubectl exec client -- traceroute 10.244.0.1')).toContain('traceroute to 10.244.0.1');
  });
});
