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
    // Piped (kubectl exec without -t), stdout is fully buffered: the body comes when curl exits.
    expect(text).toMatch(/\{ \[20 bytes data\]\n\* Connection #0 to host web left intact\nweb-\S+$/);
  });

  it('rejects unknown options as curl does', () => {
    expect(t.run('kubectl exec client -- curl --bogus http://web/')).toBe(
      "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\ncommand terminated with exit code 2\n",
    );
  });

  it('-v without -s interleaves the trace with the meter: its first update has no newline, the last comes with the body', () => {
    // lib/progress.c writes each update with a leading \r and the final \n only when done; a
    // curl 8.12.1 run piped shows "  0 ... 0*   Trying" (the meter's first update, then the trace).
    const text = t.run('kubectl exec client -- curl -v http://web/');
    const start = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';
    expect(text).toMatch(new RegExp(`^\\* Host web:80 was resolved\\.\\n\\* IPv6: \\(none\\)\\n\\* IPv4: [\\d.]+\\n`));
    expect(text).toContain(METER_HEAD + start + '*   Trying 10.96.');
    expect(text).toContain('{ [20 bytes data]\n100    20  100    20    0     0  20000      0 --:--:-- --:--:-- --:--:-- 20000\n* Connection #0 to host web left intact\nweb-');
  });

  it('-v on a refused connect: the last meter update comes between the failure and the closing', () => {
    const text = t.run('kubectl exec client -- curl -v http://empty/');
    expect(text).toMatch(
      new RegExp(
        '\\n {2}0 {5}0 {4}0 {5}0 {4}0 {5}0 {6}0 {6}0 --:--:-- --:--:-- --:--:-- {5}0\\*   Trying [\\d.]+:80\\.\\.\\.\\n' +
          '\\* connect to [\\d.]+ port 80 from [\\d.]+ port \\d+ failed: Connection refused\\n' +
          "\\* Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\\n" +
          ' {2}0 {5}0 {4}0 {5}0 {4}0 {5}0 {6}0 {6}0 --:--:-- --:--:-- --:--:-- {5}0\\n' +
          "\\* closing connection #0\\ncurl: \\(7\\) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\\n",
      ),
    );
  });

  it('a timeout shows the time spent in the meter (lib/progress.c time2str)', () => {
    expect(t.run('kubectl exec client -- curl -m 2 http://web:8080/')).toBe(
      METER_HEAD +
        '  0     0    0     0    0     0      0      0 --:--:--  0:00:02 --:--:--     0\n' +
        'curl: (28) Connection timed out after 2001 milliseconds\ncommand terminated with exit code 28\n',
    );
  });
});

describe("curl's progress meter follows whether stdout is a terminal (src/tool_operate.c: isatty(stdout) switches it off)", () => {
  const t = appliedShell('empty.yaml');

  it('kubectl exec -it gives curl a terminal: no meter, just the body', () => {
    expect(t.result('kubectl exec -it client -- curl http://web/').chunks).toEqual([{ stream: 'out', text: expect.stringMatching(/^web-/) }]);
    expect(t.result('kubectl exec -i -t client -- curl http://web/').chunks).toHaveLength(1);
  });

  it('-t without -i is no terminal: kubectl turns the TTY off (cmd/exec/exec.go SetupTTY)', () => {
    expect(t.run('kubectl exec -t client -- curl http://web/')).toContain(METER_HEAD);
  });

  it('in an attached shell the body goes to the terminal; piped on or sent to /dev/null it does not', () => {
    t.run('kubectl exec -it client -- sh');
    expect(t.result('curl http://web/').chunks).toEqual([{ stream: 'out', text: expect.stringMatching(/^web-/) }]);
    const piped = t.run('curl http://web/ | wc -c');
    expect(piped).toBe(METER_HEAD + '100    20  100    20    0     0  20000      0 --:--:-- --:--:-- --:--:-- 20000\n20\n');
    expect(t.run('curl http://web/ >/dev/null')).toBe(METER_HEAD + '100    20  100    20    0     0  20000      0 --:--:-- --:--:-- --:--:-- 20000\n');
    expect(t.run('for i in 1; do curl http://web/; done >/dev/null')).toContain(METER_HEAD);
    expect(t.run('curl -s http://web/ >/dev/null')).toBe('');
    t.run('exit');
  });

  it('sh -c inside kubectl exec -it keeps the terminal', () => {
    expect(t.result("kubectl exec -it client -- sh -c 'curl http://web/'").chunks).toHaveLength(1);
    expect(t.run("kubectl exec client -- sh -c 'curl http://web/'")).toContain(METER_HEAD);
  });

  it('-v to a terminal: no meter and no "{ [N bytes data]" note (src/tool_cb_dbg.c)', () => {
    const text = t.run('kubectl exec -it client -- curl -v http://web/');
    expect(text).not.toContain('Dload');
    expect(text).not.toContain('bytes data');
    // Line-buffered stdout: a body with no newline is flushed when curl exits, after its last trace line.
    expect(text).toMatch(/< \n\* Connection #0 to host web left intact\nweb-\S+$/);
  });
});

// src/tool_writeout.c: %{http_code} as %03ld, \n escapes, "curl: unknown --write-out variable: 'NAME'".
describe('curl -o and -w', () => {
  const t = appliedShell('empty.yaml');

  it('-s -o /dev/null -w "%{http_code}\\n": just the status', () => {
    expect(t.result(`kubectl exec client -- curl -s -o /dev/null -w '%{http_code}\\n' http://web/`)).toEqual({ chunks: [{ stream: 'out', text: '200\n' }], exitCode: 0 });
  });

  it('a failed connect writes 000 after the error', () => {
    expect(t.run(`kubectl exec client -- curl -sS -o /dev/null -w '%{http_code} %{exitcode}\\n' http://empty/`)).toBe(
      "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n000 7\ncommand terminated with exit code 7\n",
    );
  });

  it('the connection and the size, and an unknown variable is reported', () => {
    const text = t.stdout(`kubectl exec client -- curl -s -w '%{remote_ip}:%{remote_port} %{size_download} %{url_effective}' -o/dev/null web`);
    const ip = t.sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;
    expect(text).toBe(`${ip}:80 20 http://web/`);
    expect(t.run(`kubectl exec client -- curl -s -o /dev/null -w '%{nope}' http://web/`)).toBe("curl: unknown --write-out variable: 'nope'\n");
  });

  it('-o sends the body to a file, so the meter shows even on a terminal', () => {
    const text = t.run('kubectl exec -it client -- curl -o /dev/null http://web/');
    expect(text).toBe(METER_HEAD + '100    20  100    20    0     0  20000      0 --:--:-- --:--:-- --:--:-- 20000\n');
  });

  // kubectl run -t gives the container a terminal (spec.containers[].tty); -i alone attaches pipes.
  it('kubectl run -i shows the meter, kubectl run -it does not', () => {
    const piped = t.run('kubectl run c1 --image=curlimages/curl -i --rm --restart=Never -- curl http://web/');
    expect(piped).toContain(METER_HEAD);
    const tty = t.run('kubectl run c2 --image=curlimages/curl -it --rm --restart=Never -- curl http://web/');
    expect(tty).not.toContain('Dload');
    expect(tty).toMatch(/^web-\S+/);
  });
});

