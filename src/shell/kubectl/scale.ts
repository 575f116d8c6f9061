/** kubectl scale deployment NAME --replicas=N. */
import { simTimeToIso } from '../../sim/clock';
import { goJsonNumber, INT32_MAX } from '../../sim/apiserver/decode';
import { goQuote } from '../../sim/apiserver/field-errors';
import { formatLabels } from '../../sim/model/labels';
import type { Deployment, ReplicaSet, StatefulSet } from '../../sim/model/types';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, MISSING_RESOURCES } from './resources';
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';

const SPEC = { valued: { ...NAMESPACE_FLAGS, '--replicas': 'replicas' }, bool: {} };

/**
 * The Scale subresource's JSON after kubectl's merge patch {"spec":{"replicas":N}} (scaleFromDeployment in
 * pkg/registry/apps/deployment/storage; json-patch re-marshals it with its keys sorted).
 */
function patchedScale(obj: Deployment | ReplicaSet | StatefulSet, replicas: number): string {
  const m = obj.metadata;
  const meta = `{"creationTimestamp":"${simTimeToIso(m.creationTimestamp)}","name":"${m.name}","namespace":"${m.namespace}","resourceVersion":"${m.resourceVersion}","uid":"${m.uid}"}`;
  const selector = formatLabels(obj.spec.selector.matchLabels);
  return `{"apiVersion":"autoscaling/v1","kind":"Scale","metadata":${meta},"spec":{"replicas":${goJsonNumber(replicas)}},"status":{"replicas":${obj.status.replicas}${selector ? `,"selector":"${selector}"` : ''}}}`;
}

export function kubectlScale(args: string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, SPEC, 'kubectl scale');
  if (parsed.error) return err(parsed.error);
  if (parsed.flags.replicas === undefined) return err("error: required flag(s) \"replicas\" not set\n");
  const text = parsed.flags.replicas;
  // pflag's IntVar: a whole number that fits Go's int, else the flag does not parse.
  if (!/^[+-]?\d+$/.test(text) || Math.abs(Number(text)) > Number.MAX_SAFE_INTEGER) {
    const why = /^[+-]?\d+$/.test(text) ? 'value out of range' : 'invalid syntax';
    return err(`Error: invalid argument "${text}" for "--replicas" flag: strconv.ParseInt: parsing ${goQuote(text)}: ${why}\nSee 'kubectl scale --help' for usage.\n`);
  }
  const replicas = Number(text);
  if (replicas < 0) return err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
  let [type, name] = parsed.positional;
  if (type?.includes('/')) [type, name] = type.split('/') as [string, string];
  // The builder (RunScale) comes after the flag checks: no resource at all, or a type without a name.
  if (!type) return err(MISSING_RESOURCES);
  const kind = kindOf(type);
  if (!name) return err("error: resource(s) were provided, but no name was specified\n");
  if (kind !== 'Deployment' && kind !== 'ReplicaSet' && kind !== 'StatefulSet') return err(`error: no scaler has been implemented for {"" "${type}"}\n`);
  const ns = parsed.flags.namespace ?? 'default';
  const obj = ctx.sim.cluster.store.get(kind, ns, name);
  if (!obj) return err(`Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n`);
  if (replicas > INT32_MAX) {
    // The merge patch applies, then the patched Scale does not decode (apiserver handlers/patch.go
    // applyPatchToCurrentObject: NewInvalid on field "patch"), which kubectl's checkErr prints.
    const json = patchedScale(obj, replicas);
    return err(`The request is invalid: patch: Invalid value: ${goQuote(json)}: json: cannot unmarshal number ${goJsonNumber(replicas)} into Go struct field ScaleSpec.spec.replicas of type int32\n`);
  }
  // A changed spec is a new generation (the registry's PrepareForUpdate); the controller observes it.
  if (obj.spec.replicas !== replicas) obj.metadata.generation = (obj.metadata.generation ?? 1) + 1;
  obj.spec.replicas = replicas;
  ctx.sim.cluster.update(obj);
  ctx.sim.settle();
  return out(`${resourceRef(kind, name)} scaled\n`);
}
