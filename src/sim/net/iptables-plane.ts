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
import { WalkCache, type Recorded } from './walk-cache';
import { topologyOf } from './topology';
import { masqueradeSourceFor } from './plane-common';

/** kind's docker network gateway and the ports its entrypoint rewires docker's DNS to. */
export const KIND_DOCKER_DNS = { gatewayIP: '172.18.0.1', tcpPort: 37365, udpPort: 50915 };

export class IptablesDataPlane implements DataPlane {
  private cacheVersion = -1;
  private readonly rulesets = new Map<string, Ruleset>();
  private readonly recent = new Map<string, RecentTable>();
  private readonly walks = new WeakMap<Ruleset, WalkCache<WalkOutcome>>();
  /** Off to measure the rule walk itself (bench: iptables' linear walk against nftables' maps). */
  useWalkCache = true;

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
    const ruleset = this.ruleset(nodeName);
    const key = [hook, packet.protocol, packet.src, packet.dst, packet.dport];
    const out = this.useWalkCache ? this.cacheOf(ruleset).walk(key, this.random, (random) => this.fullWalk(nodeName, ruleset, packet, hook, random)) : this.fullWalk(nodeName, ruleset, packet, hook, this.random).result;
    // MASQUERADE --random-fully (NF_NAT_RANGE_PROTO_RANDOM_FULLY) draws the new source
    // port per connection from 1024-65535; drawn here, after the (cached) walk.
    const sport = out.randomFully ? randomFullyPort(this.cluster.trafficRng) : (out.sport ?? packet.sport);
    const p: Packet = { protocol: packet.protocol, src: out.src ?? packet.src, sport, dst: out.dst ?? packet.dst, dport: out.dport ?? packet.dport };
    return withPacket(out.verdict, p);
  }

  private readonly random = (): number => this.cluster.trafficRng.next();

  private cacheOf(ruleset: Ruleset): WalkCache<WalkOutcome> {
    let c = this.walks.get(ruleset);
    if (!c) this.walks.set(ruleset, (c = new WalkCache()));
    return c;
  }

  /** One walk through the node's rules, as a packet-independent outcome the cache can keep. */
  private fullWalk(nodeName: string, ruleset: Ruleset, packet: Packet, hook: 'PREROUTING' | 'OUTPUT', random: () => number): Recorded<WalkOutcome> {
    const nodeIP = topologyOf(this.cluster).nodeIP(nodeName);
    let recent = this.recent.get(nodeName);
    if (!recent) this.recent.set(nodeName, (recent = createRecentTable()));
    const record = { draws: [], uncacheable: false };
    const result = walkIptables(packet, hook, { ruleset, localAddresses: [nodeIP], random, recent, now: this.cluster.clock.now(), masqueradeAddress: nodeIP, masqueradeFor: masqueradeSourceFor(this.cluster, nodeName), record });
    const pod = topologyOf(this.cluster).podByIP.get(result.packet.dst);
    const rules: string[] = [];
    const snatRules: string[] = [];
    for (const s of result.trace) {
      const line = s.table === 'nat' ? s.line : `[${s.table}] ${s.line}`;
      // nat POSTROUTING steps are the source rewrite; the rest decided the destination.
      (s.table === 'nat' && (s.chain === 'POSTROUTING' || s.chain === 'KUBE-POSTROUTING' || s.chain.startsWith('KIND-MASQ')) ? snatRules : rules).push(line);
    }
    const q = result.packet;
    const verdict: Omit<ProxyVerdict, 'packet'> = {
      verdict: result.verdict,
      masquerade: result.markedForMasquerade,
      rules,
      ...(result.snat ? { snat: { to: result.snat, rules: snatRules } } : {}),
      tool: 'iptables',
      ...(pod && (q.dst !== packet.dst || q.dport !== packet.dport) ? { endpointPod: `${pod.metadata.namespace}/${pod.metadata.name}` } : {}),
    };
    const randomFully = !!result.snat && result.trace.some((t) => t.rule.target?.kind === 'MASQUERADE' && t.rule.target.randomFully === true);
    const outcome: WalkOutcome = {
      verdict,
      randomFully,
      ...(q.src !== packet.src ? { src: q.src } : {}),
      ...(q.sport !== packet.sport ? { sport: q.sport } : {}),
      ...(q.dst !== packet.dst ? { dst: q.dst } : {}),
      ...(q.dport !== packet.dport ? { dport: q.dport } : {}),
    };
    return { result: outcome, draws: record.draws, cacheable: !record.uncacheable };
  }
}

/** A stored verdict for this packet (field by field: a spread copies slower, per packet). */
function withPacket(v: Omit<ProxyVerdict, 'packet'>, packet: Packet): ProxyVerdict {
  const out: ProxyVerdict = { packet, verdict: v.verdict, masquerade: v.masquerade, rules: v.rules, tool: v.tool };
  if (v.snat) out.snat = v.snat;
  if (v.endpointPod) out.endpointPod = v.endpointPod;
  return out;
}

/** The source port a --random-fully masquerade picks (nf_nat_l4proto_unique_tuple: 1024-65535). */
export function randomFullyPort(rng: { int(n: number): number }): number {
  return 1024 + rng.int(65536 - 1024);
}

/** What a walk did, apart from the packet: the verdict and the fields it rewrote. */
interface WalkOutcome {
  verdict: Omit<ProxyVerdict, 'packet'>;
  randomFully: boolean;
  src?: string;
  sport?: number;
  dst?: string;
  dport?: number;
}
