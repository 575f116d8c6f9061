// Answers as the running Corefile's plugins give them, in plugin.cfg's order: rewrite
// (coredns plugin/rewrite/name.go: exact, suffix, regex with {N}; `answer auto`), hosts (plugin/hosts/hosts.go:
// inline entries, ttl 3600 by default, SERVFAIL without fallthrough), kubernetes (its zones and ttl,
// plugin/kubernetes/setup.go: default 5), forward (plugin/forward), and no plugin at all (plugin.NextOrFailure: SERVFAIL).
import { describe, expect, it } from 'vitest';
import { apply, newSim, serviceYaml } from '../test-helpers';
import { answer, type DnsContext } from './records';
import { setupCorefile } from './corefile-config';

function ctxWith(corefileText: string): DnsContext {
  const sim = newSim();
  apply(sim, serviceYaml('web', '  selector:\n    app: web\n  ports:\n  - port: 80\n'));
  return { ...sim.dnsContext(), rng: undefined, config: setupCorefile(corefileText) };
}
const svcIP = (ctx: DnsContext) => ctx.store.get('Service', 'default', 'web')!.spec.clusterIP!;

describe('answers follow the Corefile', () => {
  it('the kubernetes plugin uses its ttl (5 when the Corefile gives none)', () => {
    const ctx = ctxWith('.:53 {\n    kubernetes cluster.local\n}');
    expect(answer(ctx, 'web.default.svc.cluster.local', 'A')).toMatchObject({ plugin: 'kubernetes', answers: [{ ttl: 5, data: svcIP(ctx) }] });
  });

  it('hosts answers its inline entries first; a name it lacks is SERVFAIL unless it falls through', () => {
    const strict = ctxWith('.:53 {\n    hosts {\n      10.1.2.3 db.internal\n    }\n    kubernetes cluster.local\n    forward . /etc/resolv.conf\n}');
    expect(answer(strict, 'db.internal', 'A')).toMatchObject({ rcode: 'NOERROR', authoritative: true, plugin: 'hosts', answers: [{ name: 'db.internal.', ttl: 3600, data: '10.1.2.3' }] });
    expect(answer(strict, 'web.default.svc.cluster.local', 'A')).toMatchObject({ rcode: 'SERVFAIL', plugin: 'hosts' });
    const falls = ctxWith('.:53 {\n    hosts {\n      10.1.2.3 db.internal\n      fallthrough\n    }\n    kubernetes cluster.local\n}');
    expect(answer(falls, 'web.default.svc.cluster.local', 'A')).toMatchObject({ rcode: 'NOERROR', plugin: 'kubernetes' });
  });

  it('rewrite name turns the question into another before the other plugins see it', () => {
    const ctx = ctxWith('.:53 {\n    rewrite name exact web.example.com web.default.svc.cluster.local\n    kubernetes cluster.local\n}');
    const r = answer(ctx, 'web.example.com', 'A');
    expect(r).toMatchObject({ plugin: 'kubernetes', rewrittenTo: 'web.default.svc.cluster.local.', answers: [{ name: 'web.default.svc.cluster.local.', data: svcIP(ctx) }] });
    const auto = ctxWith('.:53 {\n    rewrite name regex (.*)\\.corp\\.example\\. {1}.default.svc.cluster.local answer auto\n    kubernetes cluster.local\n}');
    expect(answer(auto, 'web.corp.example', 'A').answers).toEqual([{ name: 'web.corp.example.', ttl: 5, type: 'A', data: svcIP(auto) }]);
  });

  it('forward sends the rest upstream, not authoritative; with no forward, SERVFAIL', () => {
    const fwd = ctxWith('.:53 {\n    kubernetes cluster.local\n    forward . 8.8.8.8\n}');
    expect(answer(fwd, 'example.com', 'A')).toMatchObject({ rcode: 'NOERROR', authoritative: false, plugin: 'forward', answers: [{ data: '93.184.215.14' }] });
    const none = ctxWith('.:53 {\n    kubernetes cluster.local\n}');
    expect(answer(none, 'example.com', 'A')).toMatchObject({ rcode: 'SERVFAIL', plugin: 'none', answers: [] });
  });

  it('a kubernetes plugin for another zone answers the Services under that zone only', () => {
    const ctx = ctxWith('.:53 {\n    kubernetes example.internal\n    forward . /etc/resolv.conf\n}');
    expect(answer(ctx, 'web.default.svc.example.internal', 'A')).toMatchObject({ plugin: 'kubernetes', answers: [{ data: svcIP(ctx) }] });
    expect(answer(ctx, 'web.default.svc.cluster.local', 'A')).toMatchObject({ plugin: 'forward', rcode: 'NXDOMAIN' });
  });
});
