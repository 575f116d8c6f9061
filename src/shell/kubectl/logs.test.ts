import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('kubectl get all', () => {
  it('lists pods, services, deployments and replicasets, each table qualified and separated by a blank line', () => {
    const t = appliedShell();
    const text = t.stdout('kubectl get all');
    const heads = text.split('\n\n').map((block) => block.split('\n')[1]!.split(/\s+/)[0]);
    expect(heads).toEqual(['pod/client', 'service/kubernetes', 'deployment.apps/web', 'replicaset.apps/web-5969745756']);
  });
});

describe('kubectl logs', () => {
  // agnhost serve-hostname logs "Serving on port %d." through Go's log package (test/images/agnhost/serve-hostname).
  it('shows what the container printed when it started', () => {
    const t = appliedShell();
    const pod = t.stdout('kubectl get pods -l app=web -o name').split('\n')[0]!;
    expect(t.run(`kubectl logs ${pod}`)).toBe('2026/01/01 00:00:00 Serving on port 9376.\n');
    expect(t.run('kubectl logs client')).toBe('Paused\n');
  });

  it('answers a missing pod with NotFound', () => {
    const t = appliedShell();
    expect(t.run('kubectl logs nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('TYPE/NAME goes through podFor as exec does: pod/NAME, deploy/NAME and svc/NAME', () => {
    const t = appliedShell();
    expect(t.run('kubectl logs pod/client')).toBe('Paused\n');
    const first = t.stdout('kubectl get pods -l app=web -o name').split('\n')[0]!.slice('pod/'.length);
    for (const arg of ['deploy/web', 'deployment/web', 'svc/web', `rs/${first.replace(/-[^-]+$/, '')}`]) {
      const r = t.result(`kubectl logs ${arg}`);
      expect(r.exitCode).toBe(0);
      // staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go: "Found %v pods, using pod/%v\n" on stderr, first.
      expect(r.chunks[0]).toEqual({ stream: 'err', text: `Found 3 pods, using pod/${first}\n` });
      expect(r.chunks.filter((c) => c.stream === 'out').map((c) => c.text).join('')).toBe('2026/01/01 00:00:00 Serving on port 9376.\n');
    }
    expect(t.run('kubectl logs deploy/nope')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('says nothing about the count when the selector finds one pod, and prefers a scheduled, running pod (podutils.ByLogging)', () => {
    const pod = (name: string, extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: one
spec:
${extra}  containers:
  - name: app
    image: registry.k8s.io/e2e-test-images/agnhost:2.47
    args: ["serve-hostname"]
`;
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: one\nspec:\n  selector:\n    app: one\n  ports:\n  - port: 80\n';
    const t = testShell({ 'stuck.yaml': pod('aaa-stuck', '  nodeSelector:\n    disktype: ssd\n'), 'ok.yaml': pod('zzz-ok', ''), 'svc.yaml': svc });
    t.run('kubectl apply -f svc.yaml');
    t.run('kubectl apply -f stuck.yaml');
    // Only a pod no node took: no note, and no log location, so nothing at all (pkg/registry/core/pod/strategy.go LogLocation).
    expect(t.result('kubectl logs svc/one')).toEqual({ chunks: [], exitCode: 0 });
    t.run('sleep 5');
    t.run('kubectl apply -f ok.yaml');
    const r = t.result('kubectl logs svc/one');
    expect(r.chunks[0]).toEqual({ stream: 'err', text: 'Found 2 pods, using pod/zzz-ok\n' });
  });

  it('an object with no pod selector: SelectorsForObject\'s error, wrapped with the Go type by logs and by exec (polymorphichelpers/helpers.go)', () => {
    const t = appliedShell();
    expect(t.run('kubectl logs svc/kubernetes')).toBe("error: cannot get the logs from *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n");
    expect(t.run('kubectl exec svc/kubernetes -- ls')).toBe("error: cannot attach to *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n");
    expect(t.run('kubectl logs node/kind-worker')).toBe('error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n');
  });
});
