// The delay between an edit of the coredns ConfigMap and CoreDNS using it:
// the kubelet's pod resync, wait.Jitter(1m, 0.5) (k/k pkg/kubelet/pod_workers.go wrapUp), then the
// reload plugin's ticker, 30s with a jitter in [-7.5s, 7.5s) (coredns plugin/reload/setup.go), and its
// log lines (coredns/caddy caddy.go Restart; plugin/reload/reload.go).
import { describe, expect, it } from 'vitest';
import { corednsAt, RELOAD_LINES_KEPT, type CorefileVersion } from './coredns-runtime';
import { corefile } from '../scenario/system-configmaps';
import { corefileDigest } from './corefile';

const BASE = corefile('cluster.local');
const WITH_LOG = BASE.replace('.:53 {\n', '.:53 {\n    log\n');
const digest = (t: string) => (corefileDigest(t) as { digest: string }).digest;

function at(history: CorefileVersion[], now: number, key = 'uid-a') {
  return corednsAt(key, 0, history, now);
}

describe('CoreDNS reloading its Corefile', () => {
  it('runs the Corefile it started with while nothing changes', () => {
    const r = at([{ at: 0, text: BASE }], 3600);
    expect(r.digest).toBe(digest(BASE));
    expect(r.lines).toEqual([]);
    expect(r.config.log).toBe(false);
  });

  it('reloads an edit after the kubelet synced the volume (60-90 s) and the next reload tick (22.5-37.5 s)', () => {
    const history = [{ at: 0, text: BASE }, { at: 100, text: WITH_LOG }];
    const r = at(history, 400);
    expect(r.config.log).toBe(true);
    expect(r.lines.map((l) => l.text)).toEqual(['[INFO] Reloading', `[INFO] plugin/reload: Running configuration SHA512 = ${digest(WITH_LOG)}`, '[INFO] Reloading complete']);
    const when = r.lines[0]!.at;
    expect(when).toBeGreaterThan(100);
    expect(when).toBeLessThanOrEqual(100 + 90 + 37.5);
    // Before that moment the old Corefile still serves; from it on, the new one.
    expect(at(history, when - 0.001).config.log).toBe(false);
    expect(at(history, when).config.log).toBe(true);
  });

  it('is deterministic per pod, and two pods reload at their own moments', () => {
    const history = [{ at: 0, text: BASE }, { at: 100, text: WITH_LOG }];
    expect(at(history, 400, 'uid-a').lines[0]!.at).toBe(at(history, 400, 'uid-a').lines[0]!.at);
    const times = ['uid-a', 'uid-b', 'uid-c', 'uid-d'].map((k) => at(history, 400, k).lines[0]!.at);
    expect(new Set(times).size).toBeGreaterThan(1);
  });

  it('a Corefile that does not parse: a warning on every tick, the old configuration keeps serving', () => {
    const broken = '.:53 {\n    log\n';
    const r = at([{ at: 0, text: WITH_LOG }, { at: 10, text: broken }], 400);
    expect(r.digest).toBe(digest(WITH_LOG));
    const warnings = r.lines.filter((l) => l.text === "[WARNING] plugin/reload: Corefile parse failed: /etc/coredns/Corefile:2 - Syntax error: Unexpected token 'log', expecting '}'");
    expect(warnings.length).toBeGreaterThanOrEqual(7);
    expect(warnings.length).toBe(r.lines.length);
  });

  it('one that parses but fails to set up: Restart fails once, the old one serves, a fix reloads', () => {
    const typo = BASE.replace('forward .', 'foward .');
    const r = at([{ at: 0, text: BASE }, { at: 10, text: typo }], 300);
    const error = "/etc/coredns/Corefile:13 - Error during parsing: Unknown directive 'foward'";
    expect(r.lines.map((l) => l.text)).toEqual([
      '[INFO] Reloading',
      `[ERROR] Restart failed: ${error}`,
      `[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file descriptors: ${error}`,
    ]);
    expect(r.digest).toBe(digest(BASE));
    const fixed = at([{ at: 0, text: BASE }, { at: 10, text: typo }, { at: 300, text: WITH_LOG }], 600);
    expect(fixed.config.log).toBe(true);
    expect(fixed.lines.filter((l) => l.text === '[INFO] Reloading complete')).toHaveLength(1);
  });

  it('a month later: idle ticks change nothing; a broken file has warned every tick (the last ones kept)', () => {
    const month = 30 * 86400;
    const edits = [{ at: 0, text: BASE }, { at: 100, text: WITH_LOG }, { at: month - 1000, text: BASE }];
    const r = at(edits, month);
    expect(r.digest).toBe(digest(BASE));
    expect(r.lines.filter((l) => l.text === '[INFO] Reloading complete')).toHaveLength(2);
    const broken = at([{ at: 0, text: BASE }, { at: 100, text: '.:53 {\n' }], month);
    expect(broken.lines).toHaveLength(RELOAD_LINES_KEPT);
    expect(broken.lines[RELOAD_LINES_KEPT - 1]!.at).toBeLessThanOrEqual(month);
    expect(broken.lines[RELOAD_LINES_KEPT - 1]!.at).toBeGreaterThan(month - 40);
  });

  it('without the reload plugin in the new Corefile, later edits are not picked up', () => {
    const noReload = WITH_LOG.replace('    reload\n', '');
    const r = at([{ at: 0, text: BASE }, { at: 10, text: noReload }, { at: 400, text: BASE }], 1200);
    expect(r.config.log).toBe(true);
    expect(r.lines.filter((l) => l.text === '[INFO] Reloading complete')).toHaveLength(1);
  });
});
