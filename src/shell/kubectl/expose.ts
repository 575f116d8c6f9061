/**
 * kubectl expose deployment|rs|pod|svc NAME --port=P [--target-port=T] [--type=T] [--name=N] [--protocol=P]:
 * the selector comes from the workload's selector or the pod's labels, the
 * labels from the exposed object. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go.
 */
import type { Kind, Labels } from '../../sim/model/types';
import { groupResource } from '../../sim/apiserver/resource-names';
import { err, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf } from './resources';
import { SUBMIT_FLAGS, submitManifest, submitOptions, withBareDryRun } from './submit';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS, '--port': 'port', '--target-port': 'target-port', '--type': 'type', '--name': 'name', '--protocol': 'protocol', '--external-ip': 'external-ip', '--selector': 'selector', '--cluster-ip': 'cluster-ip', '--session-affinity': 'session-affinity' },
  bool: {},
};

function sourceOf(ctx: CommandContext, kind: Kind, ns: string, name: string): { selector: Labels; labels?: Labels; ports: number[] } | undefined {
  const store = ctx.sim.cluster.store;
  if (kind === 'Deployment' || kind === 'ReplicaSet') {
    const o = store.get(kind, ns, name);
    if (!o) return undefined;
    return { selector: o.spec.selector.matchLabels ?? {}, labels: o.metadata.labels, ports: o.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort)) };
  }
  if (kind === 'Pod') {
    const o = store.get('Pod', ns, name);
    if (!o) return undefined;
    return { selector: o.metadata.labels ?? {}, labels: o.metadata.labels, ports: o.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort)) };
  }
  if (kind === 'Service') {
    const o = store.get('Service', ns, name);
    if (!o) return undefined;
    return { selector: o.spec.selector ?? {}, labels: o.metadata.labels, ports: o.spec.ports.map((p) => p.port) };
  }
  return undefined;
}

export function kubectlExpose(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(withBareDryRun(args), SPEC, 'kubectl expose');
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  let [type, name] = p.positional;
  if (type?.includes('/')) [type, name] = type.split('/') as [string, string];
  if (!type || !name) return err("error: You must provide one or more resources by argument or filename.\n");
  const kind = kindOf(type);
  if (!kind) return err(`error: the server doesn't have a resource type "${type}"\n`);
  const ns = p.flags.namespace ?? 'default';
  const source = sourceOf(ctx, kind, ns, name);
  if (!source) {
    if (!['Deployment', 'ReplicaSet', 'Pod', 'Service'].includes(kind)) return err(`error: cannot expose a ${kind}\n`);
    return err(`Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n`);
  }
  const port = p.flags.port !== undefined ? Number(p.flags.port) : source.ports[0];
  if (port === undefined) return err("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
  const target = p.flags['target-port'];
  const ports = [{ port, protocol: p.flags.protocol ?? 'TCP', targetPort: target === undefined ? port : /^\d+$/.test(target) ? Number(target) : target }];
  const spec: Record<string, unknown> = { ports, selector: source.selector };
  if (p.flags.type) spec.type = p.flags.type;
  if (p.flags['cluster-ip']) spec.clusterIP = p.flags['cluster-ip'];
  if (p.flags['external-ip']) spec.externalIPs = p.flags['external-ip'].split(',');
  if (p.flags['session-affinity']) spec.sessionAffinity = p.flags['session-affinity'];
  const svcName = p.flags.name ?? name;
  return submitManifest(ctx, { apiVersion: 'v1', kind: 'Service', metadata: { name: svcName, ...(source.labels ? { labels: source.labels } : {}), ...(p.flags.namespace ? { namespace: ns } : {}) }, spec }, 'exposed', opts);
}
