/**
 * The API server's storage: objects by kind and namespace/name. Listing is
 * always in namespace/name order so that everything built from it is
 * deterministic. Sorted lists are cached and only rebuilt when an object is
 * added or removed (updates keep their place).
 */
import type { Kind, KubeObject } from './types';

export type ObjectOf<K extends Kind> = Extract<KubeObject, { kind: K }>;

const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set<Kind>(['Node', 'Namespace']);

export function isClusterScoped(kind: Kind): boolean {
  return CLUSTER_SCOPED.has(kind);
}

const byName = (a: KubeObject, b: KubeObject): number => {
  const x = a.metadata.name;
  const y = b.metadata.name;
  return x < y ? -1 : x > y ? 1 : 0;
};

class KindTable {
  size = 0;
  // Objects by namespace, then name: no "<ns>/<name>" key string is built per write.
  readonly byNamespace = new Map<string, Map<string, KubeObject>>();
  sorted: KubeObject[] | null = null;
  sortedByNamespace = new Map<string, KubeObject[]>();

  invalidate(ns: string): void {
    this.sorted = null;
    this.sortedByNamespace.delete(ns);
  }
}

export class ObjectStore {
  private readonly tables = new Map<Kind, KindTable>();

  private table(kind: Kind): KindTable {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new KindTable()));
    return t;
  }

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ObjectOf<K> | undefined {
    return this.tables.get(kind)?.byNamespace.get(namespace ?? '')?.get(name) as ObjectOf<K> | undefined;
  }

  /** All objects of a kind, optionally in one namespace, sorted by namespace/name. Do not mutate the array. */
  list<K extends Kind>(kind: K, namespace?: string): ObjectOf<K>[] {
    const t = this.tables.get(kind);
    if (!t) return [];
    if (namespace === undefined) {
      if (!t.sorted) {
        // etcd keeps objects under "<ns>/<name>" keys, so a namespace sorts as if followed by '/'.
        const namespaces = [...t.byNamespace.keys()].sort((a, b) => (a + '/' < b + '/' ? -1 : 1));
        t.sorted = namespaces.flatMap((ns) => this.list(kind, ns));
      }
      return t.sorted as ObjectOf<K>[];
    }
    let list = t.sortedByNamespace.get(namespace);
    if (!list) {
      list = [...(t.byNamespace.get(namespace)?.values() ?? [])].sort(byName);
      t.sortedByNamespace.set(namespace, list);
    }
    return list as ObjectOf<K>[];
  }

  put(obj: KubeObject): void {
    const t = this.table(obj.kind);
    const ns = obj.metadata.namespace ?? '';
    let nsMap = t.byNamespace.get(ns);
    if (!nsMap) t.byNamespace.set(ns, (nsMap = new Map()));
    const size = nsMap.size;
    nsMap.set(obj.metadata.name, obj);
    if (nsMap.size !== size) {
      t.size++;
      t.invalidate(ns);
    }
  }

  remove(kind: Kind, namespace: string | undefined, name: string): KubeObject | undefined {
    const t = this.tables.get(kind);
    const ns = namespace ?? '';
    const nsMap = t?.byNamespace.get(ns);
    const obj = nsMap?.get(name);
    if (!t || !nsMap || !obj) return undefined;
    t.size--;
    nsMap.delete(name);
    if (nsMap.size === 0) t.byNamespace.delete(ns);
    t.invalidate(ns);
    return obj;
  }

  count(kind: Kind): number {
    return this.tables.get(kind)?.size ?? 0;
  }
}
