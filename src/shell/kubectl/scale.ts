/** kubectl scale deployment NAME --replicas=N. */
import { err, out, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, MISSING_RESOURCES } from './resources';

const SPEC = { valued: { ...NAMESPACE_FLAGS, '--replicas': 'replicas' }, bool: {} };

export function kubectlScale(args: string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, SPEC, 'kubectl scale');
  if (parsed.error) return err(parsed.error);
  if (parsed.flags.replicas === undefined) return err("error: required flag(s) \"replicas\" not set\n");
  const replicas = Number(parsed.flags.replicas);
  if (!Number.isInteger(replicas) || replicas < 0) return err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
  let [type, name] = parsed.positional;
  if (type?.includes('/')) [type, name] = type.split('/') as [string, string];
  // The builder (RunScale) comes after the flag checks: no resource at all, or a type without a name.
  if (!type) return err(MISSING_RESOURCES);
  const kind = kindOf(type);
  if (!name) return err("error: resource(s) were provided, but no name was specified\n");
  if (kind !== 'Deployment' && kind !== 'ReplicaSet') return err(`error: no scaler has been implemented for {"" "${type}"}\n`);
  const ns = parsed.flags.namespace ?? 'default';
  const obj = ctx.sim.cluster.store.get(kind, ns, name);
  if (!obj) return err(`Error from server (NotFound): ${kind === 'Deployment' ? 'deployments.apps' : 'replicasets.apps'} "${name}" not found\n`);
  // A changed spec is a new generation (the registry's PrepareForUpdate); the controller observes it.
  if (obj.spec.replicas !== replicas) obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
  obj.spec.replicas = replicas;
  ctx.sim.cluster.update(obj);
  ctx.sim.settle();
  return out(`${kind === 'Deployment' ? 'deployment.apps' : 'replicaset.apps'}/${name} scaled\n`);
}
