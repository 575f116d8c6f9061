/**
 * One simulated cluster: its objects, allocators, clock and random streams.
 * Everything that changes cluster state goes through here (the API server's
 * write path in apiserver/, the controllers in controllers/).
 */
import { ClusterIPAllocator } from './apiserver/cluster-ip-allocator';
import { NodePortAllocator } from './apiserver/node-port-allocator';
import { createClock, type Clock } from './clock';
import type { ClusterConfig } from './scenario/cluster-config';
import { NodeIpam } from './controllers/pod-ipam';
import { IdSource } from './ids';
import { EventLog, type EventInput } from './events/event-log';
import { ChangeJournal } from './journal';
import { ObjectStore } from './model/store';
import type { Kind, KubeObject, ObjectMeta, Pod } from './model/types';
import { createRng, KUBE_NAME_ALPHABET, type Rng } from './rng';
import { parseCidr } from './net/ip';
import { DEFAULT_GRACE_SECONDS, secondsToTerminate } from './kubelet/termination';
import { containersStopping } from './kubelet/events';
import type { ContainerExec } from './kubelet/probes';

export class Cluster {
  readonly store = new ObjectStore();
  readonly clock: Clock = createClock();
  /** Names, IPs, scheduling ties. */
  readonly rng: Rng;
  /** Load-balancing draws and ephemeral ports: kept apart so requests never shift names. */
  readonly trafficRng: Rng;
  readonly ids: IdSource;
  readonly clusterIPs: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;
  readonly ipam = new Map<string, NodeIpam>();
  /** Bumped on every write, so views can tell they are stale. */
  version = 0;
  /** Every write in order: what each controller's pass starts from. */
  readonly journal = new ChangeJournal();
  /** What the components reported (kubectl get events, describe's Events). */
  readonly events = new EventLog();
  /** Bumped when any Service changes: the kubelet's cache of Service environments keys on it. */
  serviceGeneration = 0;
  /** Bumped when any Pod changes: the controllers' pod indexes key on it. */
  podGeneration = 0;
  /** Where a simulator limit bit since the shell last looked (limits.ts), in the simulator's words, one per object. */
  readonly limitNotes = new Map<string, string>();
  /** Runs a command in a container (exec probes): the simulated shell installs it (kubelet/probes.ts). */
  containerExec?: ContainerExec;

  constructor(readonly config: ClusterConfig, readonly seed: number) {
    this.rng = createRng(seed);
    this.trafficRng = createRng(seed ^ 0x27d4eb2f);
    this.ids = new IdSource(seed);
    this.clusterIPs = new ClusterIPAllocator(config.serviceSubnet, this.rng);
    this.nodePorts = new NodePortAllocator(config.nodePortRange.min, config.nodePortRange.max, this.rng);
  }

  /** Stores a new object, filling in uid, resourceVersion and creation time. */
  create<T extends KubeObject>(obj: T, at = this.clock.now()): T {
    obj.metadata.uid = this.ids.uid();
    obj.metadata.resourceVersion = this.ids.resourceVersion();
    obj.metadata.creationTimestamp = at;
    this.store.put(obj);
    this.touched(obj);
    return obj;
  }

  private touched(obj: KubeObject): void {
    this.journal.record(obj);
    this.version++;
    if (obj.kind === 'Service') this.serviceGeneration++;
    else if (obj.kind === 'Pod') this.podGeneration++;
  }

  /**
   * Something the controllers read changed without an API write (a file a container
   * touched, which exec probes look at): they look at the object again.
   */
  noticed(obj: KubeObject): void {
    this.journal.record(obj);
  }

  /** Stores a changed object under a new resourceVersion. */
  update<T extends KubeObject>(obj: T): T {
    obj.metadata.resourceVersion = this.ids.resourceVersion();
    this.store.put(obj);
    this.touched(obj);
    return obj;
  }

  remove(obj: KubeObject): void {
    this.store.remove(obj.kind, obj.metadata.namespace, obj.metadata.name);
    this.touched(obj);
  }

  /**
   * Deletes a pod gracefully: it is marked with a deletionTimestamp (now plus
   * the grace period) and stays, Terminating, until its containers have
   * stopped (kubelet/termination.ts). A grace of 0 removes it at once.
   */
  deletePod(pod: Pod, graceSeconds = DEFAULT_GRACE_SECONDS): void {
    if (pod.metadata.deletionTimestamp !== undefined && graceSeconds > 0) return;
    const now = this.clock.now();
    if (pod.status.phase === 'Running' && pod.metadata.deletionTimestamp === undefined) containersStopping(this, pod);
    const after = secondsToTerminate(pod, graceSeconds);
    if (after <= 0) {
      this.removePod(pod);
      return;
    }
    pod.metadata.deletionTimestamp = now + graceSeconds;
    pod.metadata.deletionGracePeriodSeconds = graceSeconds;
    pod.status.terminatesAt = now + after;
    this.update(pod);
  }

  /** Takes the pod object away and gives its IP back to its node's IPAM. */
  removePod(pod: Pod): void {
    const ip = pod.status.podIP;
    if (ip && !pod.spec.hostNetwork && pod.spec.nodeName) this.ipam.get(pod.spec.nodeName)?.release(ip);
    this.remove(pod);
  }

  ipamFor(nodeName: string, podCIDR: string): NodeIpam {
    let ipam = this.ipam.get(nodeName);
    if (!ipam) {
      ipam = new NodeIpam(parseCidr(podCIDR)!);
      this.ipam.set(nodeName, ipam);
    }
    return ipam;
  }

  /** metadata.generateName as the API server fills it in: the prefix and 5 random characters, free in the namespace. */
  generatedName(kind: Kind, namespace: string | undefined, prefix: string): string {
    let name: string;
    do name = prefix + this.rng.string(5, KUBE_NAME_ALPHABET);
    while (this.store.get(kind, namespace, name));
    return name;
  }

  /** Records an event at the clock's time. */
  event(input: EventInput): void {
    this.events.record(input, this.clock.now());
  }

  newMeta(name: string, namespace: string | undefined, extra: Partial<ObjectMeta> = {}): ObjectMeta {
    return { name, namespace, uid: '', resourceVersion: '', creationTimestamp: this.clock.now(), ...extra };
  }
}
