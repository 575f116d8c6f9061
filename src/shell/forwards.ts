/**
 * The workstation's side of kubectl port-forward jobs (jobs.ts): which lines bash may run in the
 * background here, the jobs whose pod went away, and curl/wget connections a forward takes.
 */
import type { Pod } from '../sim/model/types';
import type { Client } from '../sim/net/request';
import { listeners } from '../sim/net/servers';
import type { Simulation } from '../sim/simulation';
import type { ForwardedPort, Job, Jobs } from './jobs';
import type { CommandResult, OutputChunk } from './types';

/**
 * A line ending in a lone "&": its command, when it is a kubectl port-forward (the one command
 * that keeps running here), else bash's refusal in the simulator's words. Undefined: no "&".
 */
export function backgroundLine(line: string): { command: string } | { error: string } | undefined {
  const t = line.trimEnd();
  if (!t.endsWith('&') || t.endsWith('&&') || /[\\<>|]&$/.test(t)) return undefined;
  const command = t.slice(0, -1).trimEnd();
  if (/^(?:kubectl|k)\s(?:[^;&|#]*\s)?port-forward(?:\s[^;&|#]*)?$/.test(command.trimStart())) return { command: command.trimStart() };
  return { error: 'bash: background jobs (&) are not supported here, except kubectl port-forward ... &\n' };
}

/** The job's pod, while it is the same pod (a StatefulSet's replacement has a new uid). */
function livePod(sim: Simulation, job: Job): Pod | undefined {
  const pod = sim.cluster.store.get('Pod', job.forward.namespace, job.forward.pod);
  return pod && pod.metadata.uid === job.forward.uid ? pod : undefined;
}

/**
 * Jobs whose pod is gone have ended: the kubelet's stream closed, so kubectl's ForwardPorts returned
 * ErrLostConnectionToPod ("error: lost connection to pod", exit 1); bash reports the job before the prompt.
 */
export function reapJobs(sim: Simulation, jobs: Jobs): OutputChunk[] {
  const chunks: OutputChunk[] = [];
  for (const job of [...jobs.list]) {
    if (livePod(sim, job)) continue;
    chunks.push({ stream: 'err', text: 'error: lost connection to pod\n' }, { stream: 'out', text: jobs.end(job, 'Exit 1') });
  }
  return chunks;
}

/**
 * Runs a workstation curl or wget whose connections to a forwarded local port go to the pod.
 * kubectl prints "Handling connection for N" as it takes one; when nothing in the pod listens on
 * the remote port, kubectl reports the forwarding error and ends (lost connection), and the client
 * sees its connection closed without a reply.
 */
export function withForwards(sim: Simulation, jobs: Jobs, run: (client: Client) => CommandResult): CommandResult {
  let used: { job: Job; port: ForwardedPort; pod: Pod } | undefined;
  const client: Client = {
    kind: 'workstation',
    forwarded: (host, port) => {
      const hit = jobs.listener(host, port);
      const pod = hit && livePod(sim, hit.job);
      if (!hit || !pod) return undefined;
      used = { ...hit, pod };
      return { pod, port: hit.port.remote };
    },
  };
  const result = run(client);
  if (!used) return result;
  const { job, port, pod } = used;
  const chunks: OutputChunk[] = [{ stream: 'out', text: `Handling connection for ${port.local}\n` }, ...result.chunks];
  if (!listeners(pod).has(port.remote)) {
    chunks.push(
      { stream: 'err', text: `port-forward: an error occurred forwarding ${port.local} -> ${port.remote}: nothing in pod ${pod.metadata.name} listens on port ${port.remote} (kubectl logs it as an "Unhandled Error" line; the simulator words it here)\n` },
      { stream: 'err', text: 'error: lost connection to pod\n' },
      { stream: 'out', text: jobs.end(job, 'Exit 1') },
    );
  }
  return { chunks, exitCode: result.exitCode };
}
