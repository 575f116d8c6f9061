/** Tab completion: commands, kubectl verbs, resource types and object names. */
import { own } from '../sim/model/own';
import type { Simulation } from '../sim/simulation';
import { kindOf } from './kubectl/resources';

const COMMANDS = ['kubectl', 'curl', 'wget', 'docker', 'sleep', 'echo', 'clear'];
const VERBS = ['apply', 'create', 'delete', 'describe', 'events', 'exec', 'expose', 'get', 'label', 'logs', 'patch', 'rollout', 'run', 'scale', 'set', 'version'];
const RESOURCES = ['pods', 'services', 'endpoints', 'endpointslices', 'deployments', 'replicasets', 'nodes', 'namespaces', 'events'];
/** Verbs whose next word is a subcommand, then (for rollout and set) a Deployment. */
const SUBCOMMANDS: Record<string, string[]> = { rollout: ['history', 'restart', 'status', 'undo'], set: ['image'], create: ['deployment', 'namespace', 'service'] };

/** Candidates for the last word of the line. */
export function completeLine(sim: Simulation, line: string): string[] {
  const words = line.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const prior = words.slice(0, -1);
  const pick = (options: string[]) => options.filter((o) => o.startsWith(last));
  if (prior.length === 0) return pick(COMMANDS);
  if (prior[0] !== 'kubectl') return [];
  if (prior.length === 1) return pick(VERBS);
  const verb = prior[1]!;
  const pods = () => sim.cluster.store.list('Pod', 'default').map((p) => p.metadata.name);
  if (verb === 'exec' || verb === 'logs') return prior.length === 2 ? pick(pods()) : [];
  const subs = own(SUBCOMMANDS, verb);
  if (subs && prior.length === 2) return pick(subs);
  if ((verb === 'rollout' || verb === 'set') && prior.length === 3) return pick(['deployment']);
  if ((verb === 'rollout' || verb === 'set') && prior.length === 4) return pick(sim.cluster.store.list('Deployment', 'default').map((d) => d.metadata.name));
  if (prior.length === 2) return pick(RESOURCES);
  const kind = kindOf(prior[2] ?? '');
  if (!kind) return [];
  return pick(sim.cluster.store.list(kind, kind === 'Node' || kind === 'Namespace' ? undefined : 'default').map((o) => o.metadata.name));
}
