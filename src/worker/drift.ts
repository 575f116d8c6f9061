/**
 * Where the cluster and the editor's text disagree: replicas scaled in the
 * terminal, objects made or deleted there. The editor shows it, so the text
 * never silently claims `replicas: 3` beside ten pods.
 */
import { parseManifests, type Manifest } from '../sim/scenario/manifests';
import type { Simulation } from '../sim/simulation';
import type { KubeObject } from '../sim/model/types';
import { SYSTEM_NAMESPACES } from '../sim/view/build-snapshot';

/** Kinds a learner makes by hand (not ones the controllers make). */
const OWN_KINDS = ['Deployment', 'ReplicaSet', 'Service', 'Pod', 'Namespace'] as const;
const MAX_LINES = 4;

const lower = (kind: string) => kind.toLowerCase();
const keyOf = (kind: string, ns: string | undefined, name: string) => `${kind}/${ns ?? ''}/${name}`;

export interface Written {
  kind: string;
  namespace: string | undefined;
  name: string;
  replicas?: number;
}

let cache: { text: string; written: Written[] } | null = null;

/** The objects the text writes (parsed once per text). */
function writtenIn(text: string): Written[] {
  if (cache?.text === text) return cache.written;
  const written = writtenBy(parseManifests(text, 'scenario.yaml').manifests);
  cache = { text, written };
  return written;
}

/** What the manifests write, read before anything applies them. */
export function writtenBy(manifests: readonly Manifest[]): Written[] {
  const written: Written[] = [];
  for (const m of manifests) {
    const kind = String(m.raw.kind ?? '');
    const meta = (m.raw.metadata ?? {}) as Record<string, unknown>;
    const spec = (m.raw.spec ?? {}) as Record<string, unknown>;
    const clusterScoped = kind === 'Namespace' || kind === 'Node';
    const w: Written = { kind, namespace: clusterScoped ? undefined : String(meta.namespace ?? 'default'), name: String(meta.name ?? '') };
    if (kind === 'Deployment' || kind === 'ReplicaSet') w.replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
    written.push(w);
  }
  return written;
}

/** The text the editor just applied, already parsed: the next snapshot's check need not parse it again. */
export function rememberWritten(text: string, written: Written[]): void {
  cache = { text, written };
}

function madeByHand(o: KubeObject): boolean {
  if (o.metadata.ownerReferences?.length || o.metadata.deletionTimestamp !== undefined) return false;
  if (o.kind === 'Namespace') return !SYSTEM_NAMESPACES.has(o.metadata.name) && o.metadata.name !== 'default';
  const ns = o.metadata.namespace ?? '';
  if (SYSTEM_NAMESPACES.has(ns)) return false;
  return !(o.kind === 'Service' && ns === 'default' && o.metadata.name === 'kubernetes');
}

/** One short line each, at most a few, the rest counted. Empty when they agree (or the text does not parse). */
export function editorDrift(sim: Simulation, text: string, applied: ReadonlySet<string>): string[] {
  const store = sim.cluster.store;
  const lines: string[] = [];
  const written = writtenIn(text);
  for (const w of written) {
    const key = keyOf(w.kind, w.namespace, w.name);
    if (!applied.has(key)) continue;
    const live = (OWN_KINDS as readonly string[]).includes(w.kind) ? store.get(w.kind as (typeof OWN_KINDS)[number], w.namespace, w.name) : undefined;
    if (!live && (OWN_KINDS as readonly string[]).includes(w.kind)) lines.push(`${lower(w.kind)} ${w.name} is in the text, but was deleted from the cluster`);
    else if (live && w.replicas !== undefined && (live.kind === 'Deployment' || live.kind === 'ReplicaSet') && live.spec.replicas !== w.replicas) {
      lines.push(`${lower(w.kind)} ${w.name} has ${live.spec.replicas} replicas in the cluster, ${w.replicas} in the text`);
    }
  }
  const inText = new Set(written.map((w) => keyOf(w.kind, w.namespace, w.name)));
  for (const kind of OWN_KINDS) {
    for (const o of store.list(kind)) {
      if (!madeByHand(o) || inText.has(keyOf(kind, o.metadata.namespace, o.metadata.name))) continue;
      lines.push(`${lower(kind)} ${o.metadata.namespace && o.metadata.namespace !== 'default' ? `${o.metadata.namespace}/` : ''}${o.metadata.name} is in the cluster, not in the text`);
    }
  }
  if (lines.length <= MAX_LINES) return lines;
  return [...lines.slice(0, MAX_LINES - 1), `and ${lines.length - MAX_LINES + 1} more differences`];
}
