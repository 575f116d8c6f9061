/**
 * Global flags before the verb (cli-runtime genericclioptions/config_flags.go; cobra finds the
 * verb past them). Error texts checked against the kubectl client with a kind kubeconfig.
 */
import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

describe('kubectl global flags', () => {
  const t = appliedShell();

  it('-n/--namespace before the verb reach the verb', () => {
    expect(t.run('kubectl -n kube-system get svc -o name')).toBe('service/kube-dns\n');
    expect(t.run('kubectl --namespace=kube-system get svc -o name')).toBe('service/kube-dns\n');
    expect(t.run('kubectl -nkube-system get svc -o name')).toBe('service/kube-dns\n');
    expect(t.run('kubectl -o name get svc web')).toBe('service/web\n');
    expect(t.run('kubectl -n default exec client -- hostname')).toBe('client\n');
  });

  it('--context, --cluster and --user take kind\'s one context; other names fail as kubectl does', () => {
    expect(t.run('kubectl --context kind-kind get svc web -o name')).toBe('service/web\n');
    expect(t.run('kubectl get svc web -o name --context=kind-kind --cluster kind-kind --user kind-kind')).toBe('service/web\n');
    expect(t.result('kubectl --context foo get pods')).toEqual({ chunks: [{ stream: 'err', text: 'Error in configuration: context was not found for specified context: foo\n' }], exitCode: 1 });
    expect(t.run('kubectl --cluster foo get pods')).toBe('Error: no server found for cluster "foo"\n');
    expect(t.run('kubectl --user foo get pods')).toBe('error: auth info "foo" does not exist\n');
  });

  it('an unknown flag before a verb, and a flag without its value, as cobra says', () => {
    expect(t.run('kubectl --bogus get pods')).toBe('Error: flags cannot be placed before plugin name: --bogus\n');
    expect(t.run('kubectl -n')).toBe("Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n");
    expect(t.run('kubectl --namespace')).toBe("Error: flag needs an argument: --namespace\nSee 'kubectl --help' for usage.\n");
  });
});
