import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

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
});
