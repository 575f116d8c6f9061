import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot, PodView } from '../../sim/view/snapshot';
import { highlightIds } from './highlight';

const pod = (name: string, labels: Record<string, string>, extra: Partial<PodView> = {}): PodView => ({
  namespace: 'default', name, ip: '10.244.1.2', nodeName: 'kind-worker', phase: 'Running', ready: true, terminating: false, labels, image: 'x', ports: [], isCoreDns: false, ...extra,
});

const snapshot = {
  nodes: [{ name: 'kind-worker' }, { name: 'kind-worker2' }],
  pods: [pod('web-1', { app: 'web' }), pod('web-2', { app: 'web', tier: 'a' }), pod('client', { app: 'client' }), pod('coredns-1', {}, { namespace: 'kube-system', isCoreDns: true })],
} as unknown as ClusterSnapshot;

describe('highlightIds', () => {
  it('maps each kind of entry to the canvas ids', () => {
    expect([...highlightIds(['svc/web', 'pod/client', 'node/kind-worker', 'workstation', 'lb/other/web'], snapshot)]).toEqual([
      'svc:default/web', 'pod:default/client', 'node:kind-worker', 'workstation', 'lb:other/web',
    ]);
  });

  it('selects pods by labels, all of them', () => {
    expect([...highlightIds(['pods/app=web'], snapshot)]).toEqual(['pod:default/web-1', 'pod:default/web-2']);
    expect([...highlightIds(['pods/app=web,tier=a'], snapshot)]).toEqual(['pod:default/web-2']);
  });

  it('names every kube-proxy, or one, and CoreDNS with its pods', () => {
    expect([...highlightIds(['kube-proxy'], snapshot)]).toEqual(['kube-proxy:kind-worker', 'kube-proxy:kind-worker2']);
    expect([...highlightIds(['kube-proxy/kind-worker2'], snapshot)]).toEqual(['kube-proxy:kind-worker2']);
    expect([...highlightIds(['coredns'], snapshot)]).toEqual(['coredns', 'pod:kube-system/coredns-1']);
  });

  it('is empty without a snapshot', () => {
    expect(highlightIds(['svc/web'], null).size).toBe(0);
  });
});
