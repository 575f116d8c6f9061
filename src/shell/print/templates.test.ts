/**
 * -o custom-columns as staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go prints it:
 * headers as given, tab-aligned as printers.GetNewTabWriter aligns, <none> for nothing,
 * several values joined by commas, each written as fmt.Sprint writes it.
 */
import { describe, expect, it } from 'vitest';
import { customColumnsPrinter, relaxedJsonPath } from './templates';

describe('RelaxedJSONPathExpression', () => {
  it('accepts a.b, .a.b, {a.b} and {.a.b}', () => {
    for (const p of ['metadata.name', '.metadata.name', '{metadata.name}', '{.metadata.name}']) expect(relaxedJsonPath(p)).toEqual({ path: '{.metadata.name}' });
    expect(relaxedJsonPath('{.a}{.b}')).toEqual({ error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" });
  });
});

describe('custom-columns', () => {
  const svc = { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }, { port: 443 }], selector: { app: 'web' } } };
  const bare = { metadata: { name: 'kubernetes' }, spec: { ports: [{ port: 443 }] } };

  it('prints the headers as given, one row per object, <none> for a missing field', () => {
    const p = customColumnsPrinter('NAME:.metadata.name,Ports:.spec.ports[*].port,SEL:.spec.selector', false);
    if ('error' in p) throw new Error(p.error);
    expect(p([bare, svc]).out).toBe('NAME         Ports    SEL\nkubernetes   443      <none>\nweb          80,443   map[app:web]\n');
  });

  it('--no-headers leaves the header out', () => {
    const p = customColumnsPrinter('N:metadata.name', true);
    if ('error' in p) throw new Error(p.error);
    expect(p([svc]).out).toBe('web\n');
  });

  it('says what is wrong with a spec', () => {
    expect(customColumnsPrinter('NAME', false)).toEqual({ error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>' });
    expect(customColumnsPrinter('', false)).toEqual({ error: 'custom-columns format specified but no custom columns given' });
    const bad = customColumnsPrinter('A:.a[', false);
    if ('error' in bad) throw new Error(bad.error);
    expect(bad([svc])).toEqual({ out: 'A\n', error: 'unterminated array' });
  });
});
