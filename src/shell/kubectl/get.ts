/**
 * kubectl get: tables (plain, wide, with labels), -o yaml|json|name|jsonpath|custom-columns,
 * --sort-by, -n, -A, -l, several resource types (TYPE,TYPE or TYPE/NAME...) at once.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
 */
import type { Kind, KubeObject } from '../../sim/model/types';
import { isClusterScoped } from '../../sim/model/store';
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import { formatTable } from '../print/table';
import { headersFor, rowFor } from '../print/rows';
import { toApiObject } from '../print/serialize';
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags, splitCsv } from './flags';
import { kindOf, unknownResource } from './resources';
import { parseSelector } from './selector';
import { getEvents } from './get-events';
import { parseFieldSelector } from './field-selector';
import { printGeneric, TABLE_FORMATS, type GenericOptions } from './get-output';
import { sortObjects } from './sort-by';
import { getUnmodelled, heldBecauseOfModelled, unmodelledResource } from './unmodelled';

const TEMPLATE_OUTPUTS = new Set(['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-file', 'jsonpath-as-json']);

const EVENT_TYPES = new Set(['events', 'event', 'ev']);

const SPEC = {
  valued: {
    ...NAMESPACE_FLAGS,
    '-o': 'output',
    '--output': 'output',
    '-l': 'selector',
    '--selector': 'selector',
    '--field-selector': 'field-selector',
    '--sort-by': 'sort-by',
    '-L': 'label-columns',
    '--label-columns': 'label-columns',
    '--template': 'template',
  },
  repeated: new Set(['label-columns']),
  bool: {
    '-A': 'all-namespaces',
    '--all-namespaces': 'all-namespaces',
    '--show-labels': 'show-labels',
    '--no-headers': 'no-headers',
    '-w': 'watch',
    '--watch': 'watch',
    '--allow-missing-template-keys': 'allow-missing-template-keys',
  },
};

const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

const MIXED_ARGS =
  "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n";

/** One thing to fetch: a kind, and a name or (without one) the list. */
interface Request {
  kind: Kind;
  name?: string;
}

/**
 * The builder's ResourceTypeOrNameArgs: "TYPE[,TYPE...] [NAME...]" or "TYPE/NAME..."
 * (every argument then in that form), "all" for the common workload kinds.
 */
export function requestsFor(args: string[]): { requests: Request[]; multiKind: boolean } | { error: string } {
  const slashed = args.filter((a) => a.includes('/')).length;
  if (slashed > 0) {
    if (slashed !== args.length) return { error: MIXED_ARGS };
    const requests: Request[] = [];
    for (const a of args) {
      const [type, ...rest] = a.split('/');
      const kind = kindOf(type!);
      if (!kind) return { error: unknownResource(type!) };
      requests.push({ kind, name: rest.join('/') });
    }
    return { requests, multiKind: new Set(requests.map((r) => r.kind)).size > 1 };
  }
  const [typeArg, ...names] = args as [string, ...string[]];
  const kinds: Kind[] = [];
  const types = typeArg.split(',');
  for (const t of types) {
    // "all" is kubectl's category of the common workload kinds (the ones this cluster models).
    if (t === 'all') {
      kinds.push('Pod', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet');
      continue;
    }
    const k = kindOf(t);
    if (!k) return { error: unknownResource(t) };
    kinds.push(k);
  }
  const requests = kinds.flatMap((kind) => (names.length ? names.map((name) => ({ kind, name })) : [{ kind }]));
  return { requests, multiKind: kinds.length > 1 || types.includes('all') };
}

export function kubectlGet(args: string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, SPEC, 'kubectl get');
  if (parsed.error) return err(parsed.error);
  if (parsed.positional.length === 0) {
    return err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  }
  // --template alone implies -o go-template (cli-runtime PrintFlags.ToPrinter); with -o FORMAT it is that format's template.
  const templateFlag = parsed.flags.template;
  const rawOutput = parsed.flags.output ?? (templateFlag !== undefined ? 'go-template' : '');
  const output = templateFlag !== undefined && TEMPLATE_OUTPUTS.has(rawOutput) ? `${rawOutput}=${templateFlag}` : rawOutput;
  // Validate: labels are a table column (get.go).
  if (parsed.bools.has('show-labels') && !TABLE_FORMATS.has(output)) return err(`error: --show-labels option cannot be used with ${output} printer\n`);
  const allNs = parsed.bools.has('all-namespaces');
  const namespace = parsed.flags.namespace ?? 'default';
  const selector = parsed.flags.selector !== undefined ? parseSelector(parsed.flags.selector) : undefined;
  if (selector && 'error' in selector) return err(selector.error);
  const generic: GenericOptions = {
    noHeaders: parsed.bools.has('no-headers'),
    sortBy: parsed.flags['sort-by'] || undefined,
    allowMissingKeys: !args.includes('--allow-missing-template-keys=false'),
    readFile: (path) => ctx.env.readFile(path),
  };
  const typeArg = parsed.positional[0]!;
  if (EVENT_TYPES.has(typeArg.split('/')[0]!)) {
    const names = parsed.positional.slice(1);
    const eventNames = typeArg.includes('/') ? [typeArg.split('/')[1]!, ...names] : names;
    const fields = parseFieldSelector(parsed.flags['field-selector'] ?? '');
    if ('error' in fields) return err(fields.error);
    const now = ctx.sim.cluster.clock.now();
    let views = ctx.sim.cluster.events.list(now, allNs ? undefined : namespace).filter((v) => fields.matches(v.event));
    if (selector) views = views.filter(() => selector.matches(undefined));
    return getEvents(views, { namespace, allNamespaces: allNs, output, noHeaders: parsed.bools.has('no-headers'), names: eventNames, generic, ...(parsed.flags['sort-by'] ? { sortBy: parsed.flags['sort-by'] } : {}) }, now);
  }
  // A served kind the simulator does not model (jobs, ingresses...): TYPE [NAME...] or TYPE/NAME.
  const [firstType] = typeArg.split('/');
  const unmodelled = !typeArg.includes(',') ? unmodelledResource(firstType!) : undefined;
  if (unmodelled && (!typeArg.includes('/') || parsed.positional.every((p) => p.split('/')[0] === firstType))) {
    const names = typeArg.includes('/') ? parsed.positional.map((p) => p.split('/').slice(1).join('/')) : parsed.positional.slice(1);
    const held = heldBecauseOfModelled(unmodelled, ctx.sim.cluster.store, allNs ? undefined : namespace);
    return getUnmodelled({ res: unmodelled, names, namespace, allNamespaces: allNs, output, held });
  }
  const resolved = requestsFor(parsed.positional);
  if ('error' in resolved) return err(resolved.error);
  const { requests, multiKind } = resolved;
  const store = ctx.sim.cluster.store;
  const chunks: OutputChunk[] = [];
  // kubectl collects NotFound errors and prints them after everything it found (get.go: utilerrors.NewAggregate(allErrs)).
  const notFound: OutputChunk[] = [];
  // The apiserver sends the deprecation warning with every v1 Endpoints response, empty lists and 404s included; kubectl prints it once.
  if (requests.some((r) => r.kind === 'Endpoints')) chunks.push({ stream: 'err', text: ENDPOINTS_WARNING });
  const found: KubeObject[] = [];
  for (const { kind, name } of requests) {
    const scoped = isClusterScoped(kind);
    let objs: KubeObject[];
    if (name !== undefined) {
      const o = store.get(kind, scoped ? undefined : namespace, name);
      objs = o ? [o] : [];
      if (!o) notFound.push({ stream: 'err', text: `Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n` });
    } else {
      objs = store.list(kind, scoped || allNs ? undefined : namespace);
    }
    if (selector && !('error' in selector)) objs = objs.filter((o) => selector.matches(o.metadata.labels));
    found.push(...objs);
  }
  const exit = notFound.length ? 1 : 0;
  if (!TABLE_FORMATS.has(output)) {
    // IntoSingleItemImplied: one name asked for; when it is missing, that error alone.
    const singleImplied = requests.length === 1 && requests[0]!.name !== undefined;
    if (singleImplied && found.length === 0) return { chunks: [...chunks, ...notFound], exitCode: 1 };
    const items = found.map((o) => ({ doc: toApiObject(o, ctx.sim.cluster.clock.now()), ref: resourceRef(o.kind, o.metadata.name) }));
    const r = printGeneric(items, singleImplied, output, notFound, generic);
    return { chunks: [...chunks, ...r.chunks], exitCode: r.exitCode };
  }
  // Tables: one per run of objects of one kind, a blank line between them.
  const now = ctx.sim.cluster.clock.now();
  const groups: KubeObject[][] = [];
  for (const o of found) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.kind === o.kind) last.push(o);
    else groups.push([o]);
  }
  const tables: string[] = [];
  for (const group of groups) {
    let objs = group;
    if (generic.sortBy) {
      // TableSorter: each kind's table sorted on its own, by the full objects' fields.
      const sorted = sortObjects(group, toApiObject, generic.sortBy);
      if ('error' in sorted) return { chunks: [...chunks, { stream: 'err', text: `error: ${sorted.error}\n` }], exitCode: 1 };
      objs = sorted.sorted;
    }
    const kind = group[0]!.kind;
    tables.push(
      renderTable(kind, objs, now, {
        wide: output === 'wide',
        withNamespace: allNs && !isClusterScoped(kind),
        showLabels: parsed.bools.has('show-labels'),
        labelColumns: splitCsv(parsed.flags['label-columns'] ?? ''),
        noHeaders: generic.noHeaders,
        qualify: multiKind,
      }),
    );
  }
  // The blank line goes between tables only when headers are printed (get.go: separatorWriter).
  if (tables.length) chunks.push({ stream: 'out', text: tables.join(generic.noHeaders ? '' : '\n') });
  if (found.length === 0 && notFound.length === 0) {
    const anyScoped = requests.every((r) => isClusterScoped(r.kind));
    chunks.push({ stream: 'err', text: allNs || anyScoped ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n` });
  }
  chunks.push(...notFound);
  return { chunks, exitCode: exit };
}

interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  /** -L/--label-columns: label keys, one column each after the kind's own. */
  labelColumns: string[];
  noHeaders: boolean;
  qualify: boolean;
}

/**
 * The table printer's decorations (cli-runtime pkg/printers/tableprinter.go decorateTable):
 * NAMESPACE first with -A; after the kind's columns one per -L key, headed by the key's last
 * "/" segment upper-cased and holding the label's value ("" when the object lacks it); LABELS last.
 */
export function renderTable(kind: Kind, objs: KubeObject[], now: number, opts: TableOptions): string {
  const rows: string[][] = [];
  const header = headersFor(kind, opts.wide);
  const labelHeaders = opts.labelColumns.map((k) => k.split('/').pop()!.toUpperCase());
  if (!opts.noHeaders) rows.push([...(opts.withNamespace ? ['NAMESPACE'] : []), ...header, ...labelHeaders, ...(opts.showLabels ? ['LABELS'] : [])]);
  for (const o of objs) {
    const row = rowFor(o, now, opts.wide);
    if (opts.qualify) row[0] = resourceRef(o.kind, row[0]!);
    const own = o.metadata.labels ?? {};
    const labels = Object.keys(own).sort().map((k) => `${k}=${own[k]}`).join(',');
    const values = opts.labelColumns.map((k) => (Object.hasOwn(own, k) ? own[k]! : ''));
    rows.push([...(opts.withNamespace ? [o.metadata.namespace ?? ''] : []), ...row, ...values, ...(opts.showLabels ? [labels || '<none>'] : [])]);
  }
  return formatTable(rows);
}
