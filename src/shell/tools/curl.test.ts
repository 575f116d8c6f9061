import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

// curl 8 texts: lib/connect.c ("Failed to connect to H port P after N ms: <strerror>"),
// lib/strerror.c (CURLE_COULDNT_CONNECT "Couldn't connect to server"), lib/progress.c (the meter).
const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

describe('curl inside a pod', () => {
  const t = appliedShell('empty.yaml');

  it('-s prints just the body, which has no trailing newline', () => {
    expect(t.result('kubectl exec client -- curl -s http://web/')).toEqual({
      chunks: [{ stream: 'out', text: expect.stringMatching(/^web-[a-z0-9]+-[a-z0-9]{5}$/) }],
      exitCode: 0,
    });
  });

  it('without -s prints the progress meter on stderr (stdout is not a terminal under kubectl exec)', () => {
    const r = t.result('kubectl exec client -- curl http://web/');
    expect(r.chunks[0]).toEqual({ stream: 'err', text: METER_HEAD });
    expect(r.chunks[1]).toEqual({ stream: 'err', text: '100    20  100    20    0     0  20000      0 --:--:-- --:--:-- --:--:-- 20000\n' });
  });

  it('a Service without endpoints is REJECTed: (7) Failed to connect, silent with -s, shown with -sS', () => {
    expect(t.run('kubectl exec client -- curl -s http://empty/')).toBe('command terminated with exit code 7\n');
    expect(t.run('kubectl exec client -- curl -sS http://empty/')).toBe(
      "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
    );
    expect(t.run('kubectl exec client -- curl http://empty/')).toBe(
      METER_HEAD +
        '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n' +
        "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
    );
  });

  it('an unknown name is (6) Could not resolve host', () => {
    expect(t.run('kubectl exec client -- curl -sS http://nope/')).toBe('curl: (6) Could not resolve host: nope\ncommand terminated with exit code 6\n');
  });

  it('a port the Service does not declare times out (28)', () => {
    expect(t.result('kubectl exec client -- curl -s http://web:8080/').exitCode).toBe(28);
  });

  it('-v traces the exchange on stderr as curl 8.12 does', () => {
    const text = t.run('kubectl exec client -- curl -sv http://web/');
    expect(text).toMatch(/^\* Host web:80 was resolved\.\n\* IPv6: \(none\)\n\* IPv4: 10\.96\.\d+\.\d+\n\* {3}Trying 10\.96\.\d+\.\d+:80\.\.\.\n/);
    expect(text).toContain('* using HTTP/1.x\n> GET / HTTP/1.1\n> Host: web\n> User-Agent: curl/8.12.1\n> Accept: */*\n> \n* Request completely sent off\n< HTTP/1.1 200 OK\n');
    expect(text).toMatch(/< Date: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\n/);
    expect(text).toMatch(/\{ \[20 bytes data\]\nweb-\S+\* Connection #0 to host web left intact\n$/);
  });

  it('rejects unknown options as curl does', () => {
    expect(t.run('kubectl exec client -- curl --bogus http://web/')).toBe(
      "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\ncommand terminated with exit code 2\n",
    );
  });
});
