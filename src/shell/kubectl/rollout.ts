/**
 * kubectl rollout status|restart|undo|history and kubectl set image, for Deployments (restart and set
 * image for StatefulSets too; their status in rollout-sts.ts).
 * status watches the rollout on the simulation clock and prints each new state as
 * rollout_status.go's DeploymentStatusViewer words it; restart stamps the template with
 * kubectl.kubernetes.io/restartedAt (objectrestarter.go); undo brings back the template
 * of an earlier revision (rollback.go); set image replaces container images (cmd/set).
 */
import { statefulSetRolloutStatus } from './rollout-sts';
import { simTimeToIso } from '../../sim/clock';
import { isOwnedBy, revisionOf } from '../../sim/controllers/deployment';
import { own } from '../../sim/model/own';
import type { Container, Deployment, ReplicaSet, StatefulSet } from '../../sim/model/types';
import { resourceRef } from '../../sim/apiserver/resource-names';
import type { Simulation } from '../../sim/simulation';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { kindOf, MISSING_RESOURCES, unknownResource } from './resources';

const SPEC = { valued: { ...NAMESPACE_FLAGS, '--to-revision': 'to-revision', '--timeout': 'timeout' }, bool: { '-w': 'watch', '--watch': 'watch' } };
/** progressDeadlineSeconds' default: past it, status gives up as the controller marks the rollout failed. */
const DEADLINE = 600;

type Found = { d: Deployment; sim: Simulation } | { error: string };
type FoundTemplated = { d: Deployment | StatefulSet; sim: Simulation } | { error: string };

/** restart and set image act on a StatefulSet's template as on a Deployment's (objectrestarter.go, set_image.go). */
function templatedArg(ctx: CommandContext, positional: string[], namespace: string | undefined, verb: string): FoundTemplated {
  let [type, name] = positional;
  if (type?.includes('/')) [type, name] = type.split('/') as [string, string];
  if (type && name && kindOf(type) === 'StatefulSet') {
    const sts = ctx.sim.cluster.store.get('StatefulSet', namespace ?? 'default', name);
    return sts ? { d: sts, sim: ctx.sim } : { error: `Error from server (NotFound): statefulsets.apps "${name}" not found\n` };
  }
  return deploymentArg(ctx, positional, namespace, verb);
}

/** The kind a command cannot act on, with Go's %v or %q of it. */
const NOT_IMPLEMENTED: Record<string, string> = {
  status: 'no status viewer has been implemented for %v',
  undo: 'no rollbacker has been implemented for %q',
  history: 'no history viewer has been implemented for %q',
  restart: 'no restarter has been implemented for %q',
  image: 'no pod template has been found for %q',
};

function deploymentArg(ctx: CommandContext, positional: string[], namespace: string | undefined, verb = 'status'): Found {
  let [type, name] = positional;
  if (type?.includes('/')) [type, name] = type.split('/') as [string, string];
  if (!type) return { error: MISSING_RESOURCES };
  if (!name) return { error: 'error: resource(s) were provided, but no name was specified\n' };
  const kind = kindOf(type);
  if (!kind) return { error: unknownResource(type) };
  // polymorphichelpers: StatusViewerFor, RollbackerFor, HistoryViewerFor name the kind they lack.
  if (kind !== 'Deployment') return { error: `error: ${own(NOT_IMPLEMENTED, verb) ?? NOT_IMPLEMENTED.status}\n`.replace('%v', kind).replace('%q', `"${kind}"`) };
  const d = ctx.sim.cluster.store.get('Deployment', namespace ?? 'default', name);
  if (!d) return { error: `Error from server (NotFound): deployments.apps "${name}" not found\n` };
  return { d, sim: ctx.sim };
}

/** Replaces the template (never edits it in place: pods share its containers) and lets the controllers roll out. */
function changeTemplate(sim: Simulation, d: Deployment | StatefulSet, template: Deployment['spec']['template']): void {
  d.spec.template = template;
  d.metadata.generation = (d.metadata.generation ?? 1) + 1;
  sim.cluster.update(d);
  sim.settle();
}

function statusLine(d: Deployment): { done: boolean; text: string } {
  const s = d.status;
  const name = d.metadata.name;
  if (s.updatedReplicas < d.spec.replicas) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${s.updatedReplicas} out of ${d.spec.replicas} new replicas have been updated...\n` };
  if (s.replicas > s.updatedReplicas) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${s.replicas - s.updatedReplicas} old replicas are pending termination...\n` };
  if (s.availableReplicas < s.updatedReplicas) return { done: false, text: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas} of ${s.updatedReplicas} updated replicas are available...\n` };
  return { done: true, text: `deployment "${name}" successfully rolled out\n` };
}

/** A Go duration as --timeout takes it ("90s", "2m", "1m30s"); a bare number is seconds. */
function seconds(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  return m && text ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : undefined;
}

function rolloutStatus(sim: Simulation, d: Deployment, timeout: number): CommandResult {
  let text = '';
  let last = '';
  for (let waited = 0; ; waited++) {
    const s = statusLine(d);
    if (s.text !== last) text += s.text;
    last = s.text;
    if (s.done) return out(text);
    const fail = (message: string) => ({ chunks: [{ stream: 'out' as const, text }, { stream: 'err' as const, text: message }], exitCode: 1 });
    if (timeout > 0 && waited >= timeout) return fail('error: timed out waiting for the condition\n');
    if (waited >= DEADLINE) return fail(`error: deployment "${d.metadata.name}" exceeded its progress deadline\n`);
    sim.advance(1);
  }
}

function ownedReplicaSets(sim: Simulation, d: Deployment): ReplicaSet[] {
  return sim.cluster.store.list('ReplicaSet', d.metadata.namespace).filter((rs) => isOwnedBy(rs, d.metadata.uid));
}


function rolloutUndo(sim: Simulation, d: Deployment, toRevision: number): CommandResult {
  const sets = ownedReplicaSets(sim, d).sort((a, b) => revisionOf(b) - revisionOf(a));
  const current = revisionOf(d);
  const target = toRevision > 0 ? sets.find((rs) => revisionOf(rs) === toRevision) : sets.find((rs) => revisionOf(rs) < current);
  if (!target) return err(toRevision > 0 ? `error: unable to find specified revision ${toRevision} in history\n` : `error: no rollout history found for deployment "${d.metadata.name}"\n`);
  const labels = { ...(target.spec.template.metadata.labels ?? {}) };
  delete labels['pod-template-hash'];
  changeTemplate(sim, d, { ...target.spec.template, metadata: { ...target.spec.template.metadata, labels } });
  return out(`deployment.apps/${d.metadata.name} rolled back\n`);
}

function rolloutHistory(sim: Simulation, d: Deployment): CommandResult {
  const revisions = ownedReplicaSets(sim, d).map(revisionOf).filter((r) => r > 0).sort((a, b) => a - b);
  const width = Math.max('REVISION'.length, ...revisions.map((r) => String(r).length)) + 2;
  const rows = revisions.map((r) => `${String(r).padEnd(width)}<none>\n`).join('');
  return out(`deployment.apps/${d.metadata.name} \n${'REVISION'.padEnd(width)}CHANGE-CAUSE\n${rows}\n`);
}

export function kubectlRollout(args: string[], ctx: CommandContext): CommandResult {
  const [sub, ...rest] = args;
  const p = parseFlags(rest, SPEC, `kubectl rollout ${sub ?? ''}`.trim());
  if (p.error) return err(p.error);
  if (!['status', 'restart', 'undo', 'history'].includes(sub ?? '')) {
    return err(sub ? `error: unknown command "${sub}" for "kubectl rollout"\nRun 'kubectl rollout --help' for usage.\n` : 'error: Required resource not specified.\n');
  }
  if (sub === 'status') {
    const [type, name] = p.positional[0]?.includes('/') ? p.positional[0].split('/') : p.positional;
    if (type && name && kindOf(type) === 'StatefulSet') {
      const sts = ctx.sim.cluster.store.get('StatefulSet', p.flags.namespace ?? 'default', name);
      if (!sts) return err(`Error from server (NotFound): statefulsets.apps "${name}" not found\n`);
      const timeout = seconds(p.flags.timeout ?? '0');
      if (timeout === undefined) return err(`error: invalid argument "${p.flags.timeout}" for "--timeout" flag: time: invalid duration "${p.flags.timeout}"\n`);
      return statefulSetRolloutStatus(ctx.sim, sts, timeout);
    }
  }
  if (sub === 'restart') {
    const t = templatedArg(ctx, p.positional, p.flags.namespace, sub);
    if ('error' in t) return err(t.error);
    const tpl = t.d.spec.template;
    const annotations = { ...(tpl.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': simTimeToIso(t.sim.cluster.clock.now()) };
    changeTemplate(t.sim, t.d, { ...tpl, metadata: { ...tpl.metadata, annotations } });
    return out(`${resourceRef(t.d.kind, t.d.metadata.name)} restarted\n`);
  }
  if (sub === 'undo' || sub === 'history') {
    const [type, name] = p.positional[0]?.includes('/') ? p.positional[0].split('/') : p.positional;
    if (type && name && kindOf(type) === 'StatefulSet') {
      // kubectl reads a StatefulSet's history from its ControllerRevisions, which this simulator does not keep.
      return err(`error: this simulator keeps no ControllerRevisions, so it has no history to ${sub === 'undo' ? 'roll statefulset.apps/' + name + ' back to' : 'show for statefulset.apps/' + name}\n`);
    }
  }
  const found = deploymentArg(ctx, p.positional, p.flags.namespace, sub);
  if ('error' in found) return err(found.error);
  const { d, sim } = found;
  switch (sub) {
    case 'status': {
      const timeout = seconds(p.flags.timeout ?? '0');
      if (timeout === undefined) return err(`error: invalid argument "${p.flags.timeout}" for "--timeout" flag: time: invalid duration "${p.flags.timeout}"\n`);
      return rolloutStatus(sim, d, timeout);
    }
    case 'undo':
      return rolloutUndo(sim, d, Number(p.flags['to-revision'] ?? 0));
    default:
      return rolloutHistory(sim, d);
  }
}

/** kubectl set image deployment/NAME CONTAINER=IMAGE... */
export function kubectlSet(args: string[], ctx: CommandContext): CommandResult {
  const [sub, ...rest] = args;
  if (sub !== 'image') return err(sub ? `error: unknown command "${sub}" for "kubectl set"\nRun 'kubectl set --help' for usage.\n` : "error: unknown command \"\" for \"kubectl set\"\nRun 'kubectl set --help' for usage.\n");
  const p = parseFlags(rest, SPEC, 'kubectl set image');
  if (p.error) return err(p.error);
  const resource = p.positional.filter((a) => !a.includes('='));
  const pairs = p.positional.filter((a) => a.includes('='));
  if (pairs.length === 0) return err("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n");
  const found = templatedArg(ctx, resource, p.flags.namespace, 'image');
  if ('error' in found) return err(found.error);
  const { d, sim } = found;
  let containers: Container[] = d.spec.template.spec.containers;
  for (const pair of pairs) {
    const [name, image] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    if (name !== '*' && !containers.some((c) => c.name === name)) return err(`error: unable to find container named "${name}"\n`);
    containers = containers.map((c) => (name === '*' || c.name === name ? { ...c, image } : c));
  }
  if (containers.every((c, i) => c.image === d.spec.template.spec.containers[i]!.image)) return out('');
  const t = d.spec.template;
  changeTemplate(sim, d, { ...t, spec: { ...t.spec, containers } });
  return out(`${resourceRef(d.kind, d.metadata.name)} image updated\n`);
}
