/**
 * kubectl label TYPE NAME... | TYPE/NAME... | TYPE -l SELECTOR | TYPE --all, then k=v... [k-]
 * [--overwrite]: labels change at once, and so do the Services that select by them.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/label/label.go (Complete, Validate, RunLabel,
 * parseLabels, updateDataChangeMsg) and cmdutil.GetResourcesAndPairs.
 */
import { formatInvalid } from '../../sim/apiserver/field-errors';
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import { validateLabels } from '../../sim/apiserver/validate-meta';
import { isClusterScoped } from '../../sim/model/store';
import { hasOwn, own, setOwn } from '../../sim/model/own';
import type { KubeObject } from '../../sim/model/types';
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, unknownResource } from './resources';
import { parseSelector } from './selector';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-l': 'selector', '--selector': 'selector' },
  bool: { '--overwrite': 'overwrite', '--all': 'all', '-A': 'all-namespaces', '--all-namespaces': 'all-namespaces' },
};

const NO_RESOURCES = 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n';

/** GetResourcesAndPairs: resources first, then the k=v / k- changes. */
function splitArgs(args: string[]): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length) return { error: `error: all resources must be specified before label changes: ${s}\n` };
    else resources.push(s);
  }
  return { resources, pairs };
}

/** parseLabels. */
function parseLabels(pairs: string[]): { set: Record<string, string>; remove: string[] } | { error: string } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { error: `error: invalid label spec: ${spec}\n` };
      setOwn(set, parts[0]!, parts[1]!);
    } else remove.push(spec.slice(0, -1));
  }
  if (remove.some((k) => hasOwn(set, k))) return { error: 'error: can not both modify and remove a label in the same command\n' };
  return { set, remove };
}

export function kubectlLabel(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl label');
  if (p.error) return err(p.error);
  const split = splitArgs(p.positional);
  if ('error' in split) return err(split.error);
  const changes = parseLabels(split.pairs);
  if ('error' in changes) return err(changes.error);
  const all = p.bools.has('all');
  if (all && p.flags.selector !== undefined) return err('error: cannot set --all and --selector at the same time\n');
  if (split.resources.length === 0) return err(NO_RESOURCES);
  if (split.pairs.length === 0) return err('error: at least one label update is required\n');
  const ns = p.flags.namespace ?? 'default';
  const allNs = p.bools.has('all-namespaces');
  const store = ctx.sim.cluster.store;

  // The builder's ResourceTypeOrNameArgs: TYPE/NAME..., TYPE NAME..., or TYPE with -l / --all.
  const targets: KubeObject[] = [];
  const chunks: OutputChunk[] = [];
  const errors: OutputChunk[] = [];
  const [first, ...names] = split.resources as [string, ...string[]];
  const pairs: [string, string][] = [];
  if (split.resources.some((r) => r.includes('/'))) {
    if (!split.resources.every((r) => r.includes('/'))) {
      return err("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n");
    }
    for (const r of split.resources) pairs.push([r.slice(0, r.indexOf('/')), r.slice(r.indexOf('/') + 1)]);
  } else if (names.length) {
    for (const type of first.split(',')) for (const n of names) pairs.push([type, n]);
  } else {
    if (p.flags.selector === undefined && !all) return err('error: resource(s) were provided, but no name was specified\n');
    const selector = parseSelector(p.flags.selector ?? '');
    if ('error' in selector) return err(selector.error);
    for (const type of first.split(',')) {
      const kind = kindOf(type);
      if (!kind) return err(unknownResource(type));
      targets.push(...store.list(kind, isClusterScoped(kind) || allNs ? undefined : ns).filter((o) => selector.matches(o.metadata.labels)));
    }
  }
  for (const [type, name] of pairs) {
    const kind = kindOf(type);
    if (!kind) return err(unknownResource(type));
    const obj = store.get(kind, isClusterScoped(kind) ? undefined : ns, name);
    if (obj) targets.push(obj);
    else errors.push({ stream: 'err', text: `Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n` });
  }

  let changed = false;
  const overwrite = p.bools.has('overwrite');
  for (const obj of targets) {
    const before = obj.metadata.labels ?? {};
    for (const k of changes.remove) if (!hasOwn(before, k)) chunks.push({ stream: 'out', text: `label "${k}" not found.\n` });
    // validateNoOverwrites: this object is left alone, the others still labeled.
    const clashes = overwrite ? [] : Object.keys(changes.set).filter((k) => hasOwn(before, k));
    if (clashes.length) {
      const msgs = clashes.map((k) => `'${k}' already has a value (${own(before, k)}), and --overwrite is false`);
      errors.push({ stream: 'err', text: `error: ${msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`}\n` });
      continue;
    }
    const labels = { ...before, ...changes.set };
    for (const k of changes.remove) delete labels[k];
    const same = JSON.stringify(Object.entries(labels).sort()) === JSON.stringify(Object.entries(before).sort());
    // updateDataChangeMsg: "unlabeled" when the object only got smaller (and not with --overwrite).
    const msg = same ? 'not labeled' : !overwrite && Object.keys(labels).length < Object.keys(before).length && Object.keys(changes.set).length === 0 ? 'unlabeled' : 'labeled';
    // The API server validates the keys (kubectl checks only the values).
    const invalid = validateLabels(labels, 'metadata.labels');
    if (invalid.length) {
      errors.push({ stream: 'err', text: `${formatInvalid(obj.kind, obj.metadata.name, invalid)}\n` });
      continue;
    }
    if (!same) {
      obj.metadata.labels = labels;
      ctx.sim.cluster.update(obj);
      changed = true;
    }
    chunks.push({ stream: 'out', text: `${resourceRef(obj.kind, obj.metadata.name)} ${msg}\n` });
  }
  if (changed) ctx.sim.settle();
  return { chunks: [...chunks, ...errors], exitCode: errors.length ? 1 : 0 };
}
