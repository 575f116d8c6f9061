import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';
import { performRequest } from '../../sim/net/request';

// busybox networking/netstat.c (1.36): the header and FMT_NET_CONN_DATA "%s   %6lu %6lu %-23s %-23s %-12s",
// "(only servers)" with -l, "(w/o servers)" by default, "(servers and established)" with -a.
const HEAD = 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n';

const NGINX = `apiVersion: v1
kind: Pod
metadata:
  name: ng
spec:
  containers:
  - name: nginx
    image: nginx:1.27
  - name: tools
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

describe('busybox netstat in a pod', () => {
  const t = appliedShell('bb.yaml');

  it('-tln lists the sockets the pod listens on: agnhost serve-hostname is Go, listening dual-stack on :::9376', () => {
    expect(t.run('kubectl exec deploy/web -- netstat -tln')).toBe(
      'Active Internet connections (only servers)\n' + HEAD + 'tcp        0      0 :::9376                 :::*                    LISTEN      \n',
    );
  });

  it('-tn shows connected sockets only, and a pod that serves nothing lists none', () => {
    expect(t.run('kubectl exec deploy/web -- netstat -tn')).toBe('Active Internet connections (w/o servers)\n' + HEAD);
    expect(t.run('kubectl exec bb -- netstat -tln')).toBe('Active Internet connections (only servers)\n' + HEAD);
  });

  it('-an adds the UNIX sockets section', () => {
    expect(t.run('kubectl exec deploy/web -- netstat -an')).toBe(
      'Active Internet connections (servers and established)\n' +
        HEAD +
        'tcp        0      0 :::9376                 :::*                    LISTEN      \n' +
        'Active UNIX domain sockets (servers and established)\nProto RefCnt Flags       Type       State         I-Node Path\n',
    );
  });

  it('-p names the process: PID/argv0, cut to 20 columns', () => {
    expect(t.run('kubectl exec deploy/web -- netstat -tlnp')).toContain('LISTEN      1/agnhost\n');
  });

  it('a sidecar sees the sockets of the whole pod: nginx on 0.0.0.0:80 and [::]:80', () => {
    const s = appliedShell();
    s.sim.applyText(NGINX, 'ng.yaml', 'apply');
    s.sim.settle();
    expect(s.run('kubectl exec ng -c tools -- netstat -tln')).toBe(
      'Active Internet connections (only servers)\n' +
        HEAD +
        'tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      \n' +
        'tcp        0      0 :::80                   :::*                    LISTEN      \n',
    );
    // nginx's image (Debian) has no netstat: the exec fails as the runtime says.
    expect(s.run('kubectl exec ng -c nginx -- netstat -tln')).toContain('exec: "netstat": executable file not found in $PATH');
  });

  it('an unknown option: getopt complains (glibc in busybox:1.36, musl in Alpine) and the usage follows, exit 1', () => {
    expect(t.run('kubectl exec bb -- netstat -Q')).toBe(
      "netstat: invalid option -- 'Q'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: netstat [-ral] [-tuwx] [-enWp]\ncommand terminated with exit code 1\n",
    );
    expect(t.run('kubectl exec client -- netstat -Q')).toMatch(/^netstat: unrecognized option: Q\n/);
  });

  // Linux keeps the side that closed first in TIME_WAIT for TCP_TIMEWAIT_LEN (60 s); curl closes first.
  it("after a curl the client's socket stays in TIME_WAIT for 60 s, addressed to the ClusterIP it dialled", () => {
    const s = appliedShell();
    s.run('kubectl exec client -- curl -s http://web/');
    const ip = s.sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;
    const client = s.sim.cluster.store.get('Pod', 'default', 'client')!.status.podIP!;
    const lines = s.run('kubectl exec client -- netstat -tn').split('\n');
    expect(lines[2]).toMatch(new RegExp(`^tcp {8}0 {6}0 ${client.replace(/\./g, '\\.')}:\\d{5} +${ip.replace(/\./g, '\\.')}:80 +TIME_WAIT {3}$`));
    expect(lines[2]!.length).toBe(3 + 3 + 6 + 1 + 6 + 1 + 23 + 1 + 23 + 1 + 12);
    s.sim.advance(61);
    expect(s.run('kubectl exec client -- netstat -tn')).toBe('Active Internet connections (w/o servers)\n' + HEAD);
  });

  // A kept-alive connection (a keep-alive client such as the request bar's load): ESTABLISHED on
  // both ends; agnhost's Go server holds its end on the dual-stack socket, as ::ffff:ADDR.
  it('a kept-alive connection is ESTABLISHED at the client and at the serving pod', () => {
    const s = appliedShell();
    const client = s.sim.cluster.store.get('Pod', 'default', 'client')!;
    const res = performRequest(s.sim, s.shell.plane, { kind: 'pod', pod: client }, 'http://web/', { reuseConnection: true });
    const server = res.servedBy!;
    expect(s.run('kubectl exec client -- netstat -tn')).toMatch(new RegExp(`\\n${'tcp'} +0 +0 ${client.status.podIP!.replace(/\./g, '\\.')}:\\d+ +[\\d.]+:80 +ESTABLISHED {1}`));
    const text = s.run(`kubectl exec ${server.metadata.name} -- netstat -tnp`);
    expect(text).toMatch(new RegExp(`::ffff:${server.status.podIP!.replace(/\./g, '\\.')}:9376 +::ffff:[\\d.]+:\\d+ +ESTABLISHED 1/agnhost\\n$`));
  });
});

