/**
 * What a traced request looks up, built once per cluster.version and shared by every
 * request until the cluster changes: the topology, Services by address and port, each
 * pod's listeners and each client's name lookups (CoreDNS answers only change with the
 * objects). Tracing 100,000 requests a second depends on nothing here being per request.
 */
import { NODE_NAMESERVER, podResolvConf } from '../dns/resolv-conf';
import type { Pod, Service } from '../model/types';
import type { Simulation } from '../simulation';
import { lookup, type LookupResult } from './dns-lookup';
import { listeners, type Server } from './servers';
import { topologyOf, type Topology } from './topology';

export interface RequestIndex {
  version: number;
  /** The CoreDNS pods' running Corefiles (a reload changes the answers without an API write). */
  dnsKey: string;
  topo: Topology;
  /** "svc:NS/NAME" of the Services a connection to ip:port is about. */
  related(ip: string, port: number): string[];
  /** The Service whose ClusterIP this is. */
  byClusterIP(ip: string): Service | undefined;
  /** The LoadBalancer Service whose ingress IP this is. */
  byLoadBalancerIP(ip: string): Service | undefined;
  listeners(pod: Pod): Map<number, Server>;
  /** The pod's resolver asking CoreDNS for `name` (A), as its resolv.conf says. */
  lookup(pod: Pod, name: string): LookupResult;
  /** The nameserver the pod's resolv.conf names first (the cluster DNS unless dnsPolicy says otherwise). */
  nameserver(pod: Pod): string;
  /**
   * A per-version memo for hop texts that depend only on the path, keyed by a list of
   * parts (strings, numbers, objects) looked up level by level: no key string is built.
   */
  memo<T>(parts: readonly unknown[], make: () => T): T;
}

const CACHE = new WeakMap<Simulation, RequestIndex>();

export function requestIndex(sim: Simulation): RequestIndex {
  const version = sim.cluster.version;
  const dnsKey = sim.coredns.key();
  const hit = CACHE.get(sim);
  if (hit && hit.version === version && hit.dnsKey === dnsKey) return hit;
  const index = buildIndex(sim, version, dnsKey);
  CACHE.set(sim, index);
  return index;
}

function buildIndex(sim: Simulation, version: number, dnsKey: string): RequestIndex {
  const services = sim.cluster.store.list('Service');
  const clusterIPs = new Map<string, Service>();
  const lbIPs = new Map<string, Service>();
  const byNodePort = new Map<number, Service[]>();
  for (const s of services) {
    if (s.spec.clusterIP && s.spec.clusterIP !== 'None') clusterIPs.set(s.spec.clusterIP, s);
    for (const i of s.status.loadBalancer.ingress ?? []) if (i.ip) lbIPs.set(i.ip, s);
    for (const p of s.spec.ports) if (p.nodePort) byNodePort.set(p.nodePort, [...(byNodePort.get(p.nodePort) ?? []), s]);
  }
  const related = new Map<string, Map<number, string[]>>();
  const servers = new WeakMap<Pod, Map<number, Server>>();
  const lookups = new WeakMap<Pod, Map<string, LookupResult>>();
  const nameservers = new WeakMap<Pod, string>();
  const root = new Map<unknown, unknown>();
  const id = (s: Service) => `svc:${s.metadata.namespace}/${s.metadata.name}`;
  return {
    version,
    dnsKey,
    topo: topologyOf(sim.cluster),
    related(ip, port) {
      let byPort = related.get(ip);
      if (!byPort) related.set(ip, (byPort = new Map()));
      let ids = byPort.get(port);
      if (!ids) {
        const found = new Set<Service>();
        const c = clusterIPs.get(ip);
        if (c && c.spec.ports.some((p) => p.port === port)) found.add(c);
        const lb = lbIPs.get(ip);
        if (lb) found.add(lb);
        for (const s of byNodePort.get(port) ?? []) found.add(s);
        byPort.set(port, (ids = [...found].map(id)));
      }
      return ids;
    },
    byClusterIP: (ip) => clusterIPs.get(ip),
    byLoadBalancerIP: (ip) => lbIPs.get(ip),
    listeners(pod) {
      let l = servers.get(pod);
      if (!l) servers.set(pod, (l = listeners(pod, sim.cluster.store)));
      return l;
    },
    nameserver(pod) {
      let ns = nameservers.get(pod);
      if (ns === undefined) nameservers.set(pod, (ns = podResolvConf(pod, sim.dnsIP, sim.config.clusterDomain, NODE_NAMESERVER).nameservers[0] ?? sim.dnsIP));
      return ns;
    },
    lookup(pod, name) {
      let m = lookups.get(pod);
      if (!m) lookups.set(pod, (m = new Map()));
      let r = m.get(name);
      if (!r) {
        const conf = podResolvConf(pod, sim.dnsIP, sim.config.clusterDomain, NODE_NAMESERVER);
        m.set(name, (r = lookup(sim.dnsContextFor(conf), conf, name, 'A')));
      }
      return r;
    },
    memo<T>(parts: readonly unknown[], make: () => T): T {
      let m = root;
      const last = parts.length - 1;
      for (let i = 0; i < last; i++) {
        let next = m.get(parts[i]) as Map<unknown, unknown> | undefined;
        if (!next) m.set(parts[i], (next = new Map()));
        m = next;
      }
      let v = m.get(parts[last]) as T | undefined;
      if (v === undefined) m.set(parts[last], (v = make()));
      return v;
    },
  };
}
