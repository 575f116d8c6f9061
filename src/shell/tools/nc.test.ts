import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

// netcat-openbsd's connection_info() / remote_connect() wording (Debian's port, as Alpine
// ships it in agnhost) and busybox nc_bloaty.c's.
describe('nc -zv', () => {
  const t = appliedShell('bb.yaml', 'empty.yaml');

  it('agnhost (netcat-openbsd): succeeded, refused, unresolvable', () => {
    expect(t.run('kubectl exec client -- nc -zv web 80')).toMatch(/^Connection to web \(10\.96\.\d+\.\d+\) 80 port \[tcp\/http\] succeeded!\n$/);
    const ip = t.sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'web')!.status.podIP!;
    expect(t.run(`kubectl exec client -- nc -zv ${ip} 9376`)).toBe(`Connection to ${ip} 9376 port [tcp/*] succeeded!\n`);
    expect(t.run('kubectl exec client -- nc -zv empty 80')).toBe('nc: connect to empty port 80 (tcp) failed: Connection refused\ncommand terminated with exit code 1\n');
    expect(t.run(`kubectl exec client -- nc -zv ${ip} 81`)).toBe(`nc: connect to ${ip} port 81 (tcp) failed: Connection refused\ncommand terminated with exit code 1\n`);
    expect(t.run('kubectl exec client -- nc -zv nope 80')).toBe('nc: getaddrinfo for host "nope" port 80: Name does not resolve\ncommand terminated with exit code 1\n');
  });

  it('busybox: "open", a quiet refusal with one -v', () => {
    expect(t.run('kubectl exec bb -- nc -zv web 80')).toMatch(/^web \(10\.96\.\d+\.\d+:80\) open\n$/);
    expect(t.run('kubectl exec bb -- nc -zv empty 80')).toBe('command terminated with exit code 1\n');
    expect(t.run('kubectl exec bb -- nc -zvv empty 80')).toMatch(/^nc: empty \(10\.96\.\d+\.\d+:80\): Connection refused\ncommand terminated with exit code 1\n$/);
  });

  it('leaves the connection in TIME_WAIT with no HTTP exchange', () => {
    const r = t.run('kubectl exec client -- nc -zv web 80');
    expect(r).toContain('succeeded');
    expect(t.run('docker exec kind-worker conntrack -L') + t.run('docker exec kind-worker2 conntrack -L')).toMatch(/tcp {6}6 120 TIME_WAIT src=10\.244\.\d+\.\d+ dst=10\.96\.\d+\.\d+ sport=\d+ dport=80 /);
  });
});

describe('curl and wget failure texts', () => {
  const t = appliedShell('bb.yaml', 'empty.yaml');

  it('curl -v shows the failed connect in curl 8 words', () => {
    expect(t.run('kubectl exec client -- curl -sv http://empty/')).toMatch(
      /^\* Host empty:80 was resolved\.\n\* IPv6: \(none\)\n\* IPv4: (10\.96\.\d+\.\d+)\n\* {3}Trying \1:80\.\.\.\n\* connect to \1 port 80 from 10\.244\.\d+\.\d+ port \d+ failed: Connection refused\n\* Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n\* closing connection #0\ncommand terminated with exit code 7\n$/,
    );
    expect(t.run('kubectl exec client -- curl -sv http://nope/')).toBe('* Could not resolve host: nope\n* closing connection #0\ncommand terminated with exit code 6\n');
  });

  // The socket error is the container's libc strerror: busybox:1.36 is Docker Hub's glibc build
  // (glibc sysdeps/gnu/errlist.h), agnhost is Alpine, musl (musl src/errno/__strerror.h).
  it('timeouts and unreachable hosts, from a pod and from the workstation', () => {
    expect(t.run('kubectl exec bb -- wget -qO- http://web:81/')).toMatch(/^wget: can't connect to remote host \(10\.96\.\d+\.\d+\): Connection timed out\ncommand terminated with exit code 1\n$/);
    expect(t.run('kubectl exec client -- wget -qO- http://web:81/')).toMatch(/^wget: can't connect to remote host \(10\.96\.\d+\.\d+\): Operation timed out\ncommand terminated with exit code 1\n$/);
    expect(t.run('kubectl exec client -- nc -zv web 81')).toMatch(/^nc: connect to web port 81 \(tcp\) failed: Operation timed out\ncommand terminated with exit code 1\n$/);
    expect(t.run('kubectl exec client -- curl -sv http://web:81/')).toMatch(/\* connect to 10\.96\.\d+\.\d+ port 81 from 10\.244\.\d+\.\d+ port \d+ failed: Operation timed out\n/);
    expect(t.run('curl -s http://10.96.0.1/')).toBe('');
    expect(t.run('curl -sS http://10.96.0.1/')).toBe("curl: (28) Failed to connect to 10.96.0.1 port 80 after 134000 ms: Couldn't connect to server\n");
    expect(t.run('curl -sS http://172.18.0.99/')).toBe("curl: (7) Failed to connect to 172.18.0.99 port 80 after 3068 ms: Couldn't connect to server\n");
    expect(t.run('kubectl exec bb -- wget -qO- http://172.18.0.99/')).toBe("wget: can't connect to remote host (172.18.0.99): No route to host\ncommand terminated with exit code 1\n");
    expect(t.run('kubectl exec client -- nc -zv 172.18.0.99 80')).toBe('nc: connect to 172.18.0.99 port 80 (tcp) failed: Host is unreachable\ncommand terminated with exit code 1\n');
    expect(t.run('kubectl exec client -- wget -qO- http://172.18.0.99/')).toBe("wget: can't connect to remote host (172.18.0.99): Host is unreachable\ncommand terminated with exit code 1\n");
  });
});
