/**
 * kube-proxy in nftables mode (GA in v1.33) as a data plane: each node's `ip kube-proxy`
 * table is rendered from the current Services and EndpointSlices once per cluster
 * change, indexed (chains, sets, map elements by key), and every new connection is
 * decided by walking it; packets of tracked flows keep their conntrack binding.
 * Affinity sets are dynamic kernel state, so they live here across re-renders.
 */
import type { Cluster } from '../cluster';
import { indexTable, type NftIndex, type NftTable } from '../proxy/nftables/model';
import { printNftTable } from '../proxy/nftables/print';
import { renderNftables, type NftNodeContext } from '../proxy/nftables/render';
import { buildServicePorts } from '../proxy/service-port';
import { walkNftables, type NftDynamicSets } from './nft-walk';
import type { DataPlane, Packet, ProxyVerdict } from './packet';
import { ConntrackTables, endpointPodOf, masqueradeSourceFor, NodeCache, nodeIPOf, recordVerdict, trackedVerdict } from './plane-common';

export class NftablesDataPlane implements DataPlane {
  readonly conntrack = new ConntrackTables();
  private readonly dynamic = new Map<string, NftDynamicSets>();
  private readonly tables: NodeCache<NftIndex>;

  constructor(private readonly cluster: Cluster) {
    this.tables = new NodeCache(cluster, (node) => indexTable(renderNftables(buildServicePorts(cluster.store), this.nodeContext(node))));
  }

  nodeContext(nodeName: string): NftNodeContext {
    const c = this.cluster.config;
    return { nodeName, nodeIP: nodeIPOf(this.cluster, nodeName), clusterCIDR: c.podSubnet.text, serviceCIDRs: [c.serviceSubnet.text] };
  }

  /** The node's table, with the live contents of its affinity sets filled in. */
  table(nodeName: string): NftTable {
    const { table } = this.tables.get(nodeName);
    const dyn = this.dynamicOf(nodeName);
    return {
      ...table,
      sets: table.sets.map((s) => {
        const live = dyn.get(s.name);
        return live ? { ...s, elements: [...live].map(([ip, expiresAt]) => ({ key: [ip], expiresAt })) } : s;
      }),
    };
  }

  /** `nft list ruleset` as the node prints it (kube-proxy's table only). */
  listRuleset(nodeName: string): string {
    return printNftTable(this.table(nodeName), this.cluster.clock.now());
  }

  process(nodeName: string, packet: Packet, hook: 'PREROUTING' | 'OUTPUT'): ProxyVerdict {
    const now = this.cluster.clock.now();
    const ct = this.conntrack.of(nodeName);
    const tracked = trackedVerdict(ct, packet, now, 'nftables');
    if (tracked) return tracked;
    const nodeIP = nodeIPOf(this.cluster, nodeName);
    const rng = this.cluster.trafficRng;
    const r = walkNftables(packet, hook, {
      index: this.tables.get(nodeName),
      localAddresses: [nodeIP],
      random: () => rng.next(),
      dynamic: this.dynamicOf(nodeName),
      now,
      masqueradeAddress: nodeIP,
      masqueradeFor: masqueradeSourceFor(this.cluster, nodeName),
    });
    const pod = endpointPodOf(this.cluster, packet, r.packet);
    // The postrouting chains' steps are the source rewrite; the rest decided the destination.
    const isPost = (chain: string) => chain === 'nat-postrouting' || chain === 'masquerading';
    const verdict: ProxyVerdict = {
      packet: r.packet,
      verdict: r.verdict,
      masquerade: r.markedForMasquerade,
      rules: r.trace.filter((s) => !isPost(s.chain)).map((s) => s.line),
      ...(r.snat ? { snat: { to: r.snat, rules: r.trace.filter((s) => isPost(s.chain)).map((s) => s.line) } } : {}),
      tool: 'nftables',
      ...(pod ? { endpointPod: pod } : {}),
    };
    return recordVerdict(ct, packet, verdict, now);
  }

  private dynamicOf(nodeName: string): NftDynamicSets {
    let d = this.dynamic.get(nodeName);
    if (!d) this.dynamic.set(nodeName, (d = new Map()));
    return d;
  }
}
