/**
 * kubectl expose (deployment|rs|rc|pod|svc NAME | TYPE/NAME | -f FILE) --port=P [--target-port=T] [--type=T]
 * [--name=N] [--protocol=P]: the selector comes from the workload's selector or the pod's labels, the labels
 * and the ports (all of them, named port-1, port-2... when several) from the exposed object. With -f the
 * object is the file's, as the builder reads it (no server round trip), one Service per object.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go (RunExpose, generateService) and
 * polymorphichelpers (MapBasedSelectorForObject, PortsForObject, ProtocolsForObject, CanBeExposed).
 */
import { groupResource } from '../../sim/apiserver/resource-names';
import { parseManifests } from '../../sim/scenario/manifests';
import type { Labels } from '../../sim/model/types';
import { toApiObject } from '../print/serialize';
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { readSources } from './files';
import { kindOf } from './resources';
import { servedResourceFor } from '../../sim/apiserver/discovery';
import { SUBMIT_FLAGS, submitManifest, submitOptions, withBareDryRun, type SubmitOptions } from './submit';

const SPEC = {
  valued: {
    ...NAMESPACE_FLAGS,
    ...SUBMIT_FLAGS,
    '--port': 'port',
    '--target-port': 'target-port',
    '--type': 'type',
    '--name': 'name',
    '--protocol': 'protocol',
    '--external-ip': 'external-ip',
    '--selector': 'selector',
    '--cluster-ip': 'cluster-ip',
    '--session-affinity': 'session-affinity',
    '-f': 'filename',
    '--filename': 'filename',
    '-l': 'labels',
    '--labels': 'labels',
  },
  repeated: new Set(['filename']),
  bool: {},
};

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {});
const strMap = (v: unknown): Labels | undefined => {
  const o = obj(v);
  const keys = Object.keys(o);
  if (!keys.length) return undefined;
  const out: Labels = {};
  for (const k of keys) out[k] = String(o[k]);
  return out;
};

interface Exposed {
  kind: string;
  name: string;
  namespace?: string;
  selector: Labels;
  labels?: Labels;
  ports: { port: number; protocol: string; name?: string }[];
}

const EXPOSABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'Pod', 'Service']);

function containerPorts(spec: Raw): { port: number; protocol: string }[] {
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  return containers.flatMap((c) => (Array.isArray(obj(c).ports) ? (obj(c).ports as unknown[]) : []).map((p) => ({ port: Number(obj(p).containerPort), protocol: String(obj(p).protocol ?? 'TCP') })));
}

/** The object as the API (or the file) gives it: selector, labels and ports as the polymorphic helpers read them. */
function exposedOf(raw: Raw): Exposed | { error: string } {
  const kind = String(raw.kind ?? '');
  const meta = obj(raw.metadata);
  const name = String(meta.name ?? '');
  const spec = obj(raw.spec);
  if (!EXPOSABLE.has(kind)) {
    const res = servedResourceFor(kind);
    return { error: `error: cannot expose a ${res?.group ? `${kind}.${res.group}` : kind}\n` };
  }
  const base = { kind, name, ...(meta.namespace !== undefined ? { namespace: String(meta.namespace) } : {}), ...(strMap(meta.labels) ? { labels: strMap(meta.labels)! } : {}) };
  const noSelector = (why: string) => ({ error: `error: couldn't retrieve selectors via --selector flag or introspection: ${why}\n` });
  switch (kind) {
    case 'Pod': {
      const labels = strMap(meta.labels);
      if (!labels) return noSelector('the pod has no labels and cannot be exposed');
      return { ...base, selector: labels, ports: containerPorts(spec) };
    }
    case 'Service': {
      const sel = strMap(spec.selector);
      if (!sel) return noSelector('the service has no pod selector set');
      const ports = (Array.isArray(spec.ports) ? spec.ports : []).map((p) => ({ port: Number(obj(p).port), protocol: String(obj(p).protocol ?? 'TCP') }));
      return { ...base, selector: sel, ports };
    }
    case 'ReplicationController': {
      const template = obj(spec.template);
      const sel = strMap(spec.selector) ?? strMap(obj(template.metadata).labels) ?? {};
      return { ...base, selector: sel, ports: containerPorts(obj(template.spec)) };
    }
    default: {
      const template = obj(spec.template);
      const selector = obj(spec.selector);
      if (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length) {
        return noSelector(`couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format`);
      }
      return { ...base, selector: strMap(selector.matchLabels) ?? {}, ports: containerPorts(obj(template.spec)) };
    }
  }
}

function exposeOne(ctx: CommandContext, p: { flags: Record<string, string> }, source: Exposed, opts: SubmitOptions): CommandResult {
  let ports: { port: number; protocol: string; name?: string }[];
  const protocol = p.flags.protocol;
  if (p.flags.port !== undefined) {
    const list = p.flags.port.split(',');
    for (const s of list) if (!/^\d+$/.test(s)) return err(`error: strconv.Atoi: parsing "${s}": invalid syntax\n`);
    ports = list.map((s, i) => ({ port: Number(s), protocol: protocol ?? source.ports[0]?.protocol ?? 'TCP', ...(list.length > 1 ? { name: `port-${i + 1}` } : {}) }));
  } else {
    if (source.ports.length === 0) return err("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
    ports = source.ports.map((sp, i) => ({ port: sp.port, protocol: protocol ?? sp.protocol, ...(source.ports.length > 1 ? { name: `port-${i + 1}` } : {}) }));
  }
  const target = p.flags['target-port'];
  const servicePorts = ports.map((sp) => ({ ...(sp.name ? { name: sp.name } : {}), port: sp.port, protocol: sp.protocol, targetPort: target === undefined ? sp.port : /^\d+$/.test(target) ? Number(target) : target }));
  let selector: Labels = source.selector;
  if (p.flags.selector) {
    selector = {};
    for (const pair of p.flags.selector.split(',')) {
      const [k, v] = pair.split('=');
      if (k) selector[k] = v ?? '';
    }
  }
  const spec: Record<string, unknown> = { ports: servicePorts, selector };
  if (p.flags.type) spec.type = p.flags.type;
  if (p.flags['cluster-ip']) spec.clusterIP = p.flags['cluster-ip'];
  if (p.flags['external-ip']) spec.externalIPs = p.flags['external-ip'].split(',');
  if (p.flags['session-affinity']) spec.sessionAffinity = p.flags['session-affinity'];
  const svcName = p.flags.name ?? source.name;
  const ns = p.flags.namespace ?? source.namespace;
  let labels = source.labels;
  if (p.flags.labels) {
    labels = {};
    for (const pair of p.flags.labels.split(',')) {
      const [k, v] = pair.split('=');
      if (k) labels[k] = v ?? '';
    }
  }
  return submitManifest(ctx, { apiVersion: 'v1', kind: 'Service', metadata: { name: svcName, ...(labels ? { labels } : {}), ...(ns ? { namespace: ns } : {}) }, spec }, 'exposed', opts);
}

export function kubectlExpose(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(withBareDryRun(args), SPEC, 'kubectl expose');
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  if (p.flags.filename !== undefined) {
    // cli-runtime builder.go: resource arguments and -f cannot be mixed.
    if (p.positional.length > 0) return err('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n');
    return exposeFiles(ctx, p, opts);
  }
  let [type, name] = p.positional;
  if (type?.includes('/')) [type, name] = type.split('/') as [string, string];
  if (!type || !name) return err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
  const kind = kindOf(type);
  if (!kind) {
    const served = servedResourceFor(type);
    if (served) return err(`error: cannot expose a ${served.group ? `${served.kind}.${served.group}` : served.kind}\n`);
    return err(`error: the server doesn't have a resource type "${type}"\n`);
  }
  const ns = p.flags.namespace ?? 'default';
  if (!EXPOSABLE.has(kind)) return err(`error: cannot expose a ${servedResourceFor(type)?.group ? `${kind}.${servedResourceFor(type)!.group}` : kind}\n`);
  const live = ctx.sim.cluster.store.get(kind, ns, name);
  if (!live) return err(`Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n`);
  const source = exposedOf(toApiObject(live, ctx.sim.cluster.clock.now()));
  if ('error' in source) return err(source.error);
  if (!p.flags.namespace) delete source.namespace;
  return exposeOne(ctx, p, source, opts);
}

/** expose -f: each object of each file, in order; errors collected as the builder's ContinueOnError does. */
function exposeFiles(ctx: CommandContext, p: { flags: Record<string, string> }, opts: SubmitOptions): CommandResult {
  const sources = readSources(p.flags.filename!, ctx);
  if ('error' in sources) return err(sources.error);
  const chunks: OutputChunk[] = [];
  let exit = 0;
  for (const s of sources) {
    const parsed = parseManifests(s.text, s.name);
    if (parsed.errors.length) return err(`${parsed.errors[0]!.message}\n`);
    for (const m of parsed.manifests) {
      const source = exposedOf(m.raw);
      const r = 'error' in source ? err(source.error) : exposeOne(ctx, p, source, opts);
      chunks.push(...r.chunks);
      if (r.exitCode) exit = r.exitCode;
    }
  }
  return { chunks, exitCode: exit };
}
