/**
 * kubectl get: tables (plain, wide, with labels), -o yaml|json|name, -n, -A,
 * -l, several resource types at once.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
 */
import type { Kind, KubeObject } from '../../sim/model/types';
import { isClusterScoped } from '../../sim/model/store';
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import { formatTable } from '../print/table';
import { headersFor, rowFor } from '../print/rows';
import { toApiObject, toJson, toYaml } from '../print/serialize';
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, unknownResource } from './resources';
import { parseSelector } from './selector';
import { getEvents } from './get-events';
import { parseFieldSelector } from './field-selector';

const EVENT_TYPES = new Set(['events', 'event', 'ev']);

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-o': 'output', '--output': 'output', '-l': 'selector', '--selector': 'selector', '--field-selector': 'field-selector' },
  bool: { '-A': 'all-namespaces', '--all-namespaces': 'all-namespaces', '--show-labels': 'show-labels', '--no-headers': 'no-headers', '-w': 'watch', '--watch': 'watch' },
};

const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

export function kubectlGet(args: string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, SPEC, 'kubectl get');
  if (parsed.error) return err(parsed.error);
  const [typeArg, ...names] = parsed.positional;
  if (!typeArg) {
    return err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  }
  const output = parsed.flags.output ?? '';
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
    return err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`);
  }
  const allNs = parsed.bools.has('all-namespaces');
  const namespace = parsed.flags.namespace ?? 'default';
  const selector = parsed.flags.selector !== undefined ? parseSelector(parsed.flags.selector) : undefined;
  if (selector && 'error' in selector) return err(selector.error);
  if (EVENT_TYPES.has(typeArg.split('/')[0]!)) {
    const eventNames = typeArg.includes('/') ? [typeArg.split('/')[1]!, ...names] : names;
    const fields = parseFieldSelector(parsed.flags['field-selector'] ?? '');
    if ('error' in fields) return err(fields.error);
    const now = ctx.sim.cluster.clock.now();
    let views = ctx.sim.cluster.events.list(now, allNs ? undefined : namespace).filter((v) => fields.matches(v.event));
    if (selector) views = views.filter(() => selector.matches(undefined));
    return getEvents(views, { namespace, allNamespaces: allNs, output, noHeaders: parsed.bools.has('no-headers'), names: eventNames }, now);
  }
  const kinds: Kind[] = [];
  const typeNames = typeArg.includes('/') ? [typeArg.split('/')[0]!] : typeArg.split(',');
  if (typeArg.includes('/')) names.unshift(typeArg.split('/')[1]!);
  for (const t of typeNames) {
    // "all" is kubectl's category of the common workload kinds (the ones this cluster models).
    if (t === 'all' && !typeArg.includes('/')) {
      kinds.push('Pod', 'Service', 'Deployment', 'ReplicaSet');
      continue;
    }
    const k = kindOf(t);
    if (!k) return err(unknownResource(t));
    kinds.push(k);
  }
  const store = ctx.sim.cluster.store;
  const chunks: OutputChunk[] = [];
  // kubectl collects NotFound errors and prints them after everything it found (get.go: utilerrors.NewAggregate(allErrs)).
  const notFound: OutputChunk[] = [];
  const found: KubeObject[] = [];
  let exit = 0;
  const multi = kinds.length > 1 || typeNames.includes('all');
  for (const kind of kinds) {
    const scoped = isClusterScoped(kind);
    let objs: KubeObject[];
    if (names.length > 0) {
      objs = [];
      for (const name of names) {
        const o = store.get(kind, scoped ? undefined : namespace, name);
        if (o) objs.push(o);
        else {
          notFound.push({ stream: 'err', text: `Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n` });
          exit = 1;
        }
      }
    } else {
      objs = store.list(kind, scoped || allNs ? undefined : namespace);
    }
    if (selector && !('error' in selector)) objs = objs.filter((o) => selector.matches(o.metadata.labels));
    // The apiserver sends the deprecation warning with every v1 Endpoints response, empty lists and 404s included.
    if (kind === 'Endpoints') chunks.unshift({ stream: 'err', text: ENDPOINTS_WARNING });
    found.push(...objs);
    if (output === '' || output === 'wide') {
      if (objs.length === 0) continue;
      const table = renderTable(kind, objs, ctx.sim.cluster.clock.now(), {
        wide: output === 'wide',
        withNamespace: allNs && !scoped,
        showLabels: parsed.bools.has('show-labels'),
        noHeaders: parsed.bools.has('no-headers'),
        qualify: multi,
      });
      if (chunks.some((c) => c.stream === 'out')) chunks.push({ stream: 'out', text: '\n' });
      chunks.push({ stream: 'out', text: table });
    }
  }
  if (output === 'name') chunks.push({ stream: 'out', text: found.map((o) => resourceRef(o.kind, o.metadata.name) + '\n').join('') });
  if (output === 'yaml' || output === 'json') {
    const single = names.length === 1 && kinds.length === 1 && found.length === 1;
    const doc = single ? toApiObject(found[0]!) : { apiVersion: 'v1', items: found.map(toApiObject), kind: 'List', metadata: { resourceVersion: '' } };
    if (found.length > 0 || names.length === 0) chunks.push({ stream: 'out', text: output === 'yaml' ? toYaml(doc) : toJson(doc) });
  }
  if (found.length === 0 && names.length === 0 && output !== 'yaml' && output !== 'json') {
    const anyScoped = kinds.every((k) => isClusterScoped(k));
    chunks.push({ stream: 'err', text: allNs || anyScoped ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n` });
  }
  chunks.push(...notFound);
  return { chunks, exitCode: exit };
}

interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  qualify: boolean;
}

export function renderTable(kind: Kind, objs: KubeObject[], now: number, opts: TableOptions): string {
  const rows: string[][] = [];
  const header = headersFor(kind, opts.wide);
  if (!opts.noHeaders) rows.push([...(opts.withNamespace ? ['NAMESPACE'] : []), ...header, ...(opts.showLabels ? ['LABELS'] : [])]);
  for (const o of objs) {
    const row = rowFor(o, now, opts.wide);
    if (opts.qualify) row[0] = resourceRef(o.kind, row[0]!);
    const labels = Object.keys(o.metadata.labels ?? {}).sort().map((k) => `${k}=${o.metadata.labels![k]}`).join(',');
    rows.push([...(opts.withNamespace ? [o.metadata.namespace ?? ''] : []), ...row, ...(opts.showLabels ? [labels || '<none>'] : [])]);
  }
  return formatTable(rows);
}

