/**
 * The files and environment a container sees: /etc/resolv.conf and
 * /etc/hosts as the kubelet writes them (k/k pkg/kubelet/network/dns/dns.go,
 * pkg/kubelet/kubelet_pods.go managedHostsFileContent), and the environment
 * with the Service variables taken when the container started.
 */
import type { Pod } from '../../sim/model/types';
import { formatResolvConf, NODE_NAMESERVER, podResolvConf } from '../../sim/dns/resolv-conf';
import { podHostname } from '../../sim/net/servers';
import type { Simulation } from '../../sim/simulation';
import { mountedFile } from '../../sim/kubelet/config-sources';
import { serviceAccountPath } from './pod-volumes';

export const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export { NODE_NAMESERVER };

export function resolvConfFor(sim: Simulation, pod: Pod) {
  return podResolvConf(pod, sim.dnsIP, sim.config.clusterDomain, NODE_NAMESERVER);
}

export function podFile(sim: Simulation, pod: Pod, path: string, container?: string): string | undefined {
  if (path === '/etc/resolv.conf') return formatResolvConf(resolvConfFor(sim, pod));
  if (path === '/etc/hostname') return podHostname(pod) + '\n';
  if (path === '/etc/hosts') {
    const fqdn = pod.spec.subdomain ? `${podHostname(pod)}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${sim.config.clusterDomain}\t` : '';
    return (
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
      `${pod.status.podIP}\t${fqdn}${podHostname(pod)}\n`
    );
  }
  const sa = serviceAccountPath(sim, pod, path);
  if (sa) return 'file' in sa ? sa.file : undefined;
  const c = pod.spec.containers.find((x) => x.name === container) ?? pod.spec.containers[0]!;
  // A volume's files are also reached through its ..data symlink (tools/pod-volumes.ts).
  const mounted = mountedFile(sim.cluster.store, pod, c, path.replace(/\/\.\.data\//, '/'));
  return mounted && 'file' in mounted ? mounted.file : undefined;
}

/** The names in a directory a configMap or secret volume is mounted on, or undefined. */
export function podDir(sim: Simulation, pod: Pod, container: string | undefined, path: string): string[] | undefined {
  const c = pod.spec.containers.find((x) => x.name === container) ?? pod.spec.containers[0]!;
  const mounted = mountedFile(sim.cluster.store, pod, c, path);
  return mounted && 'dir' in mounted ? mounted.dir : undefined;
}

/** The container's environment in `env`'s order: PATH, HOSTNAME, its own variables, the Services', HOME. */
export function podEnvVars(pod: Pod, container: string | undefined): [string, string][] {
  const c = pod.spec.containers.find((x) => x.name === container) ?? pod.spec.containers[0]!;
  const vars: [string, string][] = [['PATH', IMAGE_PATH], ['HOSTNAME', podHostname(pod)]];
  const i = pod.spec.containers.indexOf(c);
  const own = pod.status.containerEnv?.[i];
  if (own) vars.push(...own);
  else for (const e of c.env ?? []) vars.push([e.name, e.value ?? '']);
  const svc = pod.status.serviceEnv ?? {};
  for (const k of Object.keys(svc).sort()) vars.push([k, svc[k]!]);
  vars.push(['HOME', '/root']);
  return vars;
}

export function podEnv(pod: Pod, container: string | undefined): string {
  return podEnvVars(pod, container).map(([k, v]) => `${k}=${v}\n`).join('');
}
