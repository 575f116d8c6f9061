/**
 * kubectl apply -f / create -f: every document in order, one line each, the
 * errors printed as kubectl prints them after the objects that did apply.
 */
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { applyManifest, LAST_APPLIED, type ApplyOutcome } from '../../sim/apiserver/apply';
import { pluralOf, resourceRef } from '../../sim/apiserver/resource-names';
import { canonicalJson } from '../../sim/controllers/hash';
import type { Kind } from '../../sim/model/types';
import { parseManifests } from '../../sim/scenario/manifests';
import type { ApplyReport, Simulation } from '../../sim/simulation';
import { toApiObject } from '../print/serialize';
import { threeWayMerge } from './three-way';
import { readSources } from './files';

/**
 * apply.go warningNoLastAppliedConfigAnnotation, on stderr before that object's line; the
 * object is named as resource.Info.ObjectName names it (plural/name).
 */
function noLastAppliedWarning(kind: Kind, name: string): string {
  return `Warning: resource ${pluralOf(kind)}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

const SPEC = { valued: { '-f': 'filename', '--filename': 'filename', ...NAMESPACE_FLAGS }, bool: { '--dry-run': 'dry-run' }, repeated: new Set(['filename']) };

export function kubectlApplyFile(args: string[], ctx: CommandContext, mode: 'apply' | 'create'): CommandResult {
  const parsed = parseFlags(args, SPEC, `kubectl ${mode}`);
  if (parsed.error) return err(parsed.error);
  const file = parsed.flags.filename;
  if (!file) {
    return err(
      mode === 'apply'
        ? "error: must specify one of -f and -k\n"
        : "error: must specify one of -f and -k\n",
    );
  }
  const sources = readSources(file, ctx);
  if ('error' in sources) return err(sources.error);
  const chunks: OutputChunk[] = [];
  const errors: string[] = [];
  let objects = 0;
  for (const { name: source, text } of sources) {
    const report = mode === 'apply' ? applyText(ctx.sim, text, source) : ctx.sim.applyText(text, source, mode);
    if (report.syntaxErrors.length > 0) {
      errors.push(`${report.syntaxErrors[0]!.message}\n`);
      continue;
    }
    for (const r of report.results) {
      const missing = r.outcome.missingLastApplied;
      if (missing) chunks.push({ stream: 'err', text: noLastAppliedWarning(missing.kind, missing.name) });
      if (r.outcome.ok) chunks.push({ stream: 'out', text: `${r.outcome.message}\n` });
      else errors.push(`${r.outcome.message}\n`);
      objects++;
    }
  }
  for (const e of errors) chunks.push({ stream: 'err', text: e });
  if (objects === 0 && errors.length === 0) return err('error: no objects passed to apply\n');
  return { chunks, exitCode: errors.length > 0 ? 1 : 0 };
}

/**
 * kubectl apply -f: a new object is created with the file as its last-applied configuration;
 * an existing one gets the three-way merge of the last-applied configuration, the file and the
 * live object (three-way.ts; staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go), sent as an
 * update. "unchanged" when that changes nothing, the annotation included (apply.go prints it
 * when the patch is "{}").
 */
function applyText(sim: Simulation, text: string, source: string): ApplyReport {
  const parsed = parseManifests(text, source);
  const results: ApplyReport['results'] = [];
  if (parsed.errors.length > 0) return { results, syntaxErrors: parsed.errors };
  for (const manifest of parsed.manifests) results.push({ manifest, outcome: applyOne(sim, manifest.raw, source) });
  sim.settle();
  return { results, syntaxErrors: [] };
}

function applyOne(sim: Simulation, raw: Record<string, unknown>, source: string): ApplyOutcome {
  const cluster = sim.cluster;
  // The file alone must decode and validate (the checks kubectl and the server make before the patch).
  const check = applyManifest(cluster, raw, { mode: 'apply', source, dryRun: true });
  if (!check.ok) return check;
  const { kind, metadata } = check.object;
  const existing = cluster.store.get(kind, metadata.namespace, metadata.name);
  if (!existing) return applyManifest(cluster, raw, { mode: 'apply', source });
  const previous = existing.metadata.annotations?.[LAST_APPLIED];
  // apply.go warns about an object made without the annotation; its original is then empty.
  const missing = previous === undefined ? { missingLastApplied: { kind, name: metadata.name } } : {};
  let original: unknown = {};
  if (previous !== undefined) {
    try {
      original = JSON.parse(previous);
    } catch {
      original = {};
    }
  }
  const rawMeta = (raw.metadata ?? {}) as Record<string, unknown>;
  const annotations = { ...((rawMeta.annotations ?? {}) as Record<string, unknown>), [LAST_APPLIED]: canonicalJson(raw) + '\n' };
  const modified = { ...raw, metadata: { ...rawMeta, annotations } };
  const current = toApiObject(existing);
  const merged = threeWayMerge(current, modified, original) as Record<string, unknown>;
  if (canonicalJson(merged) === canonicalJson(current)) return { ok: true, message: `${resourceRef(kind, metadata.name)} unchanged`, object: existing, ...missing };
  const outcome = applyManifest(cluster, merged, { mode: 'update', source });
  if (!outcome.ok) return { ...outcome, ...missing };
  return { ...outcome, message: `${resourceRef(kind, metadata.name)} configured`, ...missing };
}
