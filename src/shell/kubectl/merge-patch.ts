/**
 * The three patch types of kubectl patch --type: a JSON merge patch (RFC 7386: maps merge,
 * null deletes, everything else replaces), the strategic merge patch built-in types get by
 * default (the same, except lists whose items have a merge key merge item by item: the
 * patchMergeKey tags of k8s.io/api core/v1 types.go), and a JSON patch (RFC 6902 add,
 * remove, replace, test).
 */
import { hasOwn, own, setOwn } from '../../sim/model/own';

type Json = unknown;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else setOwn(out, k, mergePatch(own(out, k), v));
  }
  return out;
}

/** The merge key of a list field, as k8s.io/api declares it (patchMergeKey). */
export function mergeKey(field: string, items: unknown[]): string | undefined {
  if (['containers', 'initContainers', 'volumes', 'env', 'imagePullSecrets'].includes(field)) return 'name';
  if (field === 'volumeMounts') return 'mountPath';
  if (field === 'ports') return items.some((i) => isObj(i) && 'containerPort' in i) ? 'containerPort' : 'port';
  return undefined;
}

export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else {
      const cur = own(out, k);
      if (Array.isArray(v) && Array.isArray(cur)) {
        const key = mergeKey(k, [...v, ...cur]);
        setOwn<unknown>(out, k, key ? mergeList(cur, v, key) : v);
      } else setOwn(out, k, strategicMergePatch(cur, v));
    }
  }
  return out;
}

function mergeList(current: unknown[], patch: unknown[], key: string): unknown[] {
  const out = [...current];
  for (const item of patch) {
    const i = isObj(item) ? out.findIndex((c) => isObj(c) && c[key] === item[key]) : -1;
    if (i >= 0) out[i] = strategicMergePatch(out[i], item);
    else out.push(item);
  }
  return out;
}

interface Op {
  op: string;
  path: string;
  value?: unknown;
}

/** RFC 6902 on a copy; an error text as kubectl would print it when an op cannot apply. */
export function jsonPatch(target: Json, ops: unknown[]): Json | { error: string } {
  let doc = JSON.parse(JSON.stringify(target)) as Json;
  for (const item of ops) {
    if (!isObj(item) || typeof item.path !== 'string' || typeof item.op !== 'string') return { error: 'operation missing path or op field' };
    const o = item as unknown as Op;
    const parts = o.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (o.path === '' || parts.length === 0) {
      if (o.op === 'replace' || o.op === 'add') doc = o.value;
      continue;
    }
    const last = parts.pop()!;
    let parent: unknown = doc;
    for (const p of parts) {
      parent = Array.isArray(parent) ? (/^\d+$/.test(p) ? parent[Number(p)] : undefined) : isObj(parent) ? own(parent, p) : undefined;
      if (parent === undefined) return { error: `doc is missing path: "${o.path}": missing value` };
    }
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : /^\d+$/.test(last) ? Number(last) : -1;
      if (i < 0 || i > parent.length) return { error: `doc is missing path: "${o.path}": missing value` };
      if (o.op === 'add') parent.splice(i, 0, o.value);
      else if (o.op === 'remove' || o.op === 'replace') {
        if (i >= parent.length) return { error: `doc is missing path: "${o.path}": missing value` };
        if (o.op === 'remove') parent.splice(i, 1);
        else parent[i] = o.value;
      } else if (o.op === 'test' && JSON.stringify(parent[i]) !== JSON.stringify(o.value)) return { error: `testing value ${o.path} failed: test failed` };
    } else if (isObj(parent)) {
      if (o.op === 'add') setOwn(parent, last, o.value);
      else if (o.op === 'remove' || o.op === 'replace') {
        if (!hasOwn(parent, last)) return { error: `${o.op === 'remove' ? 'Unable to remove nonexistent key' : 'replace operation does not apply: doc is missing key'}: ${last}: missing value` };
        if (o.op === 'remove') delete parent[last];
        else setOwn(parent, last, o.value);
      } else if (o.op === 'test' && JSON.stringify(own(parent, last)) !== JSON.stringify(o.value)) return { error: `testing value ${o.path} failed: test failed` };
    } else return { error: `doc is missing path: "${o.path}": missing value` };
    if (!['add', 'remove', 'replace', 'test'].includes(o.op)) return { error: `Unexpected kind: ${o.op}` };
  }
  return doc;
}
