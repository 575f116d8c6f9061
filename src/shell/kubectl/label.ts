/** kubectl label TYPE NAME k=v... [k-] [--overwrite]: labels change at once, and so do the Services that select by them. */
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import { isClusterScoped } from '../../sim/model/store';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf } from './resources';

const SPEC = { valued: { ...NAMESPACE_FLAGS }, bool: { '--overwrite': 'overwrite' } };

export function kubectlLabel(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl label');
  if (p.error) return err(p.error);
  let [type, name, ...changes] = p.positional;
  if (type?.includes('/')) {
    changes = [name!, ...changes].filter(Boolean);
    [type, name] = type.split('/') as [string, string];
  }
  if (!type || !name) return err("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
  if (changes.length === 0) return err("error: at least one label update is required\n");
  const kind = kindOf(type);
  if (!kind) return err(`error: the server doesn't have a resource type "${type}"\n`);
  const obj = ctx.sim.cluster.store.get(kind, isClusterScoped(kind) ? undefined : (p.flags.namespace ?? 'default'), name);
  if (!obj) return err(`Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n`);
  const labels = { ...(obj.metadata.labels ?? {}) };
  let removed = false;
  for (const change of changes) {
    if (change.endsWith('-') && !change.includes('=')) {
      delete labels[change.slice(0, -1)];
      removed = true;
      continue;
    }
    const [k, v] = change.split('=');
    if (!k || v === undefined) return err(`error: invalid label spec: ${change}\n`);
    if (k in labels && labels[k] !== v && !p.bools.has('overwrite')) {
      return err(`error: '${k}' already has a value (${labels[k]}), and --overwrite is false\n`);
    }
    labels[k] = v;
  }
  const unchanged = JSON.stringify(labels) === JSON.stringify(obj.metadata.labels ?? {});
  obj.metadata.labels = labels;
  if (!unchanged) {
    ctx.sim.cluster.update(obj);
    ctx.sim.settle();
  }
  return out(`${resourceRef(kind, name)} ${unchanged ? 'not labeled' : removed && changes.every((c) => c.endsWith('-')) ? 'unlabeled' : 'labeled'}\n`);
}
