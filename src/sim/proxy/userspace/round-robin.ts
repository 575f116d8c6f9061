/**
 * The userspace proxy's load balancer, as k/k pkg/proxy/userspace/roundrobin.go
 * (release-1.25) LoadBalancerRR: per service port, the endpoint list shuffled whenever
 * it changes, an index that walks it round robin, and a ClientIP affinity map
 * (client IP -> endpoint, last used) consulted first unless the caller asks for a reset
 * (which TryConnectEndpoints does after a failed dial).
 * The shuffle draws from the seeded traffic generator instead of math/rand.
 */
import type { Rng } from '../../rng';

interface BalancerState {
  signature: string;
  endpoints: string[];
  index: number;
  affinity: Map<string, { endpoint: string; lastUsed: number }>;
}

export class RoundRobinBalancer {
  private readonly services = new Map<string, BalancerState>();

  /** OnEndpointsUpdate: a changed endpoint set is reshuffled and the index reset; stale affinities go. */
  update(service: string, endpoints: string[], rng: Rng): void {
    const signature = [...endpoints].sort().join(',');
    const old = this.services.get(service);
    if (old && old.signature === signature) return;
    const shuffled = [...endpoints];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const affinity = old?.affinity ?? new Map();
    for (const [ip, a] of affinity) if (!endpoints.includes(a.endpoint)) affinity.delete(ip);
    this.services.set(service, { signature, endpoints: shuffled, index: 0, affinity });
  }

  /** NextEndpoint: the affinity endpoint if fresh (and no reset), else the next in turn. */
  next(service: string, clientIP: string, affinityTtl: number | undefined, reset: boolean, now: number): string | undefined {
    const st = this.services.get(service);
    if (!st || st.endpoints.length === 0) return undefined;
    if (affinityTtl !== undefined && !reset) {
      const a = st.affinity.get(clientIP);
      if (a && now - a.lastUsed < affinityTtl) {
        a.lastUsed = now;
        return a.endpoint;
      }
    }
    const endpoint = st.endpoints[st.index]!;
    st.index = (st.index + 1) % st.endpoints.length;
    if (affinityTtl !== undefined) st.affinity.set(clientIP, { endpoint, lastUsed: now });
    return endpoint;
  }
}
