/**
 * IPVS virtual and real servers as kube-proxy in ipvs mode programs them on one node.
 * Mirrors k/k pkg/proxy/ipvs/proxier.go syncProxyRules / syncEndpoint: one virtual server
 * per service port for the ClusterIP, each external IP, each LB ingress IP and (for
 * NodePorts) each node address; ClientIP affinity sets the persistent flag with the
 * affinity timeout; every usable endpoint becomes a Masq real server of weight 1.
 * Departures: virtual servers of services without endpoints exist with no real servers
 * (as upstream); graceful-termination weight-0 real servers are not modelled.
 */
import { categorizeEndpoints } from '../categorize';
import { servicePortName, type ProxyEndpoint, type ProxyServicePort } from '../service-port';

export type IpvsScheduler = 'rr' | 'wrr' | 'lc' | 'wlc' | 'lblc' | 'lblcr' | 'dh' | 'sh' | 'sed' | 'nq' | 'mh';
export type IpvsForward = 'Masq' | 'Local' | 'Tunnel' | 'Route';

export interface IpvsRealServer {
  ip: string;
  port: number;
  weight: number;
  forward: IpvsForward;
  activeConns: number;
  inactConns: number;
}

export interface IpvsVirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  ip: string;
  port: number;
  scheduler: IpvsScheduler;
  /** ClientIP affinity: `persistent <timeout>` in ipvsadm. */
  persistentTimeout?: number;
  realServers: IpvsRealServer[];
  /** "ns/svc:port", for the UI; ipvsadm never prints it. */
  servicePort: string;
  kind: 'clusterIP' | 'externalIP' | 'loadBalancer' | 'nodePort';
}

export interface IpvsNodeContext {
  nodeName: string;
  /** Addresses NodePorts are served on (kube-proxy's NodeIPs(): the node's local addresses). */
  nodeIPs: string[];
  /** --ipvs-scheduler; kube-proxy defaults to rr. */
  scheduler?: IpvsScheduler;
}

const realServer = (ep: ProxyEndpoint): IpvsRealServer => ({
  ip: ep.ip, port: ep.port, weight: 1, forward: 'Masq', activeConns: 0, inactConns: 0,
});

/** The node's virtual servers, in the order kube-proxy creates them per service port. */
export function buildIpvs(servicePorts: ProxyServicePort[], ctx: IpvsNodeContext): IpvsVirtualServer[] {
  const out: IpvsVirtualServer[] = [];
  for (const sp of servicePorts) {
    if (!sp.clusterIP) continue;
    const { clusterEndpoints, localEndpoints, hasAnyEndpoints } = categorizeEndpoints(sp, ctx.nodeName);
    const pick = (local: boolean) => (!hasAnyEndpoints ? [] : local ? localEndpoints : clusterEndpoints).map(realServer);
    const vs = (kind: IpvsVirtualServer['kind'], ip: string, port: number, local: boolean): IpvsVirtualServer => ({
      protocol: sp.protocol,
      ip,
      port,
      scheduler: ctx.scheduler ?? 'rr',
      ...(sp.affinityTimeoutSeconds !== undefined ? { persistentTimeout: sp.affinityTimeoutSeconds } : {}),
      realServers: pick(local),
      servicePort: servicePortName(sp),
      kind,
    });
    out.push(vs('clusterIP', sp.clusterIP, sp.port, sp.internalPolicyLocal));
    for (const ip of sp.externalIPs) out.push(vs('externalIP', ip, sp.port, sp.externalPolicyLocal));
    for (const ip of sp.loadBalancerIPs) out.push(vs('loadBalancer', ip, sp.port, sp.externalPolicyLocal));
    if (sp.nodePort) for (const ip of ctx.nodeIPs) out.push(vs('nodePort', ip, sp.nodePort, sp.externalPolicyLocal));
  }
  return out;
}

/** Addresses kube-proxy binds to the dummy kube-ipvs0 interface (ClusterIPs, external IPs, LB IPs). */
export function kubeIpvs0Addresses(servers: IpvsVirtualServer[]): string[] {
  return [...new Set(servers.filter((v) => v.kind !== 'nodePort').map((v) => v.ip))];
}
