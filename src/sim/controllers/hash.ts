/**
 * The pod-template-hash: FNV-32a over the template, printed in decimal and
 * mapped onto apimachinery's SafeEncodeString alphabet, which is why real
 * hashes only hold the characters 4-9, b, c, d and f.
 * Mirrors k/k pkg/controller/controller_utils.go ComputeHash. Upstream hashes
 * Go's dump of the template; we hash its canonical JSON, so the value is ours.
 */
import { KUBE_NAME_ALPHABET } from '../rng';

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += KUBE_NAME_ALPHABET[s.charCodeAt(i) % KUBE_NAME_ALPHABET.length];
  return out;
}

/** Labels (or any string maps) equal key for key, without building strings. */
export function sameStringMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const x = a ?? {};
  const y = b ?? {};
  let count = 0;
  for (const k in x) {
    if (x[k] !== y[k]) return false;
    count++;
  }
  for (const _ in y) count--;
  return count === 0;
}

/** Insertion sort: objects have few keys, and Array#sort would copy them first. */
function sortInPlace(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

// Keys and many values recur in every manifest ("apiVersion", "TCP", image names): quote each once.
const QUOTED = new Map<string, string>();

function quoted(s: string): string {
  let q = QUOTED.get(s);
  if (q === undefined) {
    if (QUOTED.size >= 10_000) QUOTED.clear();
    QUOTED.set(s, (q = JSON.stringify(s)));
  }
  return q;
}

/** JSON with object keys sorted and undefined members left out (what Go's json.Marshal prints for a map). */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (canonicalJson(value[i]) ?? '');
    return out + ']';
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = sortInPlace(Object.keys(obj));
    let out = '{';
    for (const k of keys) {
      if (obj[k] === undefined) continue;
      out += (out.length > 1 ? ',' : '') + quoted(k) + ':' + canonicalJson(obj[k]);
    }
    return out + '}';
  }
  return JSON.stringify(value);
}

const hashCache = new WeakMap<object, string>();

export function podTemplateHash(template: object, collisionCount = 0): string {
  if (collisionCount === 0) {
    const cached = hashCache.get(template);
    if (cached) return cached;
    const hash = safeEncodeString(String(fnv32a(canonicalJson(template))));
    hashCache.set(template, hash);
    return hash;
  }
  return safeEncodeString(String(fnv32a(canonicalJson(template) + (collisionCount ? String(collisionCount) : ''))));
}
