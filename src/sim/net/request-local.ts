/**
 * A pod talking to itself: `localhost` (from the pod's /etc/hosts, no DNS) and the
 * pod's own IP stay inside its network namespace, which all its containers share.
 * No node, no kube-proxy: a sidecar reaches the server container on localhost.
 */
import type { Pod } from '../model/types';
import type { HopLog } from './hop-log';
import type { ObjectStore } from '../model/store';
import { listeners, type HttpAnswer, type HttpRequest } from './servers';
import { podId } from './topology';
import type { ParsedUrl } from './url';

export function isLocalTarget(pod: Pod, host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === pod.status.podIP;
}

/** Delivers inside the pod, or refuses (RST) when no container listens on the port. */
export function deliverLocally(pod: Pod, url: ParsedUrl, sport: number, log: HopLog, req: Omit<HttpRequest, 'port'>, store?: ObjectStore): HttpAnswer | undefined {
  const ip = url.host === 'localhost' ? '127.0.0.1' : url.host;
  const iface = ip.startsWith('127.') ? 'lo' : 'eth0';
  const packet = { protocol: 'TCP' as const, src: ip, sport, dst: ip, dport: url.port };
  const server = listeners(pod, store).get(url.port);
  const el = podId(pod);
  const name = pod.metadata.name;
  if (!server) {
    log.add({ kind: 'reject', from: el, to: el, actor: name, title: `nothing in ${name} listens on ${url.port}`, detail: 'TCP RST', packetIn: log.view(packet, 'SYN'), decidedBy: { kind: 'socket', lines: [`no socket listening on ${ip}:${url.port}`] }, why: `${url.host} is the pod itself, and none of its containers listens on port ${url.port}, so the kernel resets the connection.` });
    return undefined;
  }
  const answer = server(url.path, pod, `${ip}:${sport}`, { ...req, port: url.port });
  log.add({
    kind: 'deliver', from: el, to: el, actor: name,
    title: `${name} talks to itself over ${iface}`,
    detail: `GET ${url.path} on :${url.port}`,
    packetIn: log.view(packet, `GET ${url.path}`), packetOut: log.view({ ...packet, src: ip, dst: ip, sport: url.port, dport: sport }, `HTTP ${answer.status}`),
    decidedBy: { kind: 'socket', lines: [`connect(${ip}:${url.port}) via ${iface}`, `listening on 0.0.0.0:${url.port}`] },
    why: `Containers in a pod share one network namespace: ${url.host} reaches whichever container listens on port ${url.port}, without leaving the pod.`,
  });
  return answer;
}
