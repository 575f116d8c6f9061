/**
 * What the Service REST storage does besides validation: allocate a
 * ClusterIP, nodePorts and a healthCheckNodePort, keep them across updates,
 * and release them on delete.
 * Mirrors k/k pkg/registry/core/service/storage/alloc.go and storage.go.
 */
import { ClusterIPAllocator } from './cluster-ip-allocator';
import { NodePortAllocator } from './node-port-allocator';
import type { Cluster } from '../cluster';
import type { Service } from '../model/types';
import { goInt, invalid, type FieldError } from './field-errors';

function needsNodePorts(svc: Service): boolean {
  return svc.spec.type === 'NodePort' || (svc.spec.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
}

function needsHealthCheck(svc: Service): boolean {
  return svc.spec.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';
}

/**
 * On an update, the fields a Service of the new type does not use and the user did not change
 * are wiped (so NodePort → ClusterIP drops the nodePorts and externalTrafficPolicy it was given):
 * pkg/registry/core/service/strategy.go dropTypeDependentFields, run before validation.
 */
export function dropTypeDependentFields(svc: Service, old: Service): void {
  const needsClusterIP = (s: Service) => s.spec.type !== 'ExternalName';
  const needsNodePort = (s: Service) => s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer';
  const externallyAccessible = (s: Service) => needsNodePort(s) || (s.spec.externalIPs?.length ?? 0) > 0;
  if (needsClusterIP(old) && !needsClusterIP(svc)) {
    const same = svc.spec.clusterIP === old.spec.clusterIP && (svc.spec.clusterIPs ?? []).join() === (old.spec.clusterIPs ?? []).join();
    if (same) {
      delete svc.spec.clusterIP;
      delete svc.spec.clusterIPs;
    }
    if ((svc.spec.ipFamilies ?? []).join() === (old.spec.ipFamilies ?? []).join()) delete svc.spec.ipFamilies;
    if (svc.spec.ipFamilyPolicy === old.spec.ipFamilyPolicy) delete svc.spec.ipFamilyPolicy;
  }
  const oldPorts = new Set(old.spec.ports.map((p) => p.nodePort).filter((n) => !!n));
  if (needsNodePort(old) && !needsNodePort(svc) && svc.spec.ports.every((p) => !p.nodePort || oldPorts.has(p.nodePort))) {
    for (const p of svc.spec.ports) delete p.nodePort;
  }
  const needsHC = (s: Service) => s.spec.type === 'LoadBalancer' && s.spec.externalTrafficPolicy === 'Local';
  if (needsHC(old) && !needsHC(svc) && svc.spec.healthCheckNodePort === old.spec.healthCheckNodePort) delete svc.spec.healthCheckNodePort;
  if (old.spec.type === 'LoadBalancer' && svc.spec.type !== 'LoadBalancer') {
    if (svc.spec.allocateLoadBalancerNodePorts !== undefined && svc.spec.allocateLoadBalancerNodePorts === old.spec.allocateLoadBalancerNodePorts) delete svc.spec.allocateLoadBalancerNodePorts;
  }
  if (externallyAccessible(old) && !externallyAccessible(svc) && svc.spec.externalTrafficPolicy === old.spec.externalTrafficPolicy) delete svc.spec.externalTrafficPolicy;
}

/** Allocates what a new or changed Service needs. On error nothing stays allocated. */
export function allocateServiceResources(cluster: Cluster, svc: Service, old?: Service): FieldError[] {
  const taken: (() => void)[] = [];
  const errs: FieldError[] = [];
  const { clusterIPs, nodePorts } = cluster;
  if (svc.spec.type !== 'ExternalName' && svc.spec.clusterIP !== 'None') {
    if (old?.spec.clusterIP && old.spec.clusterIP !== 'None') {
      if (svc.spec.clusterIP && svc.spec.clusterIP !== old.spec.clusterIP) {
        errs.push(invalid('spec.clusterIPs[0]', { kind: 'stringSlice', v: [svc.spec.clusterIP] }, 'may not change once set'));
      }
      svc.spec.clusterIP = old.spec.clusterIP;
    } else if (svc.spec.clusterIP) {
      const err = clusterIPs.allocate(svc.spec.clusterIP);
      if (err) {
        errs.push(
          invalid('spec.clusterIPs', { kind: 'stringSlice', v: [svc.spec.clusterIP] }, `failed to allocate IP ${svc.spec.clusterIP}: ${ClusterIPAllocator.errorText(err, clusterIPs.cidr, svc.spec.clusterIP)}`),
        );
      } else taken.push(() => clusterIPs.release(svc.spec.clusterIP!));
    } else {
      const ip = clusterIPs.allocateNext();
      if (!ip) errs.push(invalid('spec.clusterIPs', { kind: 'stringSlice', v: [] }, 'failed to allocate a serviceIP: range is full'));
      else {
        svc.spec.clusterIP = ip;
        taken.push(() => clusterIPs.release(ip));
      }
    }
    if (svc.spec.clusterIP) svc.spec.clusterIPs = [svc.spec.clusterIP];
  } else if (svc.spec.clusterIP === 'None') {
    svc.spec.clusterIPs = ['None'];
  }
  const oldPorts = new Set(old?.spec.ports.map((p) => p.nodePort).filter((n): n is number => !!n));
  if (needsNodePorts(svc)) {
    const byPort = new Map<number, number>();
    svc.spec.ports.forEach((port, i) => {
      if (port.nodePort === undefined) {
        const kept = old?.spec.ports.find((o) => o.port === port.port && o.protocol === port.protocol)?.nodePort;
        const shared = byPort.get(port.port);
        if (kept) port.nodePort = kept;
        else if (shared) port.nodePort = shared;
        else {
          const np = nodePorts.allocateNext();
          if (np === null) errs.push(invalid(`spec.ports[${i}].nodePort`, goInt(0), 'range is full'));
          else {
            port.nodePort = np;
            taken.push(() => nodePorts.release(np));
          }
        }
      } else if (!oldPorts.has(port.nodePort) && byPort.get(port.port) !== port.nodePort) {
        const err = nodePorts.allocate(port.nodePort);
        if (err) errs.push(invalid(`spec.ports[${i}].nodePort`, goInt(port.nodePort), NodePortAllocator.errorText(err, nodePorts.min, nodePorts.max)));
        else {
          const np = port.nodePort;
          taken.push(() => nodePorts.release(np));
        }
      }
      if (port.nodePort) byPort.set(port.port, port.nodePort);
    });
  } else {
    for (const port of svc.spec.ports) delete port.nodePort;
  }
  if (needsHealthCheck(svc)) {
    if (old?.spec.healthCheckNodePort && !svc.spec.healthCheckNodePort) svc.spec.healthCheckNodePort = old.spec.healthCheckNodePort;
    else if (!svc.spec.healthCheckNodePort) {
      const np = nodePorts.allocateNext();
      if (np !== null) {
        svc.spec.healthCheckNodePort = np;
        taken.push(() => nodePorts.release(np));
      }
    } else if (svc.spec.healthCheckNodePort !== old?.spec.healthCheckNodePort) {
      const err = nodePorts.allocate(svc.spec.healthCheckNodePort);
      if (err) errs.push(invalid('spec.healthCheckNodePort', goInt(svc.spec.healthCheckNodePort), NodePortAllocator.errorText(err, nodePorts.min, nodePorts.max)));
    }
  } else delete svc.spec.healthCheckNodePort;
  if (errs.length > 0) for (const undo of taken) undo();
  else if (old) releaseUnused(cluster, old, svc);
  return errs;
}

/** Gives back what the old version held and the new one does not. */
function releaseUnused(cluster: Cluster, old: Service, svc: Service): void {
  const keep = new Set(svc.spec.ports.map((p) => p.nodePort));
  keep.add(svc.spec.healthCheckNodePort);
  for (const p of old.spec.ports) if (p.nodePort && !keep.has(p.nodePort)) cluster.nodePorts.release(p.nodePort);
  if (old.spec.healthCheckNodePort && !keep.has(old.spec.healthCheckNodePort)) cluster.nodePorts.release(old.spec.healthCheckNodePort);
}

export function releaseServiceResources(cluster: Cluster, svc: Service): void {
  if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') cluster.clusterIPs.release(svc.spec.clusterIP);
  for (const p of svc.spec.ports) if (p.nodePort) cluster.nodePorts.release(p.nodePort);
  if (svc.spec.healthCheckNodePort) cluster.nodePorts.release(svc.spec.healthCheckNodePort);
}

/** A LoadBalancer controller: the next free address of the configured pool, or none (`<pending>`). */
export function assignLoadBalancer(cluster: Cluster, svc: Service): void {
  if (svc.spec.type !== 'LoadBalancer') {
    svc.status.loadBalancer = {};
    return;
  }
  if (svc.status.loadBalancer.ingress?.length) return;
  const used = new Set(cluster.store.list('Service').flatMap((s) => (s.status.loadBalancer.ingress ?? []).map((i) => i.ip)));
  const wanted = svc.spec.loadBalancerIP;
  const ip = wanted && cluster.config.loadBalancerPool.includes(wanted) ? wanted : cluster.config.loadBalancerPool.find((a) => !used.has(a));
  // SetDefaults_Service (pkg/apis/core/v1/defaults.go) adds ipMode VIP to an ingress IP written without one.
  if (ip) svc.status.loadBalancer = { ingress: [{ ip, ipMode: 'VIP' }] };
}
