/**
 * The historic userspace kube-proxy (removed in v1.26) as a data plane: the node's nat
 * table (with the KUBE-PORTALS-* / KUBE-NODEPORT-* rules of proxy/userspace/portals.ts)
 * is walked like any iptables ruleset; a packet redirected to one of kube-proxy's own
 * ports is then handed to the proxy, which dials a backend itself, so the backend sees
 * the node as the source. The lesson of this mode is TryConnectEndpoints
 * (k/k pkg/proxy/userspace/proxysocket.go, release-1.25): when a dial fails, the proxy
 * tries the next endpoint (up to 4 times, with timeouts 250ms, 500ms, 1s, 2s), so a
 * backend that refuses is hidden from the client.
 * Departure: with no endpoint at all the real proxy accepted and then closed the client
 * connection; we report that as REJECT.
 */
import type { Cluster } from '../cluster';
import { buildServicePorts, servicePortName } from '../proxy/service-port';
import { RoundRobinBalancer } from '../proxy/userspace/round-robin';
import { renderUserspace, type UserspaceRender } from '../proxy/userspace/portals';
import { createRecentTable, walkIptables } from './iptables-walk';
import type { DataPlane, Packet, ProxyVerdict } from './packet';
import { ConntrackTables, endpointPodOf, NodeCache, nodeIPOf, recordVerdict, trackedVerdict } from './plane-common';
import { listeners } from './servers';
import { topologyOf } from './topology';
import { KIND_DOCKER_DNS } from './iptables-plane';

/** proxysocket.go EndpointDialTimeouts. */
export const ENDPOINT_DIAL_TIMEOUTS_MS = [250, 500, 1000, 2000];

export class UserspaceDataPlane implements DataPlane {
  readonly conntrack = new ConntrackTables();
  private readonly renders: NodeCache<UserspaceRender>;
  private readonly balancers = new Map<string, RoundRobinBalancer>();

  constructor(private readonly cluster: Cluster) {
    this.renders = new NodeCache(cluster, (node) => renderUserspace(buildServicePorts(cluster.store), {
      nodeName: node, nodeIP: nodeIPOf(cluster, node), clusterCIDR: cluster.config.podSubnet.text, dockerDns: KIND_DOCKER_DNS,
    }));
  }

  render(nodeName: string): UserspaceRender {
    return this.renders.get(nodeName);
  }

  process(nodeName: string, packet: Packet, hook: 'PREROUTING' | 'OUTPUT'): ProxyVerdict {
    const now = this.cluster.clock.now();
    const ct = this.conntrack.of(nodeName);
    const tracked = trackedVerdict(ct, packet, now, 'iptables');
    if (tracked) return tracked;
    const nodeIP = nodeIPOf(this.cluster, nodeName);
    const { ruleset, portals } = this.renders.get(nodeName);
    const walk = walkIptables(packet, hook, { ruleset, localAddresses: [nodeIP], random: () => 0, recent: createRecentTable(), now, masqueradeAddress: nodeIP });
    const rules = walk.trace.filter((s) => s.table === 'nat').map((s) => s.line);
    const portal = walk.packet.dst === nodeIP ? portals.get(`${packet.protocol}|${walk.packet.dport}`) : undefined;
    if (!portal) return { packet: walk.packet, verdict: walk.verdict, masquerade: false, rules, tool: 'iptables' };

    const sp = portal.sp;
    const ready = sp.endpoints.filter((e) => e.ready).map((e) => `${e.ip}:${e.port}`);
    const key = `${servicePortName(sp)}|${sp.protocol}`;
    const lb = this.balancerOf(nodeName);
    lb.update(key, ready, this.cluster.trafficRng);
    const topo = topologyOf(this.cluster);
    const failedDials: NonNullable<ProxyVerdict['failedDials']> = [];
    let reset = false;
    for (const timeout of ENDPOINT_DIAL_TIMEOUTS_MS) {
      const endpoint = lb.next(key, packet.src, sp.affinityTimeoutSeconds, reset, now);
      if (!endpoint) break;
      const [ip, port] = endpoint.split(':');
      const pod = topo.podByIP.get(ip!);
      // A pod answers if it listens on the port; a node address (the API server) does.
      if (packet.protocol === 'UDP' || (pod ? listeners(pod).has(Number(port)) : topo.nodeByIP.has(ip!))) {
        // The proxy's own connection: from the node, on a fresh ephemeral port.
        const out: Packet = { protocol: packet.protocol, src: nodeIP, sport: portal.proxyPort, dst: ip!, dport: Number(port) };
        rules.push(`# kube-proxy ${portal.proxyPort}/${packet.protocol}: dial ${endpoint}: connected`);
        const podRef = endpointPodOf(this.cluster, packet, out);
        return recordVerdict(ct, packet, { packet: out, verdict: 'ACCEPT', masquerade: true, rules, tool: 'iptables', ...(failedDials.length ? { failedDials } : {}), ...(podRef ? { endpointPod: podRef } : {}) }, now);
      }
      const why = pod ? 'connection refused' : 'i/o timeout';
      failedDials.push({ endpoint, error: why, timeoutMs: timeout });
      rules.push(`# kube-proxy ${portal.proxyPort}/${packet.protocol}: dial ${endpoint} (timeout ${timeout}ms): ${why}, trying the next endpoint`);
      reset = true;
    }
    rules.push(`# kube-proxy ${portal.proxyPort}/${packet.protocol}: failed to connect to an endpoint, closing the client connection`);
    return { packet, verdict: 'REJECT', masquerade: false, rules, tool: 'iptables', ...(failedDials.length ? { failedDials } : {}) };
  }

  private balancerOf(node: string): RoundRobinBalancer {
    let b = this.balancers.get(node);
    if (!b) this.balancers.set(node, (b = new RoundRobinBalancer()));
    return b;
  }
}
