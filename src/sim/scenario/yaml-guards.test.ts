import { describe, expect, it } from 'vitest';
import { ClusterConfigError, MAX_NODES, parseClusterConfig } from './cluster-config';
import { parseManifests } from './manifests';

const LAUGHS = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n') + '\n';

describe('aliases: reported at their line, never thrown (go-yaml v2 decode.go)', () => {
  it('an alias to an anchor never defined is "unknown anchor", marked on the alias', () => {
    const { errors, manifests } = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: *nope\n', 'y.yaml');
    expect(manifests).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ startLine: 4, message: "error: error parsing y.yaml: error converting YAML to JSON: yaml: unknown anchor 'nope' referenced", severity: 'error' })]);
  });

  it('a billion-laughs document stops at the expansion bound: "document contains excessive aliasing", on the first alias', () => {
    const started = Date.now();
    const { errors } = parseManifests(LAUGHS, 'y.yaml');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(errors).toEqual([expect.objectContaining({ startLine: 2, message: 'error: error parsing y.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing' })]);
  });

  it('a few aliases still expand as YAML says', () => {
    const { errors, manifests } = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: &n web\n  labels: {app: *n}\n', 'y.yaml');
    expect(errors).toEqual([]);
    expect(manifests[0]!.raw).toMatchObject({ metadata: { name: 'web', labels: { app: 'web' } } });
  });
});

describe('duplicate keys', () => {
  it('pass, the last one winning, with a warning on each repeat (cli-runtime decodes non-strict; kubernetes/kubernetes#89303)', () => {
    const { errors, warnings, manifests } = parseManifests('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n', 'y.yaml');
    expect(errors).toEqual([]);
    expect(manifests[0]!.raw).toEqual({ a: 3, b: { c: 2 } });
    expect(warnings.map((w) => [w.startLine, w.severity, w.message])).toEqual([
      [5, 'warning', 'duplicate key "a" (first on line 1): kubectl keeps only the last value written'],
      [4, 'warning', 'duplicate key "c" (first on line 3): kubectl keeps only the last value written'],
    ]);
  });
});

describe('the kind cluster config: errors with their line, never an unexpected exception', () => {
  const lineOf = (text: string): number | undefined => {
    try {
      parseClusterConfig(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ClusterConfigError);
      return (e as ClusterConfigError).line;
    }
    return undefined;
  };

  it('a syntax error, an unknown anchor and an alias bomb each name their line', () => {
    expect(lineOf('kind: Cluster\nnetworking: a: b\n')).toBe(2);
    expect(lineOf('kind: Cluster\nname: *x\n')).toBe(2);
    expect(lineOf(LAUGHS)).toBe(2);
  });

  it('refuses more nodes than the simulator runs, saying it is the simulator\'s limit', () => {
    const text = `kind: Cluster\nnodes:\n${'- role: worker\n'.repeat(MAX_NODES + 1)}`;
    expect(() => parseClusterConfig(text)).toThrow(`this simulator runs at most ${MAX_NODES} nodes`);
  });
});
