import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../../sim/view/snapshot';
import { pod, snapshot } from './layout-fixtures';
import { elementAtLine, linkedTo, mismatch } from './linking';

function scenario(): ClusterSnapshot {
  const s = snapshot();
  const deployment = { source: { startLine: 1, endLine: 21 }, labelsSource: { startLine: 12, endLine: 13 } };
  return {
    ...s,
    pods: [
      ...s.pods.map((p) => (p.name.startsWith('web-') ? { ...p, labels: { app: 'web' }, ...deployment } : p.name === 'client' ? { ...p, labels: { app: 'client' }, source: { startLine: 33, endLine: 44 } } : p)),
      { ...pod('default', 'stray', 'kind-worker', '10.244.1.8'), labels: { tier: 'web' } },
    ],
    services: s.services.map((v) => (v.name === 'web' ? { ...v, source: { startLine: 22, endLine: 32 }, selectorSource: { startLine: 27, endLine: 28 } } : v)),
  };
}

describe('selection linking', () => {
  it('a Service lights up itself, the pods it selects, its endpoint edges; its lines amber, selector and labels blue', () => {
    const l = linkedTo(scenario(), 'svc:default/web')!;
    expect([...l.elements]).toEqual(expect.arrayContaining(['svc:default/web', 'pod:default/web-a', 'pod:default/web-b']));
    expect(l.elements.has('pod:default/client')).toBe(false);
    expect([...l.edges]).toEqual(expect.arrayContaining(['ep:svc:default/web->pod:default/web-a']));
    expect(l.amber).toEqual([{ startLine: 22, endLine: 32 }]);
    expect(l.blue).toEqual([{ startLine: 27, endLine: 28 }, { startLine: 12, endLine: 13 }]);
  });

  it('a pod lights up its Deployment siblings and the Services that select it', () => {
    const l = linkedTo(scenario(), 'pod:default/web-a')!;
    expect([...l.elements].sort()).toEqual(['pod:default/web-a', 'pod:default/web-b', 'svc:default/web']);
  });

  it('says which label differs', () => {
    expect(mismatch({ app: 'web' }, { app: 'client' })).toBe('app=client, the selector wants app=web');
    expect(mismatch({ app: 'web' }, { tier: 'web' })).toBe('no label app (the selector wants app=web)');
    expect(mismatch({ app: 'web' }, { app: 'web', x: 'y' })).toBeNull();
    expect(mismatch(null, {})).toBe('the Service has no selector');
  });

  it('a YAML line chooses the object written there; a gone element is no selection', () => {
    const s = scenario();
    expect(elementAtLine(s, 27)).toBe('svc:default/web');
    expect(elementAtLine(s, 5)).toBe('pod:default/web-a');
    expect(elementAtLine(s, 40)).toBe('pod:default/client');
    expect(elementAtLine(s, 100)).toBeNull();
    expect(linkedTo(s, 'pod:default/gone')).toBeNull();
  });
});
