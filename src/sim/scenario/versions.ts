/** The Kubernetes version the simulated cluster runs. */
import type { ClusterConfig } from './cluster-config';

export const KUBERNETES_VERSION = 'v1.33.1';
/**
 * The historic userspace proxy mode was removed in v1.26 (k/k PR 112133), so a cluster in that
 * mode is simulated as a v1.25 one (kindest/node:v1.25.16, the last kind image of that line).
 * Departure: kind itself never accepted `kubeProxyMode: userspace`.
 */
export const USERSPACE_KUBERNETES_VERSION = 'v1.25.16';

/** The version the cluster's control plane, kubelets and kube-proxy run. */
export function kubernetesVersionOf(config: Pick<ClusterConfig, 'proxyMode'>): string {
  return config.proxyMode === 'userspace' ? USERSPACE_KUBERNETES_VERSION : KUBERNETES_VERSION;
}
