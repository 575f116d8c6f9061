/**
 * Hostile input through the whole core, in-process (SimSession, Shell, Simulation): YAML
 * (aliases, anchors, duplicate keys, syntax errors, hostile keys), shell lines (operators,
 * redirections, loops, quotes, hostile words, out-of-range numbers) and patches (json, merge,
 * strategic, with paths through __proto__). Each property holds for 10,000 runs: no exception
 * escapes, Object.prototype stays as it was, and every run ends within the line's budget.
 * FC_SEED=N picks another seed (the default keeps CI reproducible).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyManifest } from '../sim/apiserver/apply';
import { parseClusterConfig } from '../sim/scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../sim/scenario/default-scenario';
import { parseManifests } from '../sim/scenario/manifests';
import { SimSession } from './session';

const RUNS = 10_000;
const SEED = Number(process.env.FC_SEED ?? 20_260_101);
/** The most one run may take: far above a normal command, far below a hang. */
const RUN_BUDGET_MS = 3000;

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const PRISTINE = Object.getOwnPropertyDescriptors(Object.prototype);
const PRISTINE_ARRAY = Object.getOwnPropertyNames(Array.prototype).sort();

function expectPrototypesUntouched(): void {
  const now = Object.getOwnPropertyDescriptors(Object.prototype);
  expect(Object.keys(now).sort()).toEqual(Object.keys(PRISTINE).sort());
  for (const k of Object.keys(PRISTINE)) expect(now[k]!.value, k).toBe(PRISTINE[k]!.value);
  expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(PRISTINE_ARRAY);
  const probe: Record<string, unknown> = {};
  for (const k of ['namespace', 'name', 'x', 'kind', 'labels']) expect(probe[k], k).toBeUndefined();
}

function timed<T>(run: () => T): T {
  const started = performance.now();
  const value = run();
  expect(performance.now() - started).toBeLessThan(RUN_BUDGET_MS);
  return value;
}

function session(): SimSession {
  const s = new SimSession();
  s.load({ yaml: DEFAULT_SCENARIO_YAML, seed: 7 });
  return s;
}

const hostileKey = fc.constantFrom(...HOSTILE, 'app', 'a.b/c', 'x', '');

const YAML_LINES = [
  'apiVersion: v1', 'apiVersion: apps/v1', 'apiVersion: constructor', 'kind: Pod', 'kind: Deployment', 'kind: Service', 'kind: toString',
  'metadata:', '  name: p', '  name: *a', '  namespace: kube-system', '  labels:', '    __proto__: x', '    constructor: y', '    app: web',
  '  __proto__:', '    namespace: kube-system', 'spec:', '  replicas: 2147483648', '  replicas: -1', '  replicas: 1.5', '  replicas: &a 3',
  '  replicas: *a', '  selector: {matchLabels: {app: web}}', '  containers:', '  - name: c', '    image: nginx', '  ports: [{port: 99999}]',
  'a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: *nope', '---', '\t- x', '{', '[', 'x: y: z', '<<: *a', 'a: 1', 'a: 2', '? k', '!!binary x',
  '%YAML 1.2', '- item', 'key: |', '  text', "'", '"', '&a', '*a',
];
const yamlText = fc.oneof(
  fc.array(fc.constantFrom(...YAML_LINES), { minLength: 1, maxLength: 14 }).map((lines) => lines.join('\n') + '\n'),
  fc.array(fc.oneof(fc.constantFrom(...YAML_LINES), fc.string({ maxLength: 12 })), { maxLength: 8 }).map((l) => l.join('\n')),
);

const WORDS = [
  'kubectl', 'get', 'pods', 'pod', 'svc', 'deploy', 'ns', 'events', 'all', 'label', 'client', 'web', 'scale', 'deploy/web', '--replicas=2147483648',
  '--replicas=-1', '--replicas=2', '--replicas=1e300', '--replicas=99999999999999999999', 'delete', 'default', 'kube-system', 'patch', 'describe',
  '-l', '-o', 'name', 'wide', 'yaml', 'jsonpath={.metadata.constructor}', "jsonpath='{.items[*].metadata.__proto__}'", '--field-selector',
  'constructor=x', '__proto__=x', 'toString=1', 'constructor', '!constructor', 'constructor-', '--overwrite', '-n', 'echo', 'sleep', '1e300', '5',
  'inf', 'for', 'i', 'in', '$(seq', '1', '3);', 'do', 'done', ';', '|', '||', '&&', '&', '2>&1', '>/dev/null', '2>/dev/null', '&>/dev/null',
  '>', '>>', '<', '>&2', 'out.txt', '"', "'", '\\', '$', '${', '`', '#', '(', ')', 'wc', '-l', 'grep', 'sort', 'head', 'exec', '--', 'sh', '-c',
  'create', 'deployment', '--image=nginx', 'run', 'expose', '--port=80', 'rollout', 'restart', 'curl', 'http://web/', 'docker', 'env', 'exit',
];
const shellLine = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), hostileKey), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.constantFrom('echo $i$j', 'echo x >/dev/null', 'kubectl get ns 2>&1 | wc -l'))
    .map(([a, b, body]) => `for i in $(seq 1 ${a}); do for j in $(seq 1 ${b}); do ${body}; done; done | wc -l`),
  fc.string({ maxLength: 40 }),
);

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const jsonValue = fc.jsonValue({ maxDepth: 2 });
const patchPath = fc.array(fc.oneof(hostileKey, fc.constantFrom('metadata', 'labels', 'spec', 'containers', '0', '-', '~1', '1e3')), { maxLength: 4 }).map((p) => `/${p.join('/')}`);
const jsonPatch = fc.array(fc.record({ op: fc.constantFrom('add', 'remove', 'replace', 'test', 'move', 'x'), path: patchPath, value: jsonValue }), { maxLength: 3 });
const mergePatch: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  obj: fc.dictionary(fc.oneof(hostileKey, fc.constantFrom('metadata', 'labels', 'spec', 'annotations')), fc.oneof({ depthSize: 'small' }, jsonValue, tie('obj')), { maxKeys: 3 }),
})).obj;
const patchCommand = fc.oneof(
  jsonPatch.map((p) => `kubectl patch pod client --type=json -p ${shellQuote(JSON.stringify(p))}`),
  fc.tuple(fc.constantFrom('merge', 'strategic'), mergePatch).map(([t, p]) => `kubectl patch pod client --type=${t} -p ${shellQuote(JSON.stringify(p))}`),
  fc.tuple(hostileKey, hostileKey).map(([a, b]) => `kubectl patch deploy web -p ${shellQuote(`{"spec":{"template":{"metadata":{"labels":{"${a}":"v"}}},"${b}":{"x":1}}}`)}`),
);

const PARAMS = { numRuns: RUNS, seed: SEED };

describe('hostile input through the core (fast-check)', () => {
  it('YAML: parsing, the API server, the kind config and the session\'s editor apply report errors at lines, never throw', () => {
    const s = session();
    fc.assert(
      fc.property(yamlText, (text) => {
        timed(() => {
          const parsed = parseManifests(text, 'fuzz.yaml');
          for (const d of [...parsed.errors, ...parsed.warnings]) expect(d.startLine).toBeGreaterThanOrEqual(1);
          for (const m of parsed.manifests) applyManifest(s.sim.cluster, m.raw, { mode: 'apply', source: 'fuzz.yaml', dryRun: true });
          try {
            parseClusterConfig(text);
          } catch (e) {
            expect((e as Error).constructor.name).toBe('ClusterConfigError');
          }
          for (const d of s.applyYaml(text).diagnostics) expect(d.startLine).toBeGreaterThanOrEqual(1);
        });
        expectPrototypesUntouched();
      }),
      PARAMS,
    );
  }, 90_000);

  it('shell lines through the session: an answer within the line\'s budget, never an exception', () => {
    const s = session();
    fc.assert(
      fc.property(shellLine, (line) => {
        const r = timed(() => s.run(line));
        expect(typeof r.output).toBe('string');
        expect(r.output.length).toBeLessThan(1_100_000);
        expectPrototypesUntouched();
        // An attached pod shell or a deleted client is state to undo, not a failure.
        s.shell.detach();
        if (!s.sim.cluster.store.get('Pod', 'default', 'client')) s.run('kubectl run client --image=registry.k8s.io/e2e-test-images/agnhost:2.53 -- netexec');
      }),
      PARAMS,
    );
  }, 90_000);

  it('patches with hostile keys and paths: the API server\'s answer, Object.prototype untouched', () => {
    const s = session();
    fc.assert(
      fc.property(patchCommand, (line) => {
        const r = timed(() => s.shell.run(line));
        expect(r.chunks.every((c) => typeof c.text === 'string')).toBe(true);
        expectPrototypesUntouched();
        if (!s.sim.cluster.store.get('Pod', 'default', 'client')) s.shell.run('kubectl run client --image=nginx');
      }),
      PARAMS,
    );
  }, 60_000);
});
