// Multi-document YAML as kubectl apply -f reads it, with field locations for editor markers.
import { describe, expect, it } from 'vitest';
import { parseManifests, splitFieldPath } from './manifests';

const two = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - name: http
    port: 80
  - name: Bad
    port: 81
---
apiVersion: v1
kind: Pod
metadata:
  name: p
`;

describe('splitFieldPath', () => {
  it('splits dots and indices', () => {
    expect(splitFieldPath('spec.ports[1].name')).toEqual(['spec', 'ports', 1, 'name']);
    expect(splitFieldPath('spec.template.spec.containers[0].ports[2]')).toEqual(['spec', 'template', 'spec', 'containers', 0, 'ports', 2]);
  });
});

describe('parseManifests', () => {
  it('reads every document in order', () => {
    const r = parseManifests(two, 'app.yaml');
    expect(r.errors).toEqual([]);
    expect(r.manifests.map((m) => m.raw.kind)).toEqual(['Service', 'Pod']);
    expect(r.manifests[1]!.range.startLine).toBe(12);
  });

  it('locates spec.ports[1].name on its line, from the key', () => {
    const loc = parseManifests(two).manifests[0]!.locate('spec.ports[1].name');
    expect(loc).toEqual({ startLine: 9, startColumn: 5, endLine: 9, endColumn: 14 });
  });

  it('falls back to the closest written parent', () => {
    const loc = parseManifests(two).manifests[0]!.locate('spec.ports[1].nodePort');
    expect(loc.startLine).toBe(9);
    expect(parseManifests(two).manifests[0]!.locate('spec.selector').startLine).toBe(5);
  });

  it('expands a kind: List into its items, locating inside each', () => {
    const list = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n';
    const r = parseManifests(list);
    expect(r.manifests.map((m) => (m.raw.metadata as { name: string }).name)).toEqual(['a', 'b']);
    expect(r.manifests[1]!.locate('metadata.name').startLine).toBe(11);
  });

  it('skips empty documents and reports YAML syntax errors in kubectl words', () => {
    expect(parseManifests('---\n---\n').manifests).toEqual([]);
    const r = parseManifests('a: [1, 2\n', 'bad.yaml');
    expect(r.manifests).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: /);
    expect(r.errors[0]!.severity).toBe('error');
  });

  it('rejects a document that is not an object', () => {
    expect(parseManifests('- a\n- b\n', 'x.yaml').errors[0]!.message).toBe('error: error validating "x.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false');
  });
});
