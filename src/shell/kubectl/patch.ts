/**
 * kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]: the patched object goes
 * through the API server's update path (validation, allocation, the controllers), its
 * last-applied annotation untouched. "patched (no change)" when nothing moves.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go.
 */
import { parse } from 'yaml';
import { applyManifest } from '../../sim/apiserver/apply';
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import { isClusterScoped } from '../../sim/model/store';
import { toApiObject } from '../print/serialize';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { jsonPatch, mergePatch, strategicMergePatch } from './merge-patch';
import { kindOf, unknownResource } from './resources';

const SPEC = { valued: { ...NAMESPACE_FLAGS, '-p': 'patch', '--patch': 'patch', '--type': 'type' }, bool: {} };

export function kubectlPatch(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl patch');
  if (p.error) return err(p.error);
  let [type, name] = p.positional;
  if (type?.includes('/')) [type, name] = type.split('/') as [string, string];
  if (p.flags.patch === undefined) return err("error: must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples\n");
  if (!type || !name) return err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
  const patchType = p.flags.type ?? 'strategic';
  if (!['strategic', 'merge', 'json'].includes(patchType)) return err(`error: --type must be one of [json merge strategic], not "${patchType}"\nSee 'kubectl patch -h' for help and examples\n`);
  const kind = kindOf(type);
  if (!kind) return err(unknownResource(type));
  let patch: unknown;
  try {
    patch = parse(p.flags.patch);
  } catch (e) {
    return err(`error: unable to parse "${p.flags.patch}": ${(e as Error).message.split('\n')[0]}\n`);
  }
  const ns = isClusterScoped(kind) ? undefined : (p.flags.namespace ?? 'default');
  const cluster = ctx.sim.cluster;
  const existing = cluster.store.get(kind, ns, name);
  if (!existing) return err(`Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n`);
  const current = toApiObject(existing);
  let next: unknown;
  if (patchType === 'json') {
    if (!Array.isArray(patch)) return err(`error: unable to parse "${p.flags.patch}": json: cannot unmarshal object into Go value of type jsonpatch.Patch\n`);
    const r = jsonPatch(current, patch);
    if (r && typeof r === 'object' && 'error' in r) return err(`The request is invalid: the server rejected our request due to an error in our request\n`);
    next = r;
  } else {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return err(`error: unable to parse "${p.flags.patch}": json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}\n`);
    next = patchType === 'merge' ? mergePatch(current, patch) : strategicMergePatch(current, patch);
  }
  const ref = resourceRef(kind, name);
  if (JSON.stringify(next) === JSON.stringify(current)) return out(`${ref} patched (no change)\n`);
  const outcome = applyManifest(cluster, next as Record<string, unknown>, { mode: 'update', source: 'STDIN' });
  if (!outcome.ok) return err(`${outcome.message.replace(/^Error from server \((\w+)\): error when creating "STDIN": /, 'Error from server ($1): ')}\n`);
  ctx.sim.settle();
  return out(`${ref} patched\n`);
}
