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

// staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (warningNoLastAppliedConfigAnnotation, printed to
// ErrOut before patching an object that has no last-applied-configuration; cli-runtime Info.ObjectName).
describe('kubectl apply over objects kubectl create made', () => {
  it('warns on stderr per object, before its line, then patches the annotation in: configured, then unchanged', () => {
    const t = testShell();
    t.run('kubectl create -f app.yaml');
    const r = t.result('kubectl apply -f app.yaml');
    const warning = (ref: string) =>
      `Warning: resource ${ref} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
    expect(r.chunks).toEqual([
      { stream: 'err', text: warning('deployments/web') },
      { stream: 'out', text: 'deployment.apps/web configured\n' },
      { stream: 'err', text: warning('services/web') },
      { stream: 'out', text: 'service/web configured\n' },
      { stream: 'err', text: warning('pods/client') },
      { stream: 'out', text: 'pod/client configured\n' },
    ]);
    expect(r.exitCode).toBe(0);
    expect(t.stdout('kubectl get svc web -o jsonpath={.metadata.annotations}')).toContain('last-applied-configuration');
    expect(t.run('kubectl apply -f app.yaml')).toBe('deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\n');
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

  // cli-runtime pkg/resource/builder.go missingResourceError; checked against kubectl 1.32.4.
  it('needs something to scale', () => {
    const t = appliedShell();
    expect(t.run('kubectl scale --replicas=1')).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(t.run('kubectl scale deployment --replicas=1')).toBe('error: resource(s) were provided, but no name was specified\n');
  });
});

// staging/src/k8s.io/kubectl/pkg/cmd/label/label.go: Validate, RunLabel, updateDataChangeMsg.
describe('kubectl label', () => {
  it('labels every object a selector or --all picks, one line each', () => {
    const t = appliedShell();
    const out = t.run('kubectl label pods -l app=web tier=be');
    expect(out).toMatch(/^pod\/web-\S+ labeled\npod\/web-\S+ labeled\npod\/web-\S+ labeled\n$/);
    expect(t.run('kubectl label pods -l app=nothing tier=be')).toBe('');
    expect(t.run('kubectl label pods --all tier=be --overwrite')).toMatch(/^pod\/client labeled\n(pod\/web-\S+ not labeled\n){3}$/);
    expect(t.stdout('kubectl get pods -l tier=be -o name').split('\n').filter(Boolean)).toHaveLength(4);
    expect(t.run('kubectl label pods -l tier=be tier-')).toMatch(/^(pod\/\S+ unlabeled\n){4}$/);
  });

  it('labels several names, and reports the ones it could not', () => {
    const t = appliedShell();
    const r = t.result('kubectl label pod client nope tier=fe');
    expect(r.chunks).toEqual([
      { stream: 'out', text: 'pod/client labeled\n' },
      { stream: 'err', text: 'Error from server (NotFound): pods "nope" not found\n' },
    ]);
    expect(r.exitCode).toBe(1);
    expect(t.run('kubectl label pod client tier=x')).toBe("error: 'tier' already has a value (fe), and --overwrite is false\n");
    expect(t.run('kubectl label pod client gone-')).toBe('label "gone" not found.\npod/client not labeled\n');
  });

  it('answers bad input in kubectl\'s words', () => {
    const t = appliedShell();
    expect(t.run('kubectl label pod client')).toBe('error: at least one label update is required\n');
    expect(t.run('kubectl label tier=be')).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    expect(t.run('kubectl label pods tier=be')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(t.run('kubectl label pods --all -l app=web tier=be')).toBe('error: cannot set --all and --selector at the same time\n');
    expect(t.run('kubectl label pod client a=b=c')).toBe('error: invalid label spec: a=b=c\n');
    expect(t.run('kubectl label pod client tier=be client')).toBe('error: all resources must be specified before label changes: client\n');
  });
});

describe('kubectl itself', () => {
  it('suggests the near commands for a typo, as cobra does', () => {
    const t = testShell();
    expect(t.run('kubectl gett pods')).toBe('Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n');
    expect(t.run('kubectl zzzzzz')).toBe('Error: unknown command "zzzzzz" for "kubectl"\n');
  });
});
