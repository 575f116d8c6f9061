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

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-l': 'selector', '--selector': 'selector', '-f': 'filename', '--filename': 'filename', '--grace-period': 'grace' },
  bool: { '--wait': 'wait', '--now': 'now', '--force': 'force', '--all': 'all', '-A': 'all-namespaces', '--ignore-not-found': 'ignore-not-found' },
};

export function kubectlDelete(args: string[], ctx: CommandContext): CommandResult {
  const parsed = parseFlags(args, SPEC, 'kubectl delete');
  if (parsed.error) return err(parsed.error);
  const ns = parsed.flags.namespace ?? 'default';
  const targets: { kind: Kind; name: string; ns: string | undefined }[] = [];
  if (parsed.flags.filename) {
    const text = ctx.env.readFile(parsed.flags.filename);
    if (text === undefined) return err(`error: the path "${parsed.flags.filename}" does not exist\n`);
    for (const m of parseManifests(text).manifests) {
      const kind = kindOf(String(m.raw.kind ?? ''));
      const meta = (m.raw.metadata ?? {}) as Record<string, unknown>;
      if (kind) targets.push({ kind, name: String(meta.name ?? ''), ns: isClusterScoped(kind) ? undefined : String(meta.namespace ?? ns) });
    }
  } else {
    const [first, ...names] = parsed.positional;
    if (!first) return err(MISSING_RESOURCES);
    const pairs = first.includes('/') ? [first, ...names].map((p) => p.split('/') as [string, string]) : names.map((n) => [first, n] as [string, string]);
    const kindName = first.includes('/') ? first.split('/')[0]! : first;
    const kind = kindOf(kindName);
    if (!kind) return err(unknownResource(kindName));
    if (parsed.flags.selector !== undefined || parsed.bools.has('all')) {
      const sel = parseSelector(parsed.flags.selector ?? '');
      if ('error' in sel) return err(sel.error);
      for (const o of ctx.sim.cluster.store.list(kind, isClusterScoped(kind) ? undefined : ns)) if (sel.matches(o.metadata.labels)) targets.push({ kind, name: o.metadata.name, ns: o.metadata.namespace });
      if (targets.length === 0) return { chunks: [{ stream: 'err', text: `No resources found\n` }], exitCode: 0 };
    } else {
      if (pairs.length === 0) return err('error: resource(s) were provided, but no name was specified\n');
      for (const [k, n] of pairs) {
        const kk = kindOf(k);
        if (!kk) return err(unknownResource(k));
        targets.push({ kind: kk, name: n, ns: isClusterScoped(kk) ? undefined : ns });
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
