/**
 * kubectl cluster-info (kubectl/pkg/cmd/clusterinfo/clusterinfo.go printService, no colours since
 * kubectl dropped go-colortext), kubectl logs -l (kubectl/pkg/cmd/logs/logs.go: each pod in turn,
 * --prefix as [pod/NAME/CONTAINER]; "only a selector (-l) or a POD name is allowed" checked with the
 * kubectl client), and kubectl edit without an editor.
 */
import { describe, expect, it } from 'vitest';
import { API_SERVER_URL } from './cluster-info';
import { appliedShell } from '../test-shell';

describe('cluster-info, logs -l, edit', () => {
  const t = appliedShell();

  it('cluster-info names the control plane and the cluster-service Services', () => {
    expect(t.run('kubectl cluster-info')).toBe(
      `Kubernetes control plane is running at ${API_SERVER_URL}\nCoreDNS is running at ${API_SERVER_URL}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
    );
  });

  it('logs -l prints each matching pod\'s logs, by name; --prefix names them', () => {
    expect(t.run('kubectl logs -l app=web')).toBe('2026/01/01 00:00:00 Serving on port 9376.\n'.repeat(3));
    expect(t.stdout('kubectl logs -l app=web --prefix')).toMatch(/^\[pod\/web-\w+-\w+\/app\] 2026\/01\/01 00:00:00 Serving on port 9376\.\n/);
    expect(t.result('kubectl logs -l app=nothing')).toEqual({ chunks: [{ stream: 'err', text: 'No resources found in default namespace.\n' }], exitCode: 0 });
    expect(t.run('kubectl logs web -l app=web')).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
  });

  it('edit says it has no editor and what to do instead', () => {
    expect(t.result('kubectl edit svc web').exitCode).toBe(1);
    expect(t.run('kubectl edit svc web')).toContain('this terminal has none');
  });
});
