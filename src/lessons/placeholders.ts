/**
 * Placeholders in a lesson's chips and solutions, filled from the cluster at
 * the moment they are used, so a lesson never hard-codes a random pod name or
 * an allocated address:
 *
 *   {{pod app=web}}        the name of the first ready pod with those labels (store order)
 *   {{podIP app=web}}      its IP
 *   {{pod app=web #2}}     the second one (1-based)
 *   {{clusterIP web}}      a Service's ClusterIP (NS/NAME for another namespace)
 *   {{nodePort web}}       its first port's nodePort ({{nodePort web 1}}: port index)
 *   {{lbIP web}}           its load balancer address
 *   {{nodeIP kind-worker}} a node's InternalIP
 */
import type { Pod } from '../sim/model/types';
import type { Simulation } from '../sim/simulation';

const PLACEHOLDER = /\{\{\s*(pod|podIP|clusterIP|nodePort|lbIP|nodeIP)\s+([^}]*?)\s*\}\}/g;
export const PLACEHOLDER_KINDS = ['pod', 'podIP', 'clusterIP', 'nodePort', 'lbIP', 'nodeIP'] as const;

/** Placeholder texts that cannot be read (for the lesson check). */
export function badPlaceholders(text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(/\{\{([^}]*)\}\}/g)) {
    const inner = m[1]!.trim();
    const [kind, ...rest] = inner.split(/\s+/);
    if (!(PLACEHOLDER_KINDS as readonly string[]).includes(kind!) || rest.length === 0) bad.push(m[0]);
  }
  return bad;
}

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const pair of text.split(',')) {
    const [k, v] = pair.split('=');
    if (k) out[k.trim()] = (v ?? '').trim();
  }
  return out;
}

function readyPods(sim: Simulation, spec: string): Pod[] {
  const [selector = '', nth] = spec.split(/\s+#/);
  const [ns, labelText] = selector.includes('/') ? (selector.split('/') as [string, string]) : ['default', selector];
  const labels = parseLabels(labelText);
  const pods = sim.cluster.store
    .list('Pod', ns)
    .filter((p) => p.status.ready && !p.metadata.deletionTimestamp && Object.keys(labels).every((k) => p.metadata.labels?.[k] === labels[k]));
  const i = nth ? Number(nth) - 1 : 0;
  return pods.slice(i, i + 1);
}

function service(sim: Simulation, ref: string) {
  const [ns, name] = ref.includes('/') ? (ref.split('/') as [string, string]) : ['default', ref];
  return sim.cluster.store.get('Service', ns, name);
}

/** Fills every placeholder; one that finds nothing stays as written (the command then fails visibly). */
export function fillPlaceholders(text: string, sim: Simulation): string {
  if (!text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, kind: string, arg: string) => {
    switch (kind) {
      case 'pod':
        return readyPods(sim, arg)[0]?.metadata.name ?? whole;
      case 'podIP':
        return readyPods(sim, arg)[0]?.status.podIP ?? whole;
      case 'clusterIP':
        return service(sim, arg)?.spec.clusterIP ?? whole;
      case 'nodePort': {
        const [ref, index] = arg.split(/\s+/);
        return String(service(sim, ref!)?.spec.ports[Number(index ?? 0)]?.nodePort ?? whole);
      }
      case 'lbIP':
        return service(sim, arg)?.status.loadBalancer.ingress?.[0]?.ip ?? whole;
      default: {
        const node = sim.cluster.store.get('Node', undefined, arg);
        return node?.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? whole;
      }
    }
  });
}
