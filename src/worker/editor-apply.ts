/**
 * Applying the editor's YAML: validate every document first (an invalid
 * edit changes nothing, so the canvas keeps the last good state), then apply
 * them all and delete what the previous version had and this one does not.
 */
import { applyManifest } from '../sim/apiserver/apply';
import type { Simulation } from '../sim/simulation';
import { sourceKey, type SourceMap } from '../sim/view/build-snapshot';
import { parseManifests, type Manifest } from '../sim/scenario/manifests';
import type { Diagnostic, SourceRange } from '../sim/view/snapshot';
import { own } from '../sim/model/own';
import { rememberWritten, writtenBy } from './drift';
import type { Kind } from '../sim/model/types';

export interface EditorApplyOutcome {
  applied: boolean;
  /** Held back: the edit changes which objects exist, so it waits for the typing to pause. */
  deferred?: boolean;
  diagnostics: Diagnostic[];
  summary: string;
  objects: Set<string>;
  sources: SourceMap;
}

const SOURCE = 'scenario.yaml';

/**
 * The API server's words for a field an update may not change (apimachinery's "field is immutable",
 * the Service allocator's "may not change once set", ValidatePodUpdate's "pod updates may not change").
 */
const IMMUTABLE = /field is immutable|may not change once set|pod updates may not change fields/;

/** The simulator's words under an immutable-field error: what the learner can do about it. */
export const RECREATE_HINT =
  'This field cannot change on an existing object: delete the object and create it again ' +
  '(cut its document from the editor, let the edit apply, then paste it back; or kubectl delete it, then apply).';

function diagnosticsFor(manifest: Manifest, causes: { field?: string; message: string }[]): Diagnostic[] {
  return causes.map((c) => ({
    ...(c.field ? manifest.locate(c.field) : manifest.range),
    message: IMMUTABLE.test(c.message) ? `${c.message}\n${RECREATE_HINT}` : c.message,
    severity: 'error' as const,
  }));
}

function keyOf(raw: Record<string, unknown>): string {
  const meta = (raw.metadata ?? {}) as Record<string, unknown>;
  const kind = String(raw.kind);
  const clusterScoped = kind === 'Namespace' || kind === 'Node';
  return sourceKey(kind, clusterScoped ? undefined : String(meta.namespace ?? 'default'), String(meta.name ?? ''));
}

/** Fields the UI tints when an object is selected: "Kind" -> [key suffix, field path]. */
const LINKED_FIELDS: Record<string, [string, string][]> = {
  Service: [['selector', 'spec.selector']],
  Pod: [['labels', 'metadata.labels']],
  Deployment: [['labels', 'spec.template.metadata.labels']],
};

/** The lines of a written map field, from its key to its last entry; undefined when not written. */
function blockRange(m: Manifest, field: string): SourceRange | undefined {
  let value: unknown = m.raw;
  for (const part of field.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (!value || typeof value !== 'object') return undefined;
  const head = m.locate(field);
  // Keys with dots (app.kubernetes.io/name) cannot be located one by one; the key's own line stands in.
  const ends = Object.keys(value).filter((k) => !k.includes('.')).map((k) => m.locate(`${field}.${k}`).endLine);
  return { startLine: head.startLine, endLine: Math.max(head.endLine, ...ends) };
}

/**
 * A deliberate departure from kubectl apply: a Pod the text names that is still terminating (its
 * document was cut, then pasted back within its grace period) is removed at once, so the paste
 * brings it back. kubectl would patch the dying pod ("unchanged") and lose it when it ends; the
 * editor's text is the desired state, and a cut and re-paste must keep every object.
 */
function finishTerminating(sim: Simulation, raw: Record<string, unknown>): void {
  if (raw.kind !== 'Pod') return;
  const meta = (raw.metadata ?? {}) as Record<string, unknown>;
  const pod = sim.cluster.store.get('Pod', String(meta.namespace ?? 'default'), String(meta.name ?? ''));
  if (pod && pod.metadata.deletionTimestamp !== undefined) sim.cluster.deletePod(pod, 0);
}

/**
 * With `onlyIfSameObjects`, an edit that adds, removes or renames objects is
 * not applied (the result says `deferred`): while a name is being typed, each
 * half-typed name would otherwise create an object and prune the last one.
 */
export function applyEditorYaml(sim: Simulation, yaml: string, previous: Set<string>, onlyIfSameObjects = false): EditorApplyOutcome {
  const parsed = parseManifests(yaml, SOURCE);
  const fail = (diagnostics: Diagnostic[]): EditorApplyOutcome => ({
    applied: false,
    diagnostics: [...diagnostics, ...parsed.warnings],
    summary: diagnostics[0]!.message.split('\n')[0]!,
    objects: previous,
    sources: new Map(),
  });
  if (parsed.errors.length > 0) return fail(parsed.errors);
  const written = writtenBy(parsed.manifests);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  // kubectl apply -f creates in order: a Namespace above makes the objects below it valid.
  const namespacesCreatedEarlier = new Set<string>();
  for (const m of parsed.manifests) {
    const check = applyManifest(sim.cluster, m.raw, { mode: 'apply', source: SOURCE, dryRun: true, checkImmutable: true, namespacesCreatedEarlier });
    if (check.ok && m.raw.kind === 'Namespace') namespacesCreatedEarlier.add(check.object.metadata.name);
    if (!check.ok) diagnostics.push(...diagnosticsFor(m, check.causes));
    const key = keyOf(m.raw);
    if (seen.has(key)) diagnostics.push({ ...m.range, endLine: m.range.startLine, message: `${String(m.raw.kind)} "${key.split('/').pop()}" is defined twice in this scenario`, severity: 'error' });
    seen.add(key);
  }
  if (diagnostics.length > 0) return fail(diagnostics);
  if (onlyIfSameObjects && (seen.size !== previous.size || [...seen].some((k) => !previous.has(k)))) {
    return { applied: false, deferred: true, diagnostics: parsed.warnings, summary: 'waiting for the edit to settle…', objects: previous, sources: new Map() };
  }
  const objects = new Set<string>();
  const sources: SourceMap = new Map();
  for (const m of parsed.manifests) finishTerminating(sim, m.raw);
  for (const m of parsed.manifests) {
    const outcome = applyManifest(sim.cluster, m.raw, { mode: 'apply', source: SOURCE });
    if (!outcome.ok) diagnostics.push(...diagnosticsFor(m, outcome.causes));
    const key = keyOf(m.raw);
    objects.add(key);
    sources.set(key, { startLine: m.range.startLine, endLine: m.range.endLine });
    for (const [suffix, field] of own(LINKED_FIELDS, String(m.raw.kind)) ?? []) {
      const range = blockRange(m, field);
      if (range) sources.set(`${key}#${suffix}`, range);
    }
  }
  for (const key of previous) {
    if (objects.has(key)) continue;
    const [kind, ns, name] = key.split('/') as [Kind, string, string];
    sim.delete(kind, ns || undefined, name);
  }
  sim.settle();
  // A simulator limit that bit (limits.ts) is a warning on the first line: no manifest is wrong.
  const notes = [...sim.cluster.limitNotes.values()];
  for (const note of notes) diagnostics.push({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2, message: note, severity: 'warning' });
  sim.cluster.limitNotes.clear();
  rememberWritten(yaml, written);
  const count = parsed.manifests.length;
  const applied = `applied · ${count} object${count === 1 ? '' : 's'}`;
  return {
    applied: true,
    diagnostics: [...diagnostics, ...parsed.warnings],
    summary: diagnostics.some((d) => d.severity === 'error') ? diagnostics[0]!.message.split('\n')[0]! : notes.length ? `${applied} · ${notes[0]}` : applied,
    objects,
    sources,
  };
}
