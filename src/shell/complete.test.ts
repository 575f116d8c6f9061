import { describe, expect, it } from 'vitest';
import { completeLine } from './complete';
import { appliedShell } from './test-shell';

describe('tab completion', () => {
  const { sim } = appliedShell();

  it('completes commands, kubectl verbs and resource types', () => {
    expect(completeLine(sim, 'kub')).toEqual(['kubectl']);
    expect(completeLine(sim, 'kubectl ge')).toEqual(['get']);
    expect(completeLine(sim, 'kubectl get endp')).toEqual(['endpoints', 'endpointslices']);
  });

  it('completes object names of the typed kind, and pod names after exec', () => {
    expect(completeLine(sim, 'kubectl get svc w')).toEqual(['web']);
    expect(completeLine(sim, 'kubectl exec cl')).toEqual(['client']);
    expect(completeLine(sim, 'kubectl get nodes kind-w')).toEqual(['kind-worker', 'kind-worker2']);
  });

  it('completes subcommands, logs\' pods and the Deployments rollout and set act on', () => {
    expect(completeLine(sim, 'kubectl rollout re')).toEqual(['restart']);
    expect(completeLine(sim, 'kubectl rollout status deployment w')).toEqual(['web']);
    expect(completeLine(sim, 'kubectl set i')).toEqual(['image']);
    expect(completeLine(sim, 'kubectl logs cl')).toEqual(['client']);
    expect(completeLine(sim, 'kubectl ev')).toEqual(['events']);
  });

  it('offers nothing for unknown kinds or other commands', () => {
    expect(completeLine(sim, 'kubectl get foo x')).toEqual([]);
    expect(completeLine(sim, 'curl ht')).toEqual([]);
  });
});
