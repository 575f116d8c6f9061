/** A big cluster's snapshot stays small: the canvas gets what it can show, and the counts of the rest. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../sim/scenario/default-scenario';
import { SNAPSHOT_LIMITS } from '../sim/view/build-snapshot';
import { SimSession } from './session';

describe('snapshots of a big cluster', () => {
  it('carry at most the per-node limit of pods, keep the client and CoreDNS, and count the rest', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML.replace('replicas: 3', 'replicas: 200'), seed: DEFAULT_SEED });
    const snap = s.snapshot();
    const perNode = new Map<string, number>();
    for (const p of snap.pods.filter((x) => x.namespace === 'default')) perNode.set(p.nodeName ?? '', (perNode.get(p.nodeName ?? '') ?? 0) + 1);
    for (const n of perNode.values()) expect(n).toBeLessThanOrEqual(SNAPSHOT_LIMITS.podsPerNode);
    expect(snap.pods.some((p) => p.name === 'client')).toBe(true);
    expect(snap.pods.filter((p) => p.isCoreDns)).toHaveLength(2);
    const webShown = snap.pods.filter((p) => p.labels.app === 'web').length;
    expect(webShown + (snap.podsNotShown ?? 0)).toBe(200);
    expect(snap.nodes.reduce((n, node) => n + (node.podsNotShown ?? 0), 0)).toBe(snap.podsNotShown);
    const web = snap.services.find((x) => x.name === 'web')!;
    expect(web.endpoints.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.endpointsPerService);
    expect(web.endpointTotals).toEqual({ ready: 200, notReady: 0, terminating: 0 });
    expect(JSON.stringify(snap).length).toBeLessThan(200_000);
  });

  it('keep the pod that answered the request shown, even past the limit', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML.replace('replicas: 3', 'replicas: 200'), seed: DEFAULT_SEED });
    for (let i = 0; i < 20; i++) {
      const { trace, snapshot } = s.trace({ from: 'client', url: 'http://web/' });
      const served = trace.servedBy!.split('/')[1];
      expect(snapshot.pods.some((p) => p.name === served)).toBe(true);
    }
  });

  it('a small cluster is sent whole', () => {
    const s = new SimSession();
    s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED });
    const snap = s.snapshot();
    expect(snap.podsNotShown).toBeUndefined();
    expect(snap.services.every((x) => x.endpointTotals === undefined)).toBe(true);
  });
});
