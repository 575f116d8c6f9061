import { describe, expect, it } from 'vitest';
import { commandWords, resourcePlural } from './command-words';

describe('commandWords', () => {
  it('finds kubectl verbs and resources in any spelling', () => {
    expect(commandWords('kubectl get svc').kubectl).toEqual([{ verb: 'get', resources: ['services'] }]);
    expect(commandWords('kubectl -n kube-system get po,ep -o wide').kubectl).toEqual([{ verb: 'get', resources: ['pods', 'endpoints'] }]);
    expect(commandWords('kubectl describe service/web').kubectl).toEqual([{ verb: 'describe', resources: ['services'] }]);
    expect(commandWords('kubectl get endpointslices.discovery.k8s.io').kubectl[0]!.resources).toEqual(['endpointslices']);
  });

  it('sees the programs run inside exec, sh -c, pipes and loops', () => {
    expect(commandWords('kubectl exec client -- nslookup web').tools).toEqual(['kubectl', 'nslookup']);
    expect(commandWords("kubectl exec -it client -- sh -c 'wget -qO- web | head -1'").tools).toEqual(['kubectl', 'sh', 'wget', 'head']);
    expect(commandWords('for i in $(seq 1 3); do kubectl exec client -- curl -s web; done').tools).toContain('curl');
    expect(commandWords('docker exec kind-worker iptables-save | grep KUBE-SVC').tools).toEqual(['docker', 'iptables-save', 'grep']);
  });

  it('counts exec and logs as about pods', () => {
    expect(commandWords('kubectl logs client').kubectl[0]).toEqual({ verb: 'logs', resources: ['pods'] });
    expect(commandWords('kubectl exec deploy/web -- env').kubectl[0]).toEqual({ verb: 'exec', resources: ['deployments'] });
  });

  it('maps short names to plurals', () => {
    expect(resourcePlural('SVC')).toBe('services');
    expect(resourcePlural('rs')).toBe('replicasets');
    expect(resourcePlural('widgets')).toBe('widgets');
  });
});
