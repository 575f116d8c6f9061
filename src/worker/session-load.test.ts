// Load experiments: the shell loop a learner types and the worker's sendMany give the
// same spread: ~1/n per pod under iptables (-m statistic --probability 1/(n-i)), exact
// rotation under ipvs rr, one pod under ClientIP affinity (k8s-semantics.md §4, §5).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../sim/scenario/default-scenario';
import { SimSession } from './session';

const KIND = (mode: string) => `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: ${mode}\nnodes:\n- role: control-plane\n- role: worker\n- role: worker\n`;
const AFFINITY = DEFAULT_SCENARIO_YAML.replace('  ports:\n  - port: 80', '  sessionAffinity: ClientIP\n  ports:\n  - port: 80');

function session(mode: string, yaml = DEFAULT_SCENARIO_YAML): SimSession {
  const s = new SimSession();
  s.load({ yaml, seed: 1, clusterConfig: KIND(mode) });
  return s;
}

describe('load experiments', () => {
  it('the shell loop spreads ~uniformly over the three pods under iptables', () => {
    const s = session('iptables');
    const out = s.run('for i in $(seq 1 300); do kubectl exec client -- curl -s http://web/; echo; done | sort | uniq -c').output;
    const counts = out.trim().split('\n').map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(counts).toHaveLength(3);
    for (const c of counts) expect(c).toBeGreaterThan(70);
  });

  it('sendMany: ~1/3 each under iptables, exact rotation under ipvs rr, one pod under affinity', { timeout: 30_000 }, () => {
    const ipt = session('iptables').sendMany({ from: 'default/client', url: 'http://web/' }, 3000);
    expect(ipt.perPod).toHaveLength(3);
    for (const p of ipt.perPod) expect(Math.abs(p.count - 1000)).toBeLessThan(120);
    const ipvs = session('ipvs').sendMany({ from: 'default/client', url: 'http://web/' }, 3000);
    expect(ipvs.perPod.map((p) => p.count)).toEqual([1000, 1000, 1000]);
    for (const mode of ['iptables', 'ipvs', 'nftables']) {
      const sticky = session(mode, AFFINITY).sendMany({ from: 'default/client', url: 'http://web/' }, 500);
      expect(sticky.perPod).toHaveLength(1);
      expect(sticky.perPod[0]!.count).toBe(500);
    }
  });

  // How fast: npm run bench (trace-requests-per-second); a unit test times nothing.
  it('sendMany sends at most 10,000 requests, each answered', () => {
    const r = session('iptables').sendMany({ from: 'default/client', url: 'http://web/' }, 50_000);
    expect(r.count).toBe(10_000);
    expect(r.perPod.reduce((n, p) => n + p.count, 0)).toBe(10_000);
  }, 30_000);

  it('the snapshot counts each mode\'s own rules', () => {
    const counts = ['iptables', 'ipvs', 'nftables'].map((m) => session(m).snapshot().nodes[1]!.proxyRuleCount);
    for (const c of counts) expect(c).toBeGreaterThan(5);
    expect(new Set(counts).size).toBe(3);
  });
});
