// The DNS hop follows the Corefile CoreDNS runs (an edit made through the editor's whole-file apply,
// reloaded after the kubelet's resync and reload's tick: coredns plugin/reload, k/k pkg/kubelet/pod_workers.go)
// and says which plugin answered (coredns plugin/hosts, plugin/rewrite, plugin/kubernetes); the CoreDNS pod
// kube-proxy chose writes the query when the Corefile has `log` (plugin/log DefaultFormat).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { corefile } from '../scenario/system-configmaps';
import { apply, newSim, pod } from '../test-helpers';
import { createDataPlane } from './data-plane';
import { performRequest } from './request';

const EDITED = corefile('cluster.local').replace(
  '.:53 {\n',
  '.:53 {\n    log\n    rewrite name exact shop.example.com web.default.svc.cluster.local\n    hosts {\n       10.1.2.3 db.internal\n       fallthrough\n    }\n',
);
const cm = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n  Corefile: |\n${EDITED.replace(/^(?=.)/gm, '    ')}`;

describe('the DNS hop and the Corefile', () => {
  it('an editor apply of the coredns ConfigMap is reloaded; the hop names the plugin; the query is logged', () => {
    const sim = newSim(5);
    apply(sim, DEFAULT_SCENARIO_YAML);
    sim.applyText(cm, 'editor', 'apply');
    const client = { kind: 'pod' as const, pod: pod(sim, 'client') };
    const before = performRequest(sim, createDataPlane(sim.cluster), client, 'http://shop.example.com/');
    // Not reloaded yet: the name is still outside the cluster, forwarded upstream (which has no such name).
    expect(before.ok).toBe(false);
    expect(before.hops.find((h) => h.kind === 'dns-answer' && h.detail.startsWith('shop.example.com: '))!.detail).toBe('shop.example.com: NXDOMAIN (no answer) (plugin forward)');
    sim.advance(130);
    const r = performRequest(sim, createDataPlane(sim.cluster), client, 'http://shop.example.com/');
    expect(r.ok).toBe(true);
    const answer = r.hops.find((h) => h.kind === 'dns-answer' && h.detail.startsWith('shop.example.com: NOERROR'))!;
    expect(answer.why).toContain('The rewrite plugin turned shop.example.com into web.default.svc.cluster.local');
    expect(answer.detail).toContain('(plugin kubernetes)');
    const hosts = performRequest(sim, createDataPlane(sim.cluster), client, 'http://db.internal/');
    expect(hosts.hops.find((h) => h.kind === 'dns-answer' && h.why.includes("CoreDNS's hosts plugin answers"))).toBeDefined();
    const logged = sim.coredns.pods().flatMap((p) => sim.coredns.logLines(p)).map((l) => l.text);
    expect(logged.some((l) => /"A IN shop\.example\.com\. udp \d+ false 512" NOERROR qr,aa,rd \d+ /.test(l))).toBe(true);
    expect(logged.some((l) => l.includes('"A IN db.internal. udp 29 false 512" NOERROR qr,aa,rd 56 '))).toBe(true);
  });
});
