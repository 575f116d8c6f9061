/** kubectl delete TYPE NAME... | TYPE/NAME | -l SELECTOR | -f FILE. */
import { deleteForbidden } from '../../sim/apiserver/delete';
import { groupResource, singularOf } from '../../sim/apiserver/resource-names';
import { isClusterScoped } from '../../sim/model/store';
import { parseManifests } from '../../sim/scenario/manifests';
import type { Kind } from '../../sim/model/types';
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, MISSING_RESOURCES, unknownResource } from './resources';
import { parseSelector } from './selector';
import { readSources } from './files';

const MIXED_ARGS =
  "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n";

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-l': 'selector', '--selector': 'selector', '-f': 'filename', '--filename': 'filename', '--grace-period': 'grace' },
  repeated: new Set(['filename']),
  bool: { '--wait': 'wait', '--now': 'now', '--force': 'force', '--all': 'all', '-A': 'all-namespaces', '--ignore-not-found': 'ignore-not-found' },
};

export function kubectlDelete(args: string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, SPEC, 'kubectl delete');
  if (parsed.error) return err(parsed.error);
  const ns = parsed.flags.namespace ?? 'default';
  const targets: { kind: Kind; name: string; ns: string | undefined }[] = [];
  if (parsed.flags.filename) {
    const sources = readSources(parsed.flags.filename, ctx);
    if ('error' in sources) return err(sources.error);
    for (const { text } of sources) {
      for (const m of parseManifests(text).manifests) {
        const kind = kindOf(String(m.raw.kind ?? ''));
        const meta = (m.raw.metadata ?? {}) as Record<string, unknown>;
        if (kind) targets.push({ kind, name: String(meta.name ?? ''), ns: isClusterScoped(kind) ? undefined : String(meta.namespace ?? ns) });
      }
    }
  } else {
    const [first, ...names] = parsed.positional;
    if (!first) return err(MISSING_RESOURCES);
    if (first.includes('/')) {
      for (const p of [first, ...names]) {
        const slash = p.indexOf('/');
        if (slash < 0) return err(MIXED_ARGS);
        const kk = kindOf(p.slice(0, slash));
        if (!kk) return err(unknownResource(p.slice(0, slash)));
        targets.push({ kind: kk, name: p.slice(slash + 1), ns: isClusterScoped(kk) ? undefined : ns });
      }
    } else {
      // TYPE[,TYPE...]: each kind in the order given (builder.go ResourceTypeOrNameArgs).
      const kinds: Kind[] = [];
      for (const type of first.split(',')) {
        const kind = kindOf(type);
        if (!kind) return err(unknownResource(type));
        kinds.push(kind);
      }
      if (parsed.flags.selector !== undefined || parsed.bools.has('all')) {
        const sel = parseSelector(parsed.flags.selector ?? '');
        if ('error' in sel) return err(sel.error);
        for (const kind of kinds) {
          for (const o of ctx.sim.cluster.store.list(kind, isClusterScoped(kind) ? undefined : ns)) if (sel.matches(o.metadata.labels)) targets.push({ kind, name: o.metadata.name, ns: o.metadata.namespace });
        }
        if (targets.length === 0) return { chunks: [{ stream: 'err', text: `No resources found\n` }], exitCode: 0 };
      } else {
        if (names.length === 0) return err('error: resource(s) were provided, but no name was specified\n');
        for (const kind of kinds) for (const n of names) targets.push({ kind, name: n, ns: isClusterScoped(kind) ? undefined : ns });
      }
    }
  }
  const chunks: OutputChunk[] = [];
  let exit = 0;
  const grace = parsed.bools.has('now') ? 1 : parsed.flags.grace !== undefined ? Number(parsed.flags.grace) : undefined;
  if (grace !== undefined && (!Number.isInteger(grace) || grace < -1)) return err(`error: invalid argument "${parsed.flags.grace}" for "--grace-period" flag: strconv.ParseInt: parsing "${parsed.flags.grace}": invalid syntax\n`);
  const force = parsed.bools.has('force') && grace === 0;
  if (grace === 0 && !parsed.bools.has('force')) return err('error: --grace-period=0 must have --force specified\n');
  if (force) chunks.push({ stream: 'err', text: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' });
  // kubectl waits until what it deleted is really gone (--wait=true): time passes while pods terminate.
  const wait = !args.includes('--wait=false');
  let until = ctx.sim.cluster.clock.now();
  for (const t of targets) {
    const forbidden = ctx.sim.cluster.store.get(t.kind, t.ns, t.name) ? deleteForbidden(t.kind, t.name) : undefined;
    if (forbidden) {
      chunks.push({ stream: 'err', text: `Error from server (Forbidden): ${forbidden}\n` });
      exit = 1;
      continue;
    }
    const gone = ctx.sim.delete(t.kind, t.ns, t.name, grace === undefined ? {} : { graceSeconds: grace });
    if (gone?.kind === 'Pod' && gone.status.terminatesAt !== undefined && gone.metadata.deletionTimestamp !== undefined) until = Math.max(until, gone.status.terminatesAt);
    if (gone) chunks.push({ stream: 'out', text: `${singularOf(t.kind)}${groupSuffix(t.kind)} "${t.name}" ${force ? 'force deleted' : 'deleted'}\n` });
    else if (!parsed.bools.has('ignore-not-found')) {
      chunks.push({ stream: 'err', text: `Error from server (NotFound): ${groupResource(t.kind)} "${t.name}" not found\n` });
      exit = 1;
    }
  }
  if (wait) ctx.sim.advance(until - ctx.sim.cluster.clock.now());
  return { chunks, exitCode: exit };
}

function groupSuffix(kind: Kind): string {
  const g = groupResource(kind);
  return g.includes('.') ? g.slice(g.indexOf('.')) : '';
}
