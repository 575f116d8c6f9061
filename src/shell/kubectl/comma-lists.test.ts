/**
 * Comma lists as the resource builder reads them (cli-runtime pkg/resource/builder.go
 * ResourceTypeOrNameArgs for TYPE,TYPE; FilenameParam and visitor.go for -f a,b and -f DIR).
 */
import { describe, expect, it } from 'vitest';
import { Shell } from '../shell';
import { appliedShell, testShell, BUSYBOX_YAML } from '../test-shell';

describe('comma lists of kinds and files', () => {
  it('delete TYPE,TYPE NAME deletes each kind in the order given; -l with several kinds', () => {
    const t = appliedShell();
    expect(t.run('kubectl delete deployments,svc web')).toBe('deployment.apps "web" deleted\nservice "web" deleted\n');
    t.run('kubectl apply -f app.yaml');
    expect(t.run('kubectl delete svc,deploy -l app=nothing')).toBe('No resources found\n');
    expect(t.run('kubectl delete svc,nope web')).toBe('error: the server doesn\'t have a resource type "nope"\n');
  });

  it('apply -f a,b and -f a -f b read every file in order; a missing one is kubectl\'s error', () => {
    const t = testShell();
    expect(t.run('kubectl apply -f bb.yaml,empty.yaml')).toBe('pod/bb created\nservice/empty created\n');
    expect(t.run('kubectl apply -f empty.yaml -f bb.yaml')).toBe('service/empty unchanged\npod/bb unchanged\n');
    expect(t.run('kubectl apply -f nope.yaml,bb.yaml')).toBe('error: the path "nope.yaml" does not exist\n');
    expect(BUSYBOX_YAML).toContain('name: bb');
  });

  it('apply -f DIR reads its .yaml, .yml and .json files in lexical order, and nothing else', () => {
    const sim = testShell();
    const files: Record<string, string> = { 'd/b.yml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n', 'd/a.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n', 'd/notes.txt': 'x' };
    const env = { readFile: (p: string) => files[p], listDir: (p: string) => (p === 'd' ? ['notes.txt', 'b.yml', 'a.yaml'] : undefined) };
    const shell = new Shell(sim.sim, env);
    expect(shell.run('kubectl apply -f d').chunks.map((c) => c.text).join('')).toBe('namespace/a created\nnamespace/b created\n');
  });
});
