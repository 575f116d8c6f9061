/**
 * kube-proxy in iptables mode as a data plane: each node's rules are rendered
 * from the current Services and EndpointSlices (once per cluster change) and
 * every packet is decided by walking them.
 */
import type { Cluster } from '../cluster';
import { buildServicePorts } from '../proxy/service-port';
import { renderIptables, type IptablesNodeContext } from '../proxy/iptables/render';
import type { Ruleset } from '../proxy/iptables/rules';
import { createRecentTable, walkIptables, type RecentTable } from './iptables-walk';
import type { DataPlane, Packet, ProxyVerdict } from './packet';
import { topologyOf } from './topology';

/** kind's docker network gateway and the ports its entrypoint rewires docker's DNS to. */
export const KIND_DOCKER_DNS = { gatewayIP: '172.18.0.1', tcpPort: 37365, udpPort: 50915 };

export class IptablesDataPlane implements DataPlane {
  private cacheVersion = -1;
  private readonly rulesets = new Map<string, Ruleset>();
  private readonly recent = new Map<string, RecentTable>();

  constructor(private readonly cluster: Cluster) {}

  nodeContext(nodeName: string): IptablesNodeContext {
    return { nodeName, nodeIP: topologyOf(this.cluster).nodeIP(nodeName), clusterCIDR: this.cluster.config.podSubnet.text, dockerDns: KIND_DOCKER_DNS };
  }

  /** The node's current ruleset, re-rendered when the cluster has changed. */
  ruleset(nodeName: string): Ruleset {
    if (this.cacheVersion !== this.cluster.version) {
      this.rulesets.clear();
      this.cacheVersion = this.cluster.version;
    }
    let rs = this.rulesets.get(nodeName);
    if (!rs) {
      rs = renderIptables(buildServicePorts(this.cluster.store), this.nodeContext(nodeName));
      this.rulesets.set(nodeName, rs);
    }
    return rs;
  }

  process(nodeName: string, packet: Packet, hook: 'PREROUTING' | 'OUTPUT'): ProxyVerdict {
    const nodeIP = topologyOf(this.cluster).nodeIP(nodeName);
    let recent = this.recent.get(nodeName);
    if (!recent) this.recent.set(nodeName, (recent = createRecentTable()));
    const rng = this.cluster.trafficRng;
    const result = walkIptables(packet, hook, {
      ruleset: this.ruleset(nodeName),
      localAddresses: [nodeIP],
      random: () => rng.next(),
      recent,
      now: this.cluster.clock.now(),
      masqueradeAddress: nodeIP,
    });
    const pod = topologyOf(this.cluster).podByIP.get(result.packet.dst);
    const rules: string[] = [];
    const snatRules: string[] = [];
    for (const s of result.trace) {
      const line = s.table === 'nat' ? s.line : `[${s.table}] ${s.line}`;
      // nat POSTROUTING steps are the source rewrite; the rest decided the destination.
      (s.table === 'nat' && (s.chain === 'POSTROUTING' || s.chain === 'KUBE-POSTROUTING' || s.chain.startsWith('KIND-MASQ')) ? snatRules : rules).push(line);
    }
    return {
      packet: result.packet,
      verdict: result.verdict,
      masquerade: result.markedForMasquerade,
      rules,
      ...(result.snat ? { snat: { to: result.snat, rules: snatRules } } : {}),
      tool: 'iptables',
      ...(pod && (result.packet.dst !== packet.dst || result.packet.dport !== packet.dport) ? { endpointPod: `${pod.metadata.namespace}/${pod.metadata.name}` } : {}),
    };
  }
}
