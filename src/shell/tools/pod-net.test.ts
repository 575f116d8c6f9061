import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('ip, ifconfig and ping inside pods', () => {
  const t = appliedShell('bb.yaml');
  const pod = (name: string) => t.sim.cluster.store.get('Pod', 'default', name)!;
  const node = (name: string) => t.sim.cluster.store.get('Node', undefined, pod(name).spec.nodeName!)!;

  // kindnet's CNI config (ptp + host-local over the node's podCIDR, a 0.0.0.0/0 route);
  // containernetworking/plugins plugins/main/ptp/ptp.go: the subnet route is replaced by a
  // link route to the gateway and the subnet via it. busybox networking/libiproute/iproute.c
  // prints each field with a trailing space.
  it('ip route: default and the podCIDR via the node-side gateway (.1), the gateway on the link', () => {
    const ip = pod('bb').status.podIP!;
    const cidr = node('bb').spec.podCIDR;
    const gw = cidr.replace(/\.0\/24$/, '.1');
    expect(t.run('kubectl exec bb -- ip route')).toBe(`default via ${gw} dev eth0 \n${cidr} via ${gw} dev eth0 src ${ip} \n${gw} dev eth0 scope link src ${ip} \n`);
  });

  it('ip addr: lo, then eth0@ifN with the pod IP and the podCIDR mask', () => {
    const text = t.run('kubectl exec bb -- ip addr');
    expect(text.startsWith('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127.0.0.1/8 scope host lo\n')).toBe(true);
    expect(text).toMatch(/^2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue $/m);
    expect(text).toContain(`    inet ${pod('bb').status.podIP}/24 brd ${pod('bb').status.podIP!.replace(/\.\d+$/, '.255')} scope global eth0\n`);
  });

  it("the pod's eth0@ifN names its node's veth, which holds the gateway address", () => {
    const n = /eth0@if(\d+)/.exec(t.run('kubectl exec bb -- ip addr'))![1];
    const nodeAddr = t.run(`docker exec ${node('bb').metadata.name} ip addr`);
    expect(nodeAddr).toMatch(new RegExp(`^${n}: veth[0-9a-f]{8}@if2: `, 'm'));
  });

  it('ifconfig prints eth0 before lo, with busybox\'s Bcast and Mask', () => {
    const text = t.run('kubectl exec bb -- ifconfig');
    expect(text).toMatch(/^eth0 {6}Link encap:Ethernet {2}HWaddr [0-9A-F:]{17} {2}\n {10}inet addr:10\.244\.\d+\.\d+ {2}Bcast:10\.244\.\d+\.255 {2}Mask:255\.255\.255\.0\n/);
    expect(text).toContain('\nlo        Link encap:Local Loopback  \n');
  });

  // busybox networking/ping.c: "PING %s (%s): %d data bytes", "seq=%u ttl=%d time=..." and the
  // statistics; exit 1 when nothing was received.
  it('a pod answers ping; TTL 62 from another node (two routing hops)', () => {
    const other = t.sim.cluster.store.list('Pod').find((p) => p.metadata.labels?.app === 'web' && p.spec.nodeName !== pod('bb').spec.nodeName)!;
    const text = t.run(`kubectl exec bb -- ping -c 2 ${other.status.podIP}`);
    expect(text).toMatch(new RegExp(`^PING ${other.status.podIP} \\(${other.status.podIP}\\): 56 data bytes\n64 bytes from ${other.status.podIP}: seq=0 ttl=62 time=\\d\\.\\d{3} ms\n`));
    expect(text).toContain('2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = ');
  });

  // k8s-semantics: in iptables mode nothing holds a ClusterIP and no rule matches ICMP to it.
  it('a ClusterIP does not answer ping in iptables mode', () => {
    const r = t.result('kubectl exec bb -- ping -c 3 kubernetes');
    expect(r.exitCode).toBe(1);
    expect(t.run('kubectl exec bb -- ping -c 3 kubernetes')).toBe(
      'PING kubernetes (10.96.0.1): 56 data bytes\n\n--- kubernetes ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\ncommand terminated with exit code 1\n',
    );
  });

  it("ping of an unknown name is busybox's bad address", () => {
    expect(t.run('kubectl exec bb -- ping -c 1 nope')).toBe("ping: bad address 'nope'\ncommand terminated with exit code 1\n");
  });

  it('nginx (Debian) has no ip or ping', () => {
    const s = testShell();
    s.run('kubectl run ng --image=nginx');
    expect(s.run('kubectl exec ng -- ping -c 1 10.96.0.1')).toContain('exec: "ping": executable file not found in $PATH: unknown\n');
    expect(s.run('kubectl exec ng -- ip addr')).toContain('exec: "ip": executable file not found in $PATH: unknown\n');
  });
});
