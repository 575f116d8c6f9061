/** The UI's snapshot links each pod to the YAML it came from: a StatefulSet's pods to the StatefulSet's document. */
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../scenario/cluster-config';
import { Simulation } from '../simulation';
import { buildSnapshot, sourceKey, type SourceMap } from './build-snapshot';

const STS = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
`;

describe('buildSnapshot sources', () => {
  it('points a StatefulSet pod at its StatefulSet', () => {
    const sim = new Simulation(defaultClusterConfig(), 1);
    sim.applyText(STS, 'sts.yaml', 'apply');
    const range = { startLine: 1, endLine: 20 };
    const sources: SourceMap = new Map([[sourceKey('StatefulSet', 'default', 'web'), range]]);
    const pods = buildSnapshot(sim, sources).pods.filter((p) => p.name.startsWith('web-'));
    expect(pods.map((p) => [p.name, p.source])).toEqual([['web-0', range], ['web-1', range]]);
  });
});
