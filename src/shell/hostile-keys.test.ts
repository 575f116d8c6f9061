/**
 * Keys from input never reach Object.prototype: a Go map has no prototype, so `constructor`,
 * `toString` or `__proto__` are keys like any other for kubectl and the API server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appliedShell } from './test-shell';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Object.prototype as the test process started with it. */
const PRISTINE = Object.getOwnPropertyNames(Object.prototype).sort();

export function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PRISTINE);
  expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
  expect(({} as Record<string, unknown>).namespace).toBeUndefined();
}

afterEach(expectPrototypeUntouched);

describe('hostile keys', () => {
  it('kubectl label constructor=x labels the pod, and -l constructor matches only pods with that label', () => {
    const t = appliedShell();
    expect(t.run('kubectl label pod client constructor=x')).toBe('pod/client labeled\n');
    expect(t.stdout('kubectl get pods -l constructor -o name')).toBe('pod/client\n');
    expect(t.stdout('kubectl get pods -l constructor=x -o name')).toBe('pod/client\n');
    expect(t.stdout('kubectl get pods -l !constructor -o name')).not.toContain('pod/client');
    expect(t.stdout('kubectl get pods -l toString -o name')).toBe('');
    expect(t.run('kubectl get pods -l "constructor in (x)" -o name')).toBe('pod/client\n');
    expect(t.run('kubectl label pod client constructor-')).toBe('pod/client unlabeled\n');
    expect(t.run('kubectl label pod client toString-')).toBe('label "toString" not found.\npod/client not labeled\n');
  });

  it('every hostile key labels and selects like an ordinary one (label.go parseLabels; apimachinery labels)', () => {
    const t = appliedShell();
    for (const k of HOSTILE.filter((k) => k !== '__proto__')) {
      expect(t.run(`kubectl label pod client ${k}=v`), k).toBe('pod/client labeled\n');
      expect(t.stdout(`kubectl get pods -l ${k}=v -o name`), k).toBe('pod/client\n');
    }
    // `__proto__` is no qualified name: the API server refuses it as any such key.
    expect(t.run('kubectl label pod client __proto__=v')).toContain('Invalid value: "__proto__"');
  });

  it('a JSON patch through /__proto__/ is a missing path, not a write to Object.prototype', () => {
    const t = appliedShell();
    const r = t.result(`kubectl patch pod client --type=json -p '[{"op":"add","path":"/metadata/__proto__/namespace","value":"kube-system"}]'`);
    expect(r.exitCode).not.toBe(0);
    t.run('kubectl run later --image=nginx');
    expect(t.sim.cluster.store.get('Pod', 'default', 'later')).toBeDefined();
    for (const k of HOSTILE) {
      t.run(`kubectl patch pod client --type=json -p '[{"op":"add","path":"/${k}/x","value":1}]'`);
      t.run(`kubectl patch pod client --type=json -p '[{"op":"replace","path":"/metadata/labels/${k}","value":"y"}]'`);
    }
  });

  it('merge and strategic patches carry hostile keys as ordinary map keys', () => {
    const t = appliedShell();
    for (const type of ['merge', 'strategic']) {
      // The API server's strict decoding names them as unknown fields.
      expect(t.run(`kubectl patch pod client --type=${type} -p '{"__proto__":{"namespace":"kube-system"},"metadata":{"__proto__":{"x":1}}}'`)).toBe(
        'Error from server (BadRequest): Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "__proto__", unknown field "metadata.__proto__"\n',
      );
      expect(t.run(`kubectl patch pod client --type=${type} -p '{"metadata":{"labels":{"constructor":"${type}"}}}'`)).toBe('pod/client patched\n');
    }
    expect(t.sim.cluster.store.get('Pod', 'default', 'client')!.metadata.labels).toHaveProperty('constructor', 'strategic');
  });

  it('hostile words as resource types, flags, field selectors, apiVersions and kinds get the usual errors', () => {
    const t = appliedShell();
    for (const k of HOSTILE) {
      expect(t.run(`kubectl get ${k}`)).toBe(`error: the server doesn't have a resource type "${k}"\n`);
      expect(t.run(`kubectl get pods --${k}`)).toContain(`unknown flag: --${k}`);
      expect(t.run(`kubectl get events --field-selector ${k}=x`)).toContain(`field label not supported: ${k}`);
      expect(t.run(`kubectl create service ${k} x`)).toContain('unknown command');
      expect(t.run(`kubectl rollout ${k} deploy/web`)).toBeTruthy();
    }
  });
});
