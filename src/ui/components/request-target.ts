/**
 * Which Service a URL is aimed at, and the requests worth having at hand in
 * a scenario: a client pod to each Service by name, the workstation to each
 * NodePort, and to each load balancer that has an address.
 */
import type { ClusterSnapshot, ServiceView } from '../../sim/view/snapshot';
import type { SavedRequest } from '../stores/request-store';
import { isShownPod, isShownService, sortNodes } from '../graph/layout';

function hostPort(url: string): { host: string; port: number | null } {
  const m = /^[a-z]+:\/\/([^/:]+)(?::(\d+))?/i.exec(url.trim());
  return { host: m?.[1] ?? '', port: m?.[2] ? Number(m[2]) : null };
}

export function serviceForUrl(snap: ClusterSnapshot, url: string): ServiceView | undefined {
  const { host, port } = hostPort(url);
  const first = host.split('.')[0];
  return snap.services.find(
    (s) =>
      s.clusterIP === host || s.loadBalancerIPs.includes(host) || s.externalIPs.includes(host) ||
      (s.name === first && (host === s.name || host.startsWith(`${s.name}.${s.namespace}`))) ||
      (port !== null && snap.nodes.some((n) => n.ip === host) && s.ports.some((p) => p.nodePort === port)),
  );
}

const portSuffix = (port: number, usual: number): string => (port === usual ? '' : `:${port}`);

export function defaultRequests(snap: ClusterSnapshot | null): SavedRequest[] {
  if (!snap) return [];
  const services = snap.services.filter(isShownService).sort((a, b) => (a.name < b.name ? -1 : 1));
  const clients = snap.pods.filter((p) => isShownPod(p) && !p.isCoreDns && !p.terminating && p.ip);
  const client = clients.find((p) => p.name === 'client' || p.labels.app === 'client') ?? clients[0];
  const worker = sortNodes(snap.nodes).find((n) => n.role === 'worker') ?? snap.nodes[0];
  const out: SavedRequest[] = [];
  for (const svc of services) {
    const port = svc.ports[0];
    if (!port) continue;
    const ns = svc.namespace === client?.namespace ? '' : `.${svc.namespace}`;
    if (client && svc.type !== 'ExternalName') out.push({ name: `${client.name} → ${svc.name}`, from: `${client.namespace}/${client.name}`, url: `http://${svc.name}${ns}${portSuffix(port.port, 80)}/` });
    if (worker && port.nodePort) out.push({ name: `workstation → NodePort ${svc.name}`, from: 'workstation', url: `http://${worker.ip}:${port.nodePort}/` });
    const lb = svc.loadBalancerIPs[0];
    if (lb) out.push({ name: `workstation → LoadBalancer ${svc.name}`, from: 'workstation', url: `http://${lb}${portSuffix(port.port, 80)}/` });
  }
  return out;
}
