/**
 * Record types on the command line: nslookup -type=/-query= (BIND bin/dig/nslookup.c setoption and
 * printsection's "service = "; busybox networking/nslookup.c parse_reply's "%s\tservice = %u %u %u %s"),
 * dig -t TYPE (bin/dig/dighost.c dash_option), host (bin/dig/host.c: "has address", "has SRV record",
 * "Host %s not found: 3(NXDOMAIN)"), and curl -m/--max-time (lib/multi.c multi_handle_timeout:
 * "Connection timed out after N milliseconds", exit 28).
 */
import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

describe('DNS tools with a record type', () => {
  const t = appliedShell('bb.yaml');

  it('nslookup -type=SRV in both flavours', () => {
    expect(t.run('kubectl exec client -- nslookup -type=SRV web')).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nweb.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local.\n\n',
    );
    expect(t.run('kubectl exec bb -- nslookup -query=SRV web.default.svc.cluster.local')).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nweb.default.svc.cluster.local\tservice = 0 100 80 web.default.svc.cluster.local\n\n',
    );
    expect(t.run('kubectl exec client -- nslookup -debug web')).toBe('nslookup: -debug is not simulated here; dig shows the whole reply\ncommand terminated with exit code 1\n');
  });

  it('dig -t TYPE and dig TYPE NAME ask the same', () => {
    const a = t.run('kubectl exec client -- dig -t SRV web.default.svc.cluster.local +short');
    expect(a).toBe('0 100 80 web.default.svc.cluster.local.\n');
    expect(t.run('kubectl exec client -- dig SRV web.default.svc.cluster.local +short')).toBe(a);
    expect(t.run('kubectl exec client -- dig -tSRV web.default.svc.cluster.local +short')).toBe(a);
  });

  it('host with the search list, -t SRV, an address, and a name that does not exist', () => {
    expect(t.run('kubectl exec client -- host web')).toMatch(/^web\.default\.svc\.cluster\.local has address 10\.96\.\d+\.\d+\n$/);
    expect(t.run('kubectl exec client -- host -t SRV web.default.svc.cluster.local')).toBe('web.default.svc.cluster.local has SRV record 0 100 80 web.default.svc.cluster.local.\n');
    expect(t.run('kubectl exec client -- host 10.96.0.10')).toBe('10.0.96.10.in-addr.arpa domain name pointer kube-dns.kube-system.svc.cluster.local.\n');
    expect(t.result('kubectl exec client -- host nope')).toMatchObject({ exitCode: 1 });
    // busybox has no host: kubectl exec reports the runtime's error, as exec.test.ts pins it.
    expect(t.run('kubectl exec bb -- host web')).toContain('"host": executable file not found in $PATH');
  });
});

describe('curl -m', () => {
  it('gives up on a connect that hangs after the time given, as curl says it', () => {
    const t = appliedShell();
    expect(t.result('kubectl exec client -- curl -sS -m 3 http://10.96.0.99/')).toEqual({
      chunks: [{ stream: 'err', text: 'curl: (28) Connection timed out after 3001 milliseconds\n' }, { stream: 'err', text: 'command terminated with exit code 28\n' }],
      exitCode: 28,
    });
    expect(t.run('kubectl exec client -- curl -sS --max-time 0.5 http://10.96.0.99/')).toContain('Connection timed out after 501 milliseconds');
    expect(t.run('kubectl exec client -- curl -m x http://10.96.0.99/')).toContain("curl: option -m: expected a proper numerical parameter\n");
  });
});
