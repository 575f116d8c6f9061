import { describe, expect, it } from 'vitest';
import { parseManifests } from './manifests';

// Expected texts were printed by the real kubectl v1.32 client for the same files
// (`kubectl apply -f y.yaml --dry-run=client`): go-yaml's messages and line numbers.
const CASES: [string, string][] = [
  ['a: b: c\n', 'yaml: mapping values are not allowed in this context'],
  ['a:\n\tb: 1\n', 'yaml: line 2: found character that cannot start any token'],
  ['a: [1, 2\n', "yaml: line 1: did not find expected ',' or ']'"],
  ['a: "x\n', 'yaml: line 2: found unexpected end of stream'],
  ['a:\n  b: 1\n c: 2\n', 'yaml: line 2: did not find expected key'],
  ['key\nother: 1\n', 'yaml: line 2: mapping values are not allowed in this context'],
  ['- a\nb: 1\n', "yaml: line 1: did not find expected '-' indicator"],
  ['a: b\n  c: d\n', 'yaml: line 2: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: Pod\nmetadata: name: x\n', 'yaml: line 3: mapping values are not allowed in this context'],
];

describe('YAML syntax errors in kubectl words', () => {
  it.each(CASES)('%j', (text, expected) => {
    const { errors } = parseManifests(text, 'y.yaml');
    expect(errors[0]!.message).toBe(`error: error parsing y.yaml: error converting YAML to JSON: ${expected}`);
  });

  it('marks the line the problem is on', () => {
    const { errors } = parseManifests('apiVersion: v1\nkind: Pod\nmetadata: name: x\n', 'y.yaml');
    expect(errors[0]!.startLine).toBe(3);
  });

  it('accepts duplicate keys, the last one winning, as kubectl\'s YAML-to-JSON conversion does', () => {
    const { errors, manifests } = parseManifests('a: 1\na: 2\n', 'y.yaml');
    expect(errors).toEqual([]);
    expect(manifests[0]!.raw).toEqual({ a: 2 });
  });
});
