/**
 * One `kubectl edit` between its editor's saves: the objects as fetched, the file the
 * editor shows, and what a save does. Mirrors the edit loop of
 * staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (Run, visitToPatch, addError,
 * preservedFile): compare without comments, abort on an empty file, reopen on a syntax error
 * or an Invalid answer with the reasons in the header, and patch each object that changed.
 * Departure: kubectl sends a two-way strategic merge patch; here the patch is a JSON merge
 * patch of the same two files, which gives the same object unless the object changed on the
 * server while the editor was open (lists are then replaced, not merged item by item).
 */
import { applyManifest } from '../../../sim/apiserver/apply';
import { checkKind } from '../../../sim/apiserver/decode';
import { unknownFields } from '../../../sim/apiserver/strict-fields';
import { groupResource, resourceRef } from '../../../sim/apiserver/resource-names';
import { canonicalJson } from '../../../sim/controllers/hash';
import { isClusterScoped } from '../../../sim/model/store';
import type { Kind } from '../../../sim/model/types';
import { parseManifests } from '../../../sim/scenario/manifests';
import type { Simulation } from '../../../sim/simulation';
import { goJson, goQuote, goSharpV, goV } from '../../print/go-format';
import { toApiObject, toJson, toYaml } from '../../print/serialize';
import type { CommandResult, OutputChunk } from '../../types';
import { mergePatch } from '../merge-patch';
import { kindOf } from '../resources';
import { createMergePatch } from './create-merge-patch';
import { editHeader, hasLines, manualStrip, stripComments, tempFileName, type EditReason } from './edit-file';

type Obj = Record<string, unknown>;

export interface EditState {
  /** The editor's format (-o json edits JSON, without the header). */
  format: 'yaml' | 'json';
  /** -o yaml|json: print each edited object that way instead of "service/web edited". */
  output: '' | 'yaml' | 'json';
  /** The namespace kubectl ran in (-n, else default): an edited object may not move out of it. */
  namespace: string;
  /** The objects as fetched when the edit began, as the API returned them. */
  originals: Obj[];
  /** The file first shown: a save equal to it (comments aside) changes nothing. */
  original: string;
  /** What the editor shows now. */
  text: string;
  /** The temporary file it was written to. */
  file: string;
  /** The text saved last time, when that save failed: saving it again unchanged gives up. */
  previous?: string;
  /** "service/web", or the objects of a list. */
  title: string;
  /** How many times the editor was opened (each opening writes a new temporary file). */
  launches: number;
  /** What the temporary files' random letters are drawn from (the objects and which edit this is). */
  seed: string;
}

export interface EditStep extends CommandResult {
  /** The file to show again: the save failed and kubectl reopens the editor. */
  reopen?: EditState;
}

const meta = (o: Obj): Obj => (typeof o.metadata === 'object' && o.metadata !== null && !Array.isArray(o.metadata) ? (o.metadata as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The editor's first file: the header (YAML only), then the object, or a List of them. */
export function beginEdit(objects: Obj[], opts: { format: 'yaml' | 'json'; output: '' | 'yaml' | 'json'; namespace: string; title: string }): EditState {
  const shown = objects.length === 1 ? objects[0]! : { apiVersion: 'v1', items: objects, kind: 'List', metadata: {} };
  const body = opts.format === 'json' ? toJson(shown) : toYaml(shown);
  const text = (opts.format === 'yaml' ? editHeader([]) : '') + body;
  const seed = objects.map((o) => str(meta(o).uid)).join(',');
  return { ...opts, originals: objects, original: text, text, file: tempFileName(`${seed}#0`, extOf(opts.format)), launches: 1, seed };
}

const extOf = (format: 'yaml' | 'json'): '.yaml' | '.json' => (format === 'json' ? '.json' : '.yaml');

/** The edit as the `n`th of its shell: kubectl draws new letters for every file, so two edits of one object get two names. */
export function numberedEdit(state: EditState, n: number): EditState {
  const seed = `${state.seed}@${n}`;
  return { ...state, seed, file: tempFileName(`${seed}#${state.launches - 1}`, extOf(state.format)) };
}

const cancelled = (text: string, exitCode: number): EditStep => ({ chunks: [{ stream: 'err', text: `${text}\n` }], exitCode });

/** kubectl gives up: where the file was kept, then the error (preservedFile, then CheckErr). */
function preserved(chunks: OutputChunk[], file: string, message: string): EditStep {
  return { chunks: [...chunks, { stream: 'err', text: `A copy of your changes has been stored to "${file}"\nerror: ${message}\n` }], exitCode: 1 };
}

function reopen(state: EditState, edited: string, reasons: EditReason[], chunks: OutputChunk[]): EditStep {
  const launches = state.launches + 1;
  const file = tempFileName(`${state.seed}#${launches - 1}`, extOf(state.format));
  const text = (state.format === 'yaml' ? editHeader(reasons) : '') + manualStrip(edited);
  return { chunks, exitCode: 0, reopen: { ...state, text, file, previous: edited, launches } };
}

/** The builder's reading of the saved file: the objects in it, or why it could not read them. */
function readEdited(edited: string): { objects: Obj[] } | { error: string } {
  const parsed = parseManifests(edited, 'edited-file');
  if (parsed.errors.length > 0) return { error: parsed.errors[0]!.message.replace(/^error: /, '') };
  for (const m of parsed.manifests) {
    if (m.raw.kind === undefined || m.raw.kind === '') return { error: `Object 'Kind' is missing in '${goJson(m.raw)}'` };
    if (m.raw.apiVersion === undefined || m.raw.apiVersion === '') return { error: `Object 'apiVersion' is missing in '${goJson(m.raw)}'` };
    const mapped = checkKind(m.raw, 'edited-file');
    if (!mapped.ok) return { error: mapped.message.replace(/^error: /, '') };
  }
  return { objects: parsed.manifests.map((m) => m.raw) };
}

/** What one save of the editor does: kubectl's lines, and the file again when it must be fixed. */
export function saveEdit(sim: Simulation, state: EditState, edited: string): EditStep {
  if (state.previous !== undefined && stripComments(state.previous) === stripComments(edited)) {
    return preserved([], state.file, 'Edit cancelled, no valid changes were saved.');
  }
  if (stripComments(state.original) === stripComments(edited)) return cancelled('Edit cancelled, no changes made.', 0);
  if (!hasLines(edited)) return cancelled('Edit cancelled, saved file was empty.', 0);
  const read = readEdited(edited);
  if ('error' in read) return reopen(state, edited, [{ head: `The edited file had a syntax error: ${read.error}`, other: [] }], []);
  for (const o of read.objects) {
    const kind = kindOf(str(o.kind))!;
    const ns = str(meta(o).namespace);
    if (!isClusterScoped(kind) && ns !== '' && ns !== state.namespace) {
      return preserved([], state.file, `the namespace from the provided object "${ns}" does not match the namespace "${state.namespace}". You must pass '--namespace=${ns}' to perform this operation.`);
    }
  }
  return patchAll(sim, state, edited, read.objects);
}

/** visitToPatch for every object of the file, then what kubectl does with the failures. */
function patchAll(sim: Simulation, state: EditState, edited: string, objects: Obj[]): EditStep {
  const chunks: OutputChunk[] = [];
  const reasons: EditReason[] = [];
  let retryable = 0;
  let notFound = 0;
  for (const o of objects) {
    const uid = str(meta(o).uid);
    const original = state.originals.find((x) => str(meta(x).uid) === uid);
    if (!original) return preserved(chunks, state.file, `no original object found for &unstructured.Unstructured{Object:${goSharpV(o)}}`);
    const kind = kindOf(str(original.kind))!;
    const name = str(meta(original).name);
    if (canonicalJson(original) === canonicalJson(o)) {
      chunks.push(printed(sim, state, kind, name, 'skipped'));
      continue;
    }
    if (o.apiVersion !== original.apiVersion || o.kind !== original.kind || meta(o).name !== meta(original).name) {
      return preserved(chunks, state.file, 'At least one of apiVersion, kind and name was changed');
    }
    const resource = groupResource(kind);
    const result = patchOne(sim, kind, original, o);
    if (result === 'notFound') {
      notFound++;
      chunks.push({ stream: 'err', text: `error: ${resource} "${name}" could not be found on the server\n` });
    } else if (result === 'ok') {
      chunks.push(printed(sim, state, kind, name, 'edited'));
    } else if ('invalid' in result) {
      reasons.push({ head: `${resource} "${name}" was not valid`, other: result.invalid });
      chunks.push({ stream: 'err', text: `error: ${resource} "${name}" is invalid\n` });
    } else {
      retryable++;
      chunks.push({ stream: 'err', text: `error: ${resource} "${name}" could not be patched: ${result.error}\n` });
    }
  }
  if (retryable > 0) return { chunks: [...chunks, { stream: 'err', text: `You can run \`kubectl replace -f ${state.file}\` to try this update again.\n` }], exitCode: 1 };
  if (notFound > 0) return { chunks: [...chunks, { stream: 'err', text: `The edits you made on deleted resources have been saved to "${state.file}"\n` }], exitCode: 1 };
  if (reasons.length === 0) return { chunks, exitCode: 0 };
  return reopen(state, edited, reasons, chunks);
}

type PatchResult = 'ok' | 'notFound' | { invalid: string[] } | { error: string };

/** The patch sent as kubectl patch sends it: onto the live object, through the API server's update path. */
function patchOne(sim: Simulation, kind: Kind, original: Obj, edited: Obj): PatchResult {
  const cluster = sim.cluster;
  const name = str(meta(original).name);
  const live = cluster.store.get(kind, isClusterScoped(kind) ? undefined : str(meta(original).namespace), name);
  if (!live || live.metadata.uid !== meta(original).uid || live.metadata.deletionTimestamp !== undefined) return 'notFound';
  const patch = createMergePatch(original, edited) as Obj;
  const sentVersion = meta(patch).resourceVersion;
  if (typeof sentVersion === 'string' && sentVersion !== live.metadata.resourceVersion) {
    // A resourceVersion in the patch is a precondition the server checks (optimistic concurrency).
    return { error: `Operation cannot be fulfilled on ${groupResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again` };
  }
  const next = mergePatch(toApiObject(live, cluster.clock.now()), patch) as Obj;
  const unknown = unknownFields(kind, next);
  if (unknown.length > 0) {
    // A strategic merge patch under fieldValidation=Strict: unknown fields are a 422 on the field
    // "patch", its value the patch map as %+v prints it (apiserver endpoints/handlers/patch.go applyPatchToObject).
    return { invalid: [`patch: Invalid value: ${goQuote(goV(patch))}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`] };
  }
  const outcome = applyManifest(cluster, next, { mode: 'update', source: 'edited-file' });
  if (outcome.ok) {
    sim.settle();
    return 'ok';
  }
  const head = `The ${kind} "${name}" is invalid: `;
  if (outcome.message.startsWith(head)) {
    // A 422's causes, as "field: Invalid value: ..." (apierrors.NewInvalid: cause.Field, cause.Message).
    return { invalid: outcome.causes.map((c) => (c.message.startsWith(head) ? c.message.slice(head.length) : c.message)) };
  }
  return { error: outcome.message.replace(/^Error from server \(\w+\): error when creating "edited-file": /, '').replace(/^error: /, '') };
}

/** What kubectl prints for an object it edited or skipped: its name printer, or -o yaml|json. */
function printed(sim: Simulation, state: EditState, kind: Kind, name: string, operation: 'edited' | 'skipped'): OutputChunk {
  const ns = isClusterScoped(kind) ? undefined : state.namespace;
  const live = sim.cluster.store.get(kind, ns, name);
  if (state.output !== '' && live) {
    const doc = toApiObject(live, sim.cluster.clock.now());
    return { stream: 'out', text: state.output === 'json' ? toJson(doc) : toYaml(doc) };
  }
  return { stream: 'out', text: `${resourceRef(kind, name)} ${operation}\n` };
}
