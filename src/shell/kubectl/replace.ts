/**
 * kubectl replace -f: each object in the file sent whole as an update (PUT), so the live
 * object becomes the file's (its labels and annotations included). An object that does not
 * exist is the API server's NotFound, "error when replacing" (k/k staging/src/k8s.io/kubectl/
 * pkg/cmd/replace/replace.go: cmdutil.AddSourceToErr("replacing", ...)); one that does prints
 * "KIND/NAME replaced" (the operation name replace.go passes to the printer).
 */
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { applyManifest } from '../../sim/apiserver/apply';
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import { parseManifests } from '../../sim/scenario/manifests';
import { readSources } from './files';

const SPEC = { valued: { '-f': 'filename', '--filename': 'filename', ...NAMESPACE_FLAGS }, bool: {}, repeated: new Set(['filename']) };

export function kubectlReplace(args: string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, SPEC, 'kubectl replace');
  if (parsed.error) return err(parsed.error);
  const file = parsed.flags.filename;
  if (!file) return err('error: must specify one of -f and -k\n');
  const sources = readSources(file, ctx);
  if ('error' in sources) return err(sources.error);
  const chunks: OutputChunk[] = [];
  const errors: string[] = [];
  const ns = parsed.flags.namespace;
  for (const { name: source, text } of sources) {
    const manifests = parseManifests(text, source);
    if (manifests.errors.length > 0) {
      errors.push(`${manifests.errors[0]!.message}\n`);
      continue;
    }
    for (const m of manifests.manifests) {
      const raw = m.raw;
      const meta = { ...((raw.metadata ?? {}) as Record<string, unknown>) };
      if (meta.namespace === undefined && ns !== undefined) meta.namespace = ns;
      const sent = { ...raw, metadata: meta };
      const check = applyManifest(ctx.sim.cluster, sent, { mode: 'update', source, dryRun: true });
      if (!check.ok) {
        errors.push(`${check.message.replace('error when creating "', 'error when replacing "')}\n`);
        continue;
      }
      const { kind, metadata } = check.object;
      if (!ctx.sim.cluster.store.get(kind, metadata.namespace, metadata.name)) {
        errors.push(`Error from server (NotFound): error when replacing "${source}": ${groupResource(kind)} "${metadata.name}" not found\n`);
        continue;
      }
      const outcome = applyManifest(ctx.sim.cluster, sent, { mode: 'update', source });
      if (outcome.ok) chunks.push({ stream: 'out', text: `${resourceRef(kind, metadata.name)} replaced\n` });
      else errors.push(`${outcome.message.replace('error when creating "', 'error when replacing "')}\n`);
    }
  }
  ctx.sim.settle();
  for (const e of errors) chunks.push({ stream: 'err', text: e });
  return { chunks, exitCode: errors.length > 0 ? 1 : 0 };
}
