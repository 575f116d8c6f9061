import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('kubectl apply', () => {
  it('prints one line per object: created, then unchanged on a re-apply', () => {
    const t = testShell();
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web created\nservice/web created\npod/client created\n');
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\n');
  });

  it('reads stdin with -f -, and reports a missing file or flag', () => {
    const t = testShell();
    expect(t.run('kubectl apply -f missing.yaml')).toBe('error: the path "missing.yaml" does not exist\n');
    expect(t.run('kubectl apply')).toBe('error: must specify one of -f and -k\n');
    expect(t.run('kubectl get svc empty -o yaml | kubectl apply -f -')).toBe('Error from server (NotFound): services "empty" not found\nerror: no objects passed to apply\n');
  });
});

describe('kubectl delete', () => {
  it('prints <resource>[.group] "<name>" deleted, and NotFound for a missing one', () => {
    const t = appliedShell();
    expect(t.run('kubectl delete pod client')).toBe('pod "client" deleted\n');
    expect(t.run('kubectl delete deploy web')).toBe('deployment.apps "web" deleted\n');
    const r = t.result('kubectl delete svc nope');
    expect(r).toEqual({ chunks: [{ stream: 'err', text: 'Error from server (NotFound): services "nope" not found\n' }], exitCode: 1 });
  });

  it('deletes by label selector', () => {
    const t = appliedShell();
    expect(t.run('kubectl delete svc -l app=nothing')).toBe('No resources found\n');
    expect(t.run('kubectl delete pod -l app=client')).toBe('pod "client" deleted\n');
  });

  it('needs something to delete', () => {
    expect(testShell().run('kubectl delete')).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
  });
});

describe('kubectl scale', () => {
  it('scales a Deployment; its pods and endpoints follow', () => {
    const t = appliedShell();
    expect(t.run('kubectl scale deployment web --replicas=5')).toBe('deployment.apps/web scaled\n');
    expect(t.stdout('kubectl get deploy web')).toMatch(/\nweb +5\/5 +5 +5 /);
    expect(t.stdout('kubectl get endpoints web')).toMatch(/ \+ 2 more\.\.\. /);
    expect(t.run('kubectl scale deploy/web --replicas=0')).toBe('deployment.apps/web scaled\n');
    // serve-hostname pods use their whole 30 s grace period before they go.
    expect(t.stdout('kubectl get pods -l app=web')).toMatch(/Terminating/);
    t.run('sleep 30');
    expect(t.stdout('kubectl get pods -l app=web')).toBe('');
  });

  it('answers bad input in kubectl\'s words', () => {
    const t = appliedShell();
    expect(t.run('kubectl scale deployment nope --replicas=1')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(t.run('kubectl scale deployment web --replicas=-1')).toBe('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
  });
});

describe('kubectl itself', () => {
  it('suggests the near commands for a typo, as cobra does', () => {
    const t = testShell();
    expect(t.run('kubectl gett pods')).toBe('Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n');
    expect(t.run('kubectl zzzzzz')).toBe('Error: unknown command "zzzzzz" for "kubectl"\n');
  });
});
