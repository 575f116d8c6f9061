/**
 * The JSON merge patch (RFC 7386) that turns `original` into `modified`, as
 * evanphx/json-patch CreateMergePatch builds it: a key that went away is null, a map
 * that changed is diffed key by key, anything else that changed is sent whole.
 */
import { canonicalJson } from '../../../sim/controllers/hash';
import { setOwn } from '../../../sim/model/own';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createMergePatch(original: unknown, modified: unknown): unknown {
  if (!isObj(original) || !isObj(modified)) return modified;
  const patch: Obj = {};
  for (const key of Object.keys(original)) {
    if (!Object.hasOwn(modified, key)) setOwn<unknown>(patch, key, null);
  }
  for (const [key, value] of Object.entries(modified)) {
    const before = Object.hasOwn(original, key) ? original[key] : undefined;
    if (before !== undefined && canonicalJson(before) === canonicalJson(value)) continue;
    if (isObj(before) && isObj(value)) setOwn(patch, key, createMergePatch(before, value));
    else setOwn(patch, key, value);
  }
  return patch;
}
