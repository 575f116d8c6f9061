/**
 * kubectl describe svc|pod|endpoints|deploy NAME: key/value blocks aligned by
 * Go's tabwriter (minwidth 0, padding 2), as
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go lays them out.
 */
import { groupResource } from '../../sim/apiserver/resource-names';
import { LAST_APPLIED } from '../../sim/apiserver/apply';
import type { KubeObject } from '../../sim/model/types';
import { isClusterScoped } from '../../sim/model/store';
import { tabwrite } from '../print/tabwriter';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { describeDeployment, describeEndpoints, describePod, describeService } from './describe-kinds';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, unknownResource } from './resources';

const SPEC = { valued: { ...NAMESPACE_FLAGS, '-l': 'selector' }, bool: { '-A': 'all-namespaces' } };

/** "Labels: a=b" then one indented line per further label; "<none>" when empty. */
export function mapLines(key: string, map: Record<string, string> | undefined, skip: string[] = []): string[] {
  const keys = Object.keys(map ?? {}).filter((k) => !skip.includes(k)).sort();
  if (keys.length === 0) return [`${key}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${key}:` : ''}\t${k}=${map![k]}`);
}

export function annotationLines(obj: KubeObject): string[] {
  return mapLines('Annotations', obj.metadata.annotations, [LAST_APPLIED]);
}

export function kubectlDescribe(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl describe');
  if (p.error) return err(p.error);
  let [type, ...names] = p.positional;
  if (type?.includes('/')) {
    names = [type.split('/')[1]!, ...names];
    type = type.split('/')[0];
  }
  if (!type) return err("You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n");
  const kind = kindOf(type);
  if (!kind) return err(unknownResource(type));
  const ns = isClusterScoped(kind) ? undefined : (p.flags.namespace ?? 'default');
  const store = ctx.sim.cluster.store;
  const objs = names.length ? names.map((n) => store.get(kind, ns, n)) : store.list(kind, ns);
  const blocks: string[] = [];
  for (let i = 0; i < objs.length; i++) {
    const o = objs[i];
    if (!o) return err(`Error from server (NotFound): ${groupResource(kind)} "${names[i]}" not found\n`);
    const text = render(o, ctx);
    if (text === undefined) return err(`error: describing ${groupResource(kind)} is not supported here\n`);
    blocks.push(text);
  }
  if (blocks.length === 0) return err(`No resources found in ${ns ?? 'default'} namespace.\n`, 0);
  return out(blocks.join('\n\n\n'));
}

function render(o: KubeObject, ctx: CommandContext): string | undefined {
  const now = ctx.sim.cluster.clock.now();
  let lines: string[] | undefined;
  if (o.kind === 'Service') lines = describeService(o, ctx.sim.cluster.store);
  else if (o.kind === 'Pod') lines = describePod(o, ctx.sim.cluster.store, now);
  else if (o.kind === 'Endpoints') lines = describeEndpoints(o);
  else if (o.kind === 'Deployment') lines = describeDeployment(o, ctx.sim.cluster.store);
  return lines ? tabwrite(lines.join('\n') + '\n', { minWidth: 0, padding: 2 }) : undefined;
}
