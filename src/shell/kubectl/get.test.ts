import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('kubectl get', () => {
  it('says "No resources found in default namespace." on stderr when the list is empty', () => {
    const r = testShell().result('kubectl get pods');
    expect(r.chunks).toEqual([{ stream: 'err', text: 'No resources found in default namespace.\n' }]);
    expect(r.exitCode).toBe(0);
  });

  it('names the namespace given with -n, and says just "No resources found" with -A', () => {
    const t = testShell();
    expect(t.run('kubectl get pods -n nope')).toBe('No resources found in nope namespace.\n');
    expect(t.run('kubectl get svc -A -l app=nothing')).toBe('No resources found\n');
  });

  it('prints the pod table, and -o wide adds IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get pods').split('\n')[0]).toBe('NAME                   READY   STATUS    RESTARTS   AGE');
    const wide = t.stdout('kubectl get pods -o wide').split('\n');
    expect(wide[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/);
    expect(wide[1]).toMatch(/^client +1\/1 +Running +0 +0s +10\.244\.\d+\.\d+ +kind-worker2? +<none> +<none>$/);
  });

  it('prints NotFound errors after what it did find, and exits 1', () => {
    const r = appliedShell().result('kubectl get svc nope web');
    expect(r.chunks.map((c) => c.stream)).toEqual(['out', 'err']);
    expect(r.chunks[1]!.text).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('accepts TYPE/NAME and the short names', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc/web')).toContain('web ');
    expect(t.stdout('kubectl get deploy web')).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +3\/3 +3 +3 +0s\n$/);
    expect(t.run('kubectl get po nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('prints the v1 Endpoints deprecation warning first, even for a 404', () => {
    const t = appliedShell();
    expect(t.run('kubectl get ep').split('\n')[0]).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(t.run('kubectl get endpoints nope')).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nError from server (NotFound): endpoints "nope" not found\n',
    );
  });

  it('-A prepends NAMESPACE; -l filters; --show-labels appends LABELS', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc -A')).toMatch(/^NAMESPACE +NAME +TYPE/);
    expect(t.stdout('kubectl get pods -n kube-system -l k8s-app=kube-dns').split('\n').filter(Boolean)).toHaveLength(3);
    expect(t.stdout('kubectl get pods client --show-labels')).toMatch(/ LABELS\nclient .* app=client\n$/);
  });

  it('-o name prints kind/name lines; several types qualify names and separate tables', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc -o name')).toBe('service/kubernetes\nservice/web\n');
    const both = t.stdout('kubectl get deploy,svc');
    expect(both).toContain('deployment.apps/web');
    expect(both).toContain('\n\nNAME                 TYPE');
  });

  it('-o yaml of one object is the object; of a list, a v1 List', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc web -o yaml')).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n/);
    expect(t.stdout('kubectl get svc -o yaml')).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n[\s\S]*kind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
    expect(JSON.parse(t.stdout('kubectl get pod client -o json')).metadata.name).toBe('client');
  });

  it('answers bad types, flags and formats in kubectl\'s words', () => {
    const t = appliedShell();
    expect(t.run('kubectl get foo')).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(t.run('kubectl get pods --bogus')).toBe("Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
    expect(t.run('kubectl get pods -o')).toBe("Error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n");
    expect(t.run('kubectl get pods -o foo')).toMatch(/^error: unable to match a printer suitable for the output format "foo", allowed formats are: /);
  });
});
