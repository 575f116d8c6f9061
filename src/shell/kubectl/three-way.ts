/**
 * kubectl apply's three-way merge (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go, which calls
 * apimachinery's pkg/util/strategicpatch CreateThreeWayMergePatch): from the original (the
 * last-applied configuration), the modified (the file now applied) and the current (live) object.
 * - fields the file sets are made to match the live object (the diff current → modified, deletions ignored);
 * - fields in the original but gone from the file are deleted (the diff original → modified, deletions only);
 * - fields the file never set keep whatever others set (kubectl scale, patch, the server's defaults).
 * Lists whose items have a merge key (k8s.io/api patchMergeKey: ports by port, containers by name)
 * merge item by item; other lists are replaced whole by the file's.
 * Here the patch is applied straight away: the result is the object the server would store.
 */
import { hasOwn, own, setOwn } from '../../sim/model/own';
import { mergeKey } from './merge-patch';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function threeWayMerge(current: unknown, modified: unknown, original: unknown, field = ''): unknown {
  if (isObj(modified)) {
    const out: Obj = isObj(current) ? { ...current } : {};
    const orig = isObj(original) ? original : {};
    // Deletions: in the last-applied configuration, no longer in the file.
    for (const k of Object.keys(orig)) if (!hasOwn(modified, k)) delete out[k];
    for (const [k, v] of Object.entries(modified)) {
      // A null in the file deletes the field (strategicpatch: a null value is a deletion).
      if (v === null) delete out[k];
      else setOwn(out, k, threeWayMerge(own(out, k), v, own(orig, k), k));
    }
    return out;
  }
  if (Array.isArray(modified)) {
    const key = mergeKey(field, [...modified, ...(Array.isArray(current) ? current : []), ...(Array.isArray(original) ? original : [])]);
    if (!key || !modified.every(isObj)) return modified;
    const cur = Array.isArray(current) ? current.filter(isObj) : [];
    const orig = Array.isArray(original) ? original.filter(isObj) : [];
    const inFile = new Set(modified.map((m) => (m as Obj)[key]));
    const removed = new Set(orig.map((o) => o[key]).filter((k) => !inFile.has(k)));
    // The file's items in the file's order ($setElementOrder), then the items only the server has.
    const merged = modified.map((m) => {
      const k = (m as Obj)[key];
      return threeWayMerge(cur.find((c) => c[key] === k), m, orig.find((o) => o[key] === k), field);
    });
    const serverOnly = cur.filter((c) => !inFile.has(c[key]) && !removed.has(c[key]));
    return [...merged, ...serverOnly];
  }
  return modified;
}
