/**
 * The pod a TYPE/NAME stands for in exec and logs (kubectl polymorphichelpers
 * AttachablePodForObjectFn): a pod itself, or the first running pod a Deployment,
 * ReplicaSet or Service selects, the oldest first (controller.ActivePods order, roughly).
 */
import { groupResource } from '../../sim/apiserver/resource-names';
import { matchesLabels, matchesSelector } from '../../sim/model/labels';
import type { Pod } from '../../sim/model/types';
import type { Simulation } from '../../sim/simulation';
import { kindOf, unknownResource } from './resources';

export function podFor(sim: Simulation, ns: string, arg: string): Pod | { error: string } {
  const slash = arg.indexOf('/');
  const store = sim.cluster.store;
  if (slash < 0) return store.get('Pod', ns, arg) ?? { error: `Error from server (NotFound): pods "${arg}" not found\n` };
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const kind = kindOf(type);
  if (!kind) return { error: unknownResource(type) };
  if (kind === 'Pod') return store.get('Pod', ns, name) ?? { error: `Error from server (NotFound): pods "${name}" not found\n` };
  const owner = store.get(kind, ns, name);
  if (!owner) return { error: `Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n` };
  let selects: ((p: Pod) => boolean) | undefined;
  if (owner.kind === 'Deployment' || owner.kind === 'ReplicaSet') selects = (p) => matchesSelector(owner.spec.selector, p.metadata.labels);
  else if (owner.kind === 'Service' && owner.spec.selector && Object.keys(owner.spec.selector).length) selects = (p) => matchesLabels(owner.spec.selector!, p.metadata.labels);
  if (!selects) return { error: `error: cannot attach to ${owner.kind.toLowerCase()}: selector for ${owner.kind.toLowerCase()} not implemented\n` };
  const pods = store.list('Pod', ns).filter((p) => selects(p) && p.metadata.deletionTimestamp === undefined);
  const running = pods.filter((p) => p.status.phase === 'Running');
  const pick = (running.length ? running : pods).sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1))[0];
  return pick ?? { error: `error: no pods found for ${owner.kind.toLowerCase()}/${name}\n` };
}
