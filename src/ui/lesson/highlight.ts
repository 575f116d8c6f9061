/**
 * A lesson step's `highlight` entries ("svc/web", "pods/app=web", "pod/client",
 * "node/kind-worker", "kube-proxy/kind-worker", "coredns", "workstation",
 * "lb/web") as the canvas's element ids, for the cluster as it is now.
 */
import type { ClusterSnapshot } from '../../sim/view/snapshot';

const ref = (text: string): string => (text.includes('/') ? text : `default/${text}`);

function labelsOf(text: string): [string, string][] {
  return text.split(',').map((pair) => {
    const [k = '', v = ''] = pair.split('=');
    return [k.trim(), v.trim()];
  });
}

export function highlightIds(specs: readonly string[] | undefined, snapshot: ClusterSnapshot | null): Set<string> {
  const ids = new Set<string>();
  if (!specs || !snapshot) return ids;
  for (const spec of specs) {
    const slash = spec.indexOf('/');
    const kind = slash < 0 ? spec : spec.slice(0, slash);
    const arg = slash < 0 ? '' : spec.slice(slash + 1);
    switch (kind) {
      case 'svc':
      case 'service':
        ids.add(`svc:${ref(arg)}`);
        break;
      case 'lb':
        ids.add(`lb:${ref(arg)}`);
        break;
      case 'pod':
        ids.add(`pod:${ref(arg)}`);
        break;
      case 'pods': {
        const [ns, selector] = arg.includes('/') ? (arg.split('/') as [string, string]) : [undefined, arg];
        const wanted = labelsOf(selector);
        for (const p of snapshot.pods) {
          if ((ns === undefined || p.namespace === ns) && wanted.every(([k, v]) => p.labels[k] === v)) ids.add(`pod:${p.namespace}/${p.name}`);
        }
        break;
      }
      case 'node':
        ids.add(`node:${arg}`);
        break;
      case 'kube-proxy':
        for (const n of snapshot.nodes) if (!arg || n.name === arg) ids.add(`kube-proxy:${n.name}`);
        break;
      case 'coredns':
        ids.add('coredns');
        for (const p of snapshot.pods) if (p.isCoreDns) ids.add(`pod:${p.namespace}/${p.name}`);
        break;
      case 'workstation':
        ids.add('workstation');
        break;
      default:
        ids.add(spec);
    }
  }
  return ids;
}
