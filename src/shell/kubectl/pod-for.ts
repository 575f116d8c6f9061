/**
 * The pod a TYPE/NAME stands for in exec and logs: a pod itself, or one of the pods a
 * Deployment, ReplicaSet or Service selects. exec takes the first running pod, the oldest
 * first (kubectl polymorphichelpers AttachablePodForObjectFn, controller.ActivePods order,
 * roughly); logs sorts them as podutils.ByLogging does and says how many it found
 * (polymorphichelpers/logsforobject.go, GetFirstPod).
 */
import { groupResource } from '../../sim/apiserver/resource-names';
import { matchesLabels, matchesSelector } from '../../sim/model/labels';
import { isClusterScoped } from '../../sim/model/store';
import type { Pod } from '../../sim/model/types';
import type { Simulation } from '../../sim/simulation';
import { containerStatusesAt } from '../print/pod-runtime';
import { kindOf, unknownResource } from './resources';

type Resolved = { pod: Pod } | { owner: string; pods: Pod[] } | { error: string };

/** The pod named, or the pods the named owner selects (terminating ones included: GetFirstPod lists them all). */
function resolve(sim: Simulation, ns: string, arg: string, verb: 'attach to' | 'get the logs from'): Resolved {
  const slash = arg.indexOf('/');
  const store = sim.cluster.store;
  const podNamed = (name: string): Resolved => {
    const pod = store.get('Pod', ns, name);
    return pod ? { pod } : { error: `Error from server (NotFound): pods "${name}" not found\n` };
  };
  if (slash < 0) return podNamed(arg);
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const kind = kindOf(type);
  if (!kind) return { error: unknownResource(type) };
  if (kind === 'Pod') return podNamed(name);
  const owner = store.get(kind, isClusterScoped(kind) ? undefined : ns, name);
  if (!owner) return { error: `Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n` };
  let selects: ((p: Pod) => boolean) | undefined;
  if (owner.kind === 'Deployment' || owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') selects = (p) => matchesSelector(owner.spec.selector, p.metadata.labels);
  else if (owner.kind === 'Service' && owner.spec.selector && Object.keys(owner.spec.selector).length) selects = (p) => matchesLabels(owner.spec.selector!, p.metadata.labels);
  if (!selects) {
    // SelectorsForObject (polymorphichelpers/helpers.go), its error wrapped with the object's Go type (%T).
    const why = owner.kind === 'Service' ? `invalid service '${name}': Service is defined without a selector` : `selector for *v1.${owner.kind} not implemented`;
    return { error: `error: cannot ${verb} *v1.${owner.kind}: ${why}\n` };
  }
  return { owner: `${owner.kind.toLowerCase()}/${name}`, pods: store.list('Pod', ns).filter(selects) };
}

export function podFor(sim: Simulation, ns: string, arg: string): Pod | { error: string } {
  const r = resolve(sim, ns, arg, 'attach to');
  if ('error' in r) return r;
  if ('pod' in r) return r.pod;
  const pods = r.pods.filter((p) => p.metadata.deletionTimestamp === undefined);
  const running = pods.filter((p) => p.status.phase === 'Running');
  const pick = (running.length ? running : pods).sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1))[0];
  return pick ?? { error: `error: no pods found for ${r.owner}\n` };
}

/**
 * The pod kubectl logs reads for TYPE/NAME, and how many pods the selector found (logs
 * prints "Found N pods, using pod/NAME" on stderr when there are several). Order:
 * podutils.ByLogging: assigned first; Running, then Unknown, then Pending (other phases count
 * as Running, as its map has no entry for them); ready first; ready longest first; most
 * restarts first; oldest first (then by name: Go's sort.Sort leaves ties unspecified).
 */
export function podForLogs(sim: Simulation, ns: string, arg: string): { pod: Pod; found: number } | { error: string } {
  const r = resolve(sim, ns, arg, 'get the logs from');
  if ('error' in r) return r;
  if ('pod' in r) return { pod: r.pod, found: 1 };
  const now = sim.cluster.clock.now();
  const phaseRank = (p: Pod) => (p.status.phase === 'Pending' ? 2 : p.status.phase === 'Unknown' ? 1 : 0);
  const restarts = (p: Pod) => Math.max(0, ...containerStatusesAt(p, now).map((s) => s.restartCount));
  const sorted = [...r.pods].sort((a, b) => {
    if (!a.spec.nodeName !== !b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
    if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
    if (a.status.ready !== b.status.ready) return a.status.ready ? -1 : 1;
    if (a.status.ready && b.status.ready && a.status.readyAt !== b.status.readyAt) return (a.status.readyAt ?? Infinity) - (b.status.readyAt ?? Infinity);
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    return a.metadata.creationTimestamp - b.metadata.creationTimestamp || (a.metadata.name < b.metadata.name ? -1 : 1);
  });
  // GetFirstPod waits for a pod (--pod-running-timeout, 20s) and gives up with the watch's error.
  if (sorted.length === 0) return { error: 'error: timed out waiting for the condition\n' };
  return { pod: sorted[0]!, found: sorted.length };
}
