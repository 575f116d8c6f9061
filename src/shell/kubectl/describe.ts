/**
 * kubectl describe svc|pod|endpoints|deploy NAME: key/value blocks aligned by
 * Go's tabwriter (minwidth 0, padding 2), as
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go lays them out.
 */
import { groupResource } from '../../sim/apiserver/resource-names';
import { LAST_APPLIED } from '../../sim/apiserver/apply';
import type { Kind, KubeObject } from '../../sim/model/types';
import { isClusterScoped } from '../../sim/model/store';
import { tabwrite } from '../print/tabwriter';
import { err, out, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { describeDeployment, describeEndpoints, describePod, describeService } from './describe-kinds';
import { describeOther } from './describe-more';
import { describeEndpointSlice, describeNode } from './describe-node';
import { eventLines } from './describe-events';
import { parseSelector } from './selector';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, unknownResource } from './resources';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-l': 'selector', '--selector': 'selector', '--show-events': 'show-events' },
  bool: { '-A': 'all-namespaces', '--all-namespaces': 'all-namespaces' },
};

/** "Labels: a=b" then one indented line per further label; "<none>" when empty. */
export function mapLines(key: string, map: Record<string, string> | undefined, skip: string[] = [], separator = '='): string[] {
  const keys = Object.keys(map ?? {}).filter((k) => !skip.includes(k)).sort();
  if (keys.length === 0) return [`${key}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${key}:` : ''}\t${k}${separator}${map![k]}`);
}

/**
 * Annotations print as "key: value" (describe.go printAnnotationsMultiline), without kubectl
 * apply's own; a value longer than maxAnnotationLen (140, with its key) or of several lines goes
 * under its key, each line indented two more and cut at 138 characters with "...".
 */
export function annotationLines(obj: { metadata: { annotations?: Record<string, string> } }, extra: Record<string, string> = {}): string[] {
  const map = { ...extra, ...(obj.metadata.annotations ?? {}) };
  const keys = Object.keys(map).filter((k) => k !== LAST_APPLIED).sort();
  if (keys.length === 0) return ['Annotations:\t<none>'];
  const lines: string[] = [];
  keys.forEach((key, i) => {
    const head = i === 0 ? 'Annotations:' : '';
    const value = map[key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > 140 || value.includes('\n')) {
      lines.push(`${head}\t${key}:`);
      for (const line of value.split('\n')) lines.push(`\t  ${line.length > 138 ? line.slice(0, 138) + '...' : line}`);
    } else lines.push(`${head}\t${key}: ${value}`);
  });
  return lines;
}

/**
 * Mirrors the describe command's Run (kubectl pkg/cmd/describe/describe.go): every object
 * named (or all of the type, or those -l selects), the NotFound errors after the rest, a
 * blank pair of lines between objects, and events only when one object is described.
 * A single name that matches nothing describes the objects whose names start with it.
 */
export function kubectlDescribe(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl describe');
  if (p.error) return err(p.error);
  if (p.positional.length === 0) return err('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  const wanted = targets(p.positional);
  if ('error' in wanted) return err(wanted.error);
  const selector = p.flags.selector !== undefined ? parseSelector(p.flags.selector) : undefined;
  if (selector && 'error' in selector) return err(selector.error);
  const allNs = p.bools.has('all-namespaces');
  const namespace = p.flags.namespace ?? 'default';
  const store = ctx.sim.cluster.store;
  const found: KubeObject[] = [];
  const errors: string[] = [];
  for (const { kind, name } of wanted) {
    const ns = isClusterScoped(kind) ? undefined : namespace;
    if (name === undefined) {
      const all = store.list(kind, isClusterScoped(kind) || allNs ? undefined : namespace);
      found.push(...(selector ? all.filter((o) => selector.matches(o.metadata.labels)) : all));
    } else {
      const o = store.get(kind, ns, name);
      if (o) found.push(o);
      else errors.push(`Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n`);
    }
  }
  const explicit = p.flags['show-events'];
  const showEvents = explicit !== undefined ? explicit !== 'false' : errors.length === 0 && found.length <= 1;
  const single = wanted.length === 1 && wanted[0]!.name !== undefined && p.positional.length === 2;
  if (errors.length > 0 && single) {
    const { kind, name } = wanted[0]!;
    const matching = store.list(kind, isClusterScoped(kind) ? undefined : namespace).filter((o) => o.metadata.name.startsWith(name!));
    if (matching.length > 0) return out(matching.map((o) => (render(o, ctx, explicit === 'true') ?? '') + '\n').join(''));
  }
  const blocks: string[] = [];
  for (const o of found) {
    const text = render(o, ctx, showEvents);
    if (text === undefined) return err(`error: describing ${groupResource(o.kind)} is not supported here\n`);
    blocks.push(text);
  }
  const chunks: OutputChunk[] = blocks.length ? [{ stream: 'out', text: blocks.join('\n\n') }] : [];
  if (found.length === 0 && errors.length === 0) chunks.push({ stream: 'err', text: allNs ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n` });
  for (const e of errors) chunks.push({ stream: 'err', text: e });
  return { chunks, exitCode: errors.length ? 1 : 0 };
}

/** TYPE [NAME...] or TYPE/NAME..., as the resource builder takes them. */
function targets(positional: string[]): { kind: Kind; name?: string }[] | { error: string } {
  const out: { kind: Kind; name?: string }[] = [];
  if (positional[0]!.includes('/')) {
    for (const arg of positional) {
      const [type, name] = arg.split('/');
      if (name === undefined) return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n` };
      const kind = kindOf(type!);
      if (!kind) return { error: unknownResource(type!) };
      out.push({ kind, name });
    }
    return out;
  }
  const [type, ...names] = positional;
  const kind = kindOf(type!);
  if (!kind) return { error: unknownResource(type!) };
  return names.length ? names.map((name) => ({ kind, name })) : [{ kind }];
}

function render(o: KubeObject, ctx: CommandContext, showEvents: boolean): string | undefined {
  const cluster = ctx.sim.cluster;
  const now = cluster.clock.now();
  // Node events: the node controller refers to the node by uid, the kubelet by name (describe.go NodeDescriber).
  const about = o.kind === 'Node' ? [...cluster.events.about(o.metadata.uid, now), ...cluster.events.about(o.metadata.name, now)] : cluster.events.about(o.metadata.uid, now);
  const events = showEvents ? eventLines(about, now) : [];
  const store = cluster.store;
  let lines: string[];
  if (o.kind === 'Service') lines = describeService(o, store, events);
  else if (o.kind === 'Pod') lines = describePod(o, store, events, now);
  else if (o.kind === 'Endpoints') lines = describeEndpoints(o, events);
  else if (o.kind === 'Deployment') lines = describeDeployment(o, store, events);
  else if (o.kind === 'Node') lines = describeNode(o, store, events, now);
  else if (o.kind === 'EndpointSlice') lines = describeEndpointSlice(o, events);
  else {
    const more = describeOther(o, store, events);
    if (!more) return undefined;
    lines = more;
  }
  return tabwrite(lines.join('\n') + '\n', { minWidth: 0, padding: 2 });
}
