/**
 * Chain names exactly as kube-proxy derives them.
 * iptables: k/k pkg/proxy/iptables/proxier.go (portProtoHash, servicePortPolicyClusterChain,
 * servicePortPolicyLocalChainName, serviceExternalChainName, serviceFirewallChainName,
 * servicePortEndpointChainName).
 * nftables: k/k pkg/proxy/nftables/proxier.go (hashAndTruncate, servicePortChainNameBase,
 * servicePortEndpointChainNameBase).
 */
import { sha256Base32 } from './hash';
import { endpointString, servicePortName, type ProxyEndpoint, type ProxyServicePort } from './service-port';

type SpKey = Pick<ProxyServicePort, 'namespace' | 'name' | 'portName' | 'protocol'>;

const lowerProto = (sp: Pick<ProxyServicePort, 'protocol'>): string => sp.protocol.toLowerCase();

/** First 16 base32 characters of sha256(servicePortName + protocol): portProtoHash. */
export function portProtoHash(svcPortName: string, protocol: string): string {
  return sha256Base32(svcPortName + protocol).slice(0, 16);
}

export interface ServicePortChains {
  /** KUBE-SVC-: endpoints for Cluster traffic policy. */
  cluster: string;
  /** KUBE-SVL-: endpoints for Local traffic policy. */
  local: string;
  /** KUBE-EXT-: entry point for NodePort / external IP / LB traffic. */
  external: string;
  /** KUBE-FW-: loadBalancerSourceRanges filtering. */
  firewall: string;
}

/** The four per-service-port iptables chains, as newServiceInfo computes them. */
export function servicePortChains(sp: SpKey): ServicePortChains {
  const hash = portProtoHash(servicePortName(sp), lowerProto(sp));
  return {
    cluster: `KUBE-SVC-${hash}`,
    local: `KUBE-SVL-${hash}`,
    external: `KUBE-EXT-${hash}`,
    firewall: `KUBE-FW-${hash}`,
  };
}

/** KUBE-SEP- chain: sha256(servicePortName + protocol + "ip:port"), 16 base32 chars. */
export function servicePortEndpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${sha256Base32(svcPortName + protocol + endpoint).slice(0, 16)}`;
}

export function endpointChainFor(sp: SpKey, ep: Pick<ProxyEndpoint, 'ip' | 'port'>): string {
  return servicePortEndpointChainName(servicePortName(sp), lowerProto(sp), endpointString(ep));
}

/** knftables.NameLengthMax (256) minus the longest chain prefix (16). */
const NFT_CHAIN_NAME_BASE_MAX = 240;

/** nftables: 8 base32 characters of the name's hash, a dash, then the (truncated) name. */
export function nftHashAndTruncate(name: string): string {
  const full = `${sha256Base32(name).slice(0, 8)}-${name}`;
  return full.length > NFT_CHAIN_NAME_BASE_MAX ? `${full.slice(0, NFT_CHAIN_NAME_BASE_MAX - 3)}...` : full;
}

/** "HASH-ns/svc/proto/portName", the base of service-/local-/external-/firewall- chains. */
export function nftServicePortChainBase(sp: SpKey): string {
  return nftHashAndTruncate(`${sp.namespace}/${sp.name}/${lowerProto(sp)}/${sp.portName}`);
}

/** "HASH-ns/svc/proto/portName__ip/port", the base of endpoint- chains and affinity- sets. */
export function nftEndpointChainBase(sp: SpKey, ep: Pick<ProxyEndpoint, 'ip' | 'port'>): string {
  const ip = ep.ip.includes(':') ? ep.ip.replaceAll(':', '.') : ep.ip;
  return nftHashAndTruncate(`${sp.namespace}/${sp.name}/${lowerProto(sp)}/${sp.portName}__${ip}/${ep.port}`);
}
