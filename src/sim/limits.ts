/**
 * What a simulated cluster holds at most: simulator limits, not Kubernetes' (a real cluster
 * is bounded by its nodes' max-pods and etcd). Where one bites, the component says so in the
 * simulator's own words, and the shell passes the note on after the command's own output.
 */
import type { Cluster } from './cluster';

/** The most pods a simulated cluster holds, all namespaces together. */
export const MAX_PODS = 10_000;

/** The note a shell prints when the pod limit stopped a controller or a create. */
export function podLimitNote(what: string): string {
  return `simulator: this simulated cluster holds at most ${MAX_PODS} pods (a limit of the simulator, not of Kubernetes); ${what}`;
}

/** How many more pods fit. */
export function podRoom(cluster: Cluster): number {
  return Math.max(0, MAX_PODS - cluster.store.count('Pod'));
}

/** The largest Corefile the simulated CoreDNS reads (kubeadm's is under 1 KiB): hashing it is slow in the core. */
export const MAX_COREFILE_CHARS = 64 * 1024;
