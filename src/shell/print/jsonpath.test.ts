/**
 * The JSONPath engine against client-go's (staging/src/k8s.io/client-go/util/jsonpath/
 * parser.go and jsonpath.go) as kubectl v1.32.4 runs it: every expected string here was
 * printed by `kubectl label --local -f FILE t=1 -o jsonpath=TEMPLATE` over the same object.
 */
import { describe, expect, it } from 'vitest';
import { jsonPathPrinter } from './templates';

const POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { labels: { app: 'web', t: '1' }, name: 'a' },
  spec: { containers: [{ image: 'nginx', name: 'c' }] },
  status: { podIP: '10.0.0.1' },
};

const PORTS = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { annotations: { a: '<b>&' }, labels: { t: '1' }, name: 's' },
  spec: {
    ports: [
      { name: 'http', port: 80, ready: true },
      { name: 'https', port: 443, ready: false, x: null },
      { f: 1.5, port: 8080 },
    ],
  },
};

const ITEMS = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { labels: { t: '1' }, name: 'a' },
  spec: { empty: [], items: [{ nm: 'a', s: [1, 2] }, { nm: 'b', s: [] }, { nm: 'c' }] },
};

function run(template: string, doc: Record<string, unknown>, allowMissingKeys = true): string {
  const p = jsonPathPrinter(template, { asJson: false, allowMissingKeys });
  if ('error' in p) return `error: ${p.error}`;
  const r = p(doc);
  return r.error !== undefined ? `error: ${r.error}` : r.out;
}

describe('jsonpath: fields, indexes, literals', () => {
  it.each([
    ['{.metadata.name}{"\\n"}', 'a\n'],
    ['name: {.metadata.name} ok', 'name: a ok'],
    ['{.spec.containers[*].name}', 'c'],
    ['{.spec.containers[0].image}', 'nginx'],
    ["{.metadata.labels['app']}", 'web'],
    ['{.status}', '{"podIP":"10.0.0.1"}'],
    ['{..name}', 'a c'],
    ['{.spec.containers[-1:]}', '{"image":"nginx","name":"c"}'],
    ['{$.kind}', 'Pod'],
    ['{.metadata.name}{.metadata.name}', 'aa'],
    ['{.spec.containers[0,0].name}', 'c c'],
    ['{ .metadata.name }', 'a'],
    ['{.kind.x}', ''],
    ['{5}', '5'],
    ['{"a\\tb"}', 'a\tb'],
    ["{'x'}", 'x'],
    ['{@}', '{"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"app":"web","t":"1"},"name":"a"},"spec":{"containers":[{"image":"nginx","name":"c"}]},"status":{"podIP":"10.0.0.1"}}'],
  ])('%s', (template, want) => {
    expect(run(template, POD)).toBe(want);
  });

  it('prints maps and lists as JSON with HTML characters escaped, null as null, floats and bools as Go does', () => {
    expect(run('{.metadata.annotations}', PORTS)).toBe('{"a":"\\u003cb\\u003e\\u0026"}');
    expect(run('{.metadata.annotations.a}', PORTS)).toBe('<b>&');
    expect(run('{.spec.ports[*].x}', PORTS)).toBe('null');
    expect(run('{.spec.ports[2].f}', PORTS)).toBe('1.5');
    expect(run('{.spec.ports[*].ready}', PORTS)).toBe('true false');
    expect(run('{.spec.ports[1]}', PORTS)).toBe('{"name":"https","port":443,"ready":false,"x":null}');
  });

  it('slices, steps and unions', () => {
    expect(run('{.spec.ports[:1].port}', PORTS)).toBe('80');
    expect(run('{.spec.ports[::2].port}', PORTS)).toBe('80 8080');
    expect(run('{.spec.items[-1].nm}', ITEMS)).toBe('c');
    expect(run('{.spec.items[0:-1].nm}', ITEMS)).toBe('a b');
    expect(run('{.spec.items[1:1]}', ITEMS)).toBe('');
    expect(run("{.spec.items[0]['nm','s']}", ITEMS)).toBe('a [1,2]');
  });
});

describe('jsonpath: filters', () => {
  it.each([
    ['{.spec.ports[?(@.port>80)].port}', '443 8080'],
    ['{.spec.ports[?(@.port==80)].name}', 'http'],
    ['{.spec.ports[?(@.name)].port}', '80 443'],
    ['{.spec.ports[?(@.ready==true)].name}', 'http'],
    ['{.spec.ports[?(@.name=="http")].port}', '80'],
    ['{.spec.ports[?(@.name!="http")].port}', '443'],
    ['{.spec.ports[?(@.name<"i")].port}', '80 443'],
    ['{.spec.ports[?(@.port > 80)].port}', '443 8080'],
    ["{.spec.ports[?(@.name=='http')].port}", '80'],
    ['{.spec.ports[?(@.nope=="x")].port}', ''],
  ])('%s', (template, want) => {
    expect(run(template, PORTS)).toBe(want);
  });

  it('refuses to compare a number with a string', () => {
    expect(run('{.spec.ports[?(@.port=="80")].name}', PORTS)).toMatch(/^error: error executing jsonpath "\{\.spec\.ports\[\?\(@\.port==\\"80\\"\)\]\.name\}": Error executing template: incompatible types for comparison\. /);
    expect(run('{.spec.ports[?(@.f>1)].port}', PORTS)).toContain('Error executing template: incompatible types for comparison.');
  });
});

describe('jsonpath: range', () => {
  it.each([
    ['{range .spec.items[*]}[{.nm}:{range .s[*]}<{@}>{end}]{end}{"after"}', '[a:<1><2>][b:][c:]after'],
    ['{range .spec.items[*]}{.nm}{end}-{.kind}', 'abc-Pod'],
    ['{range .spec.items[*]}{.nm}', 'abc'],
    ['{.spec.items[*].nm}{range .spec.items[*]}{.nm},{end}', 'a b ca,b,c,'],
    ['{range .spec.items[*]}{.s}{end}', '[1,2][]'],
    ['{range .spec.empty[*]}x{end}A{.kind}', 'APod'],
    ['{range .spec.items[*]}{range .s[*]}{@}{end}-{.nm}{end}E', '12-a-b-cE'],
  ])('%s', (template, want) => {
    expect(run(template, ITEMS)).toBe(want);
  });
});

describe('jsonpath: errors in client-go\'s and kubectl\'s words', () => {
  it('parse errors: "error parsing jsonpath TEMPLATE, REASON"', () => {
    expect(run('{.metadata.name', POD)).toBe('error: error parsing jsonpath {.metadata.name, unclosed action\n');
    expect(run('{.a[}', POD)).toBe('error: error parsing jsonpath {.a[}, unterminated array\n');
    expect(run('{.spec.containers[x]}', POD)).toBe('error: error parsing jsonpath {.spec.containers[x]}, invalid array index x\n');
    expect(run('{.spec.ports[0]["port"]}', POD)).toBe('error: error parsing jsonpath {.spec.ports[0]["port"]}, invalid array index "port"\n');
  });

  it('execution errors carry the template and the object in Go syntax', () => {
    const doc = { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { 'a.b/c': 'x', app: 'web', t: '1' }, name: 'a' } };
    expect(run('{metadata.name}', doc)).toBe(
      'error: error executing jsonpath "{metadata.name}": Error executing template: unrecognized identifier metadata. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{metadata.name}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Pod", "metadata":map[string]interface {}{"labels":map[string]interface {}{"a.b/c":"x", "app":"web", "t":"1"}, "name":"a"}}\n\n\n',
    );
    expect(run('{.metadata.labels[0]}', doc)).toContain('Error executing template: map[string]interface {} is not array or slice.');
    expect(run('{.kind[0]}', doc)).toContain('Error executing template: string is not array or slice.');
    expect(run('{.metadata[?(@.x)]}', doc)).toContain('Error executing template: map[labels:map[a.b/c:x app:web t:1] name:a] is not array or slice and cannot be filtered.');
    expect(run('{.metadata.labels.app}{end}', doc)).toContain('Error executing template: not in range, nothing to end.');
    expect(run('{.metadata.labels.a\\.b/c}', doc)).toBe('x');
  });

  it('index errors', () => {
    expect(run('{.spec.items[-5]}', ITEMS)).toContain('Error executing template: array index out of bounds: index -2, length 3.');
    expect(run('{.spec.items[3]}', ITEMS)).toContain('Error executing template: array index out of bounds: index 3, length 3.');
    expect(run('{.spec.items[1:7]}', ITEMS)).toContain('Error executing template: array index out of bounds: index 6, length 3.');
    expect(run('{.spec.items[2:1]}', ITEMS)).toContain('Error executing template: starting index 2 is greater than ending index 1.');
    expect(run('{.spec.items[::0]}', ITEMS)).toContain('Error executing template: step must be > 0.');
    expect(run('{.spec.items[*].s[0]}', ITEMS)).toContain('Error executing template: array index out of bounds: index 0, length 0.');
  });

  it('a missing field is nothing, or "X is not found" with --allow-missing-template-keys=false', () => {
    expect(run('{.foo}', POD)).toBe('');
    expect(run('{.foo}', POD, false)).toMatch(/^error: error executing jsonpath "\{\.foo\}": Error executing template: foo is not found\. Printing more/);
  });
});

describe('jsonpath-as-json', () => {
  it('prints each action\'s results as one indented JSON array', () => {
    const p = jsonPathPrinter('{.spec.ports[*].port}', { asJson: true, allowMissingKeys: true });
    if ('error' in p) throw new Error(p.error);
    expect(p(PORTS).out).toBe('[\n    80,\n    443,\n    8080\n]\n');
  });
});
