/** How a node's conntrack table keys its flows, and how many it holds. */
import type { Packet } from './packet';

/**
 * nf_conntrack_max: kind leaves it alone (maxPerCore: 0 in its kube-proxy config), so the
 * host's default applies. Departure: when full, the kernel drops new packets ("table full,
 * dropping packet") unless it can early-drop an unassured entry; we evict the oldest entry
 * so long load experiments keep running.
 */
export const CT_MAX = 262_144;

// Table keys: a 53-bit number (10-bit address ids, both ports, the protocol) while the
// addresses seen fit in 1024 ids, else a string. Numbers hash without building a string.
const IP_IDS = new Map<string, number>();
const MAX_IP_IDS = 1024;

function ipId(ip: string): number {
  let id = IP_IDS.get(ip);
  if (id === undefined) {
    if (IP_IDS.size >= MAX_IP_IDS) return -1;
    IP_IDS.set(ip, (id = IP_IDS.size));
  }
  return id;
}

export function tupleKey(p: Packet): string | number {
  const s = ipId(p.src);
  const d = ipId(p.dst);
  if (s < 0 || d < 0) return p.protocol + p.src + ':' + p.sport + '>' + p.dst + ':' + p.dport;
  return (((s * 65536 + p.sport) * 1024 + d) * 65536 + p.dport) * 2 + (p.protocol === 'TCP' ? 1 : 0);
}
