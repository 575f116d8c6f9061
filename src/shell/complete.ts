/** Tab completion: commands, kubectl verbs, resource types and object names. */
import type { Simulation } from '../sim/simulation';
import { kindOf } from './kubectl/resources';

const COMMANDS = ['kubectl', 'curl', 'wget', 'docker', 'sleep', 'echo', 'clear'];
const VERBS = ['apply', 'create', 'delete', 'describe', 'exec', 'expose', 'get', 'label', 'run', 'scale', 'version'];
const RESOURCES = ['pods', 'services', 'endpoints', 'endpointslices', 'deployments', 'replicasets', 'nodes', 'namespaces'];

/** Candidates for the last word of the line. */
export function completeLine(sim: Simulation, line: string): string[] {
  const words = line.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const prior = words.slice(0, -1);
  const pick = (options: string[]) => options.filter((o) => o.startsWith(last));
  if (prior.length === 0) return pick(COMMANDS);
  if (prior[0] !== 'kubectl') return [];
  if (prior.length === 1) return pick(VERBS);
  const verb = prior[1];
  if (verb === 'exec') return pick(sim.cluster.store.list('Pod', 'default').map((p) => p.metadata.name));
  if (prior.length === 2) return pick(RESOURCES);
  const kind = kindOf(prior[2] ?? '');
  if (!kind) return [];
  return pick(sim.cluster.store.list(kind, kind === 'Node' || kind === 'Namespace' ? undefined : 'default').map((o) => o.metadata.name));
}
