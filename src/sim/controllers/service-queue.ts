/**
 * What the endpoint controllers watch, as their queues of Service keys: Services
 * written, and the Services selecting a written pod, by the labels the pod has now or
 * had when the controller last saw it (a relabelled pod leaves its old Services).
 * Mirrors the pod update handlers both endpoint controllers share:
 * GetServicesToUpdateOnPodChange (staging/src/k8s.io/endpointslice/util/controller_utils.go,
 * earlier pkg/controller/util/endpoint), the Services of the new pod's labels plus those
 * of the old pod's when the labels changed.
 */
import type { Cluster } from '../cluster';
import { matchesLabels } from '../model/labels';
import type { KubeObject, Labels, Pod, Service } from '../model/types';
import { managesEndpoints } from './service-pods';
import { addToPairIndex, type PairIndex } from './indexes';
import { keyOf, type WorkQueue } from './work-queue';

/** Services with a selector, by namespace and each pair of their selector. */
function selectorIndex(cluster: Cluster): PairIndex<Service> {
  const index: PairIndex<Service> = new Map();
  for (const svc of cluster.store.list('Service')) {
    if (managesEndpoints(svc)) addToPairIndex(index, svc.metadata.namespace ?? '', svc.spec.selector!, svc);
  }
  return index;
}

export class ServiceQueueFiller {
  /** The labels each pod had when this controller last saw it. */
  private readonly seenLabels = new WeakMap<Pod, Labels | undefined>();

  /**
   * Queues the Services a pass must sync; `alsoQueue` names the Service other written
   * objects belong to (an Endpoints object, a slice). On a first pass it only learns the
   * pods' labels: the queue already holds everything.
   */
  fill(cluster: Cluster, queue: WorkQueue, alsoQueue: (o: KubeObject) => string | undefined): void {
    if (queue.all) {
      for (const pod of cluster.store.list('Pod')) this.seenLabels.set(pod, pod.metadata.labels);
      return;
    }
    // A pod is written several times in a pass (created, scheduled, started): look at it once.
    const pods = new Set<Pod>();
    for (const o of queue.changes) {
      if (o.kind === 'Pod') pods.add(o);
      else if (o.kind === 'Service') queue.add(keyOf(o));
      else {
        const key = alsoQueue(o);
        if (key) queue.add(key);
      }
    }
    if (pods.size === 0) return;
    const index = selectorIndex(cluster);
    for (const pod of pods) {
      const byKey = index.get(pod.metadata.namespace ?? '');
      const before = this.seenLabels.get(pod);
      this.seenLabels.set(pod, pod.metadata.labels);
      if (!byKey) continue;
      queueSelecting(queue, byKey, pod.metadata.labels);
      if (before !== pod.metadata.labels) queueSelecting(queue, byKey, before);
    }
  }
}

function queueSelecting(queue: WorkQueue, byKey: Map<string, Map<string, Service[]>>, labels: Labels | undefined): void {
  if (!labels) return;
  for (const k in labels) {
    const services = byKey.get(k)?.get(labels[k]!);
    if (services) for (const svc of services) if (matchesLabels(svc.spec.selector!, labels)) queue.addObject(svc);
  }
}
