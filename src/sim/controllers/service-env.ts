/**
 * The Service environment variables a container starts with. They are taken
 * once, when the container starts: Services made later never appear.
 * Mirrors k/k pkg/kubelet/envvars/envvars.go (FromServices) and
 * pkg/kubelet/kubelet_pods.go (getServiceEnvVarMap).
 */
import type { ObjectStore } from '../model/store';
import type { Pod, Service } from '../model/types';

function prefixOf(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

function hasClusterIP(svc: Service): boolean {
  return !!svc.spec.clusterIP && svc.spec.clusterIP !== 'None' && svc.spec.type !== 'ExternalName';
}

export function serviceEnvFor(store: ObjectStore, pod: Pod): Record<string, string> {
  const ns = pod.metadata.namespace!;
  const chosen = new Map<string, Service>();
  if (pod.spec.enableServiceLinks !== false) {
    for (const svc of store.list('Service', ns)) if (hasClusterIP(svc)) chosen.set(svc.metadata.name, svc);
  }
  const master = store.get('Service', 'default', 'kubernetes');
  // The master service is added only when the pod's own namespace has no Service of that name.
  if (master && hasClusterIP(master) && !chosen.has('kubernetes')) chosen.set('kubernetes', master);
  const env: Record<string, string> = {};
  for (const svc of [...chosen.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    const p = prefixOf(svc.metadata.name);
    const ip = svc.spec.clusterIP!;
    const first = svc.spec.ports[0];
    if (!first) continue;
    env[`${p}_SERVICE_HOST`] = ip;
    env[`${p}_SERVICE_PORT`] = String(first.port);
    for (const port of svc.spec.ports) {
      if (port.name) env[`${p}_SERVICE_PORT_${prefixOf(port.name)}`] = String(port.port);
    }
    env[`${p}_PORT`] = `${first.protocol.toLowerCase()}://${ip}:${first.port}`;
    for (const port of svc.spec.ports) {
      const proto = port.protocol.toLowerCase();
      const base = `${p}_PORT_${port.port}_${port.protocol}`;
      env[base] = `${proto}://${ip}:${port.port}`;
      env[`${base}_PROTO`] = proto;
      env[`${base}_PORT`] = String(port.port);
      env[`${base}_ADDR`] = ip;
    }
  }
  return env;
}
