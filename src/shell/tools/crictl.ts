/**
 * `crictl ps [-a]` and `crictl pods` on a kind node (cri-tools cmd/crictl/container.go
 * OutputContainers, sandbox.go, display.go: Go's tabwriter with minwidth 20, padding 3;
 * IDs cut to 13 characters (getTruncatedID); IMAGE is the image ID without "sha256:", cut
 * the same way; CREATED is docker/go-units HumanDuration + " ago"; newest first).
 * Departures: IDs and image IDs are deterministic stand-ins (hashes of the pod and image).
 */
import type { Pod } from '../../sim/model/types';
import { sha256, toHex, utf8Bytes } from '../../sim/proxy/hash';
import type { Simulation } from '../../sim/simulation';
import { containerID, containerStatusesAt, normalizedImage } from '../print/pod-runtime';
import { tabwrite } from '../print/tabwriter';
import { err, out, type CommandResult } from '../types';

const hex = (text: string) => toHex(sha256(utf8Bytes(text)));

/** docker/go-units HumanDuration. */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return 'About an hour';
  if (h < 48) return `${h} hours`;
  if (h < 24 * 14) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 60) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 730) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(s / 3600 / 24 / 365)} years`;
}

export const sandboxID = (pod: Pod) => hex(`sandbox/${pod.metadata.uid}`);

export function podsOn(sim: Simulation, node: string): Pod[] {
  return sim.cluster.store.list('Pod').filter((p) => p.spec.nodeName === node && p.status.podIP !== undefined);
}

export const started = (pod: Pod) => pod.status.startTime ?? pod.metadata.creationTimestamp;

export function crictl(sim: Simulation, node: string, args: string[]): CommandResult {
  const now = sim.cluster.clock.now();
  const ago = (t: number) => `${humanDuration(now - t)} ago`;
  const [verb, ...rest] = args;
  const all = rest.includes('-a') || rest.includes('--all');
  const quiet = rest.includes('-q') || rest.includes('--quiet');
  const pods = podsOn(sim, node).sort((a, b) => started(b) - started(a));
  if (verb === 'pods') {
    if (quiet) return out(pods.map((p) => `${sandboxID(p)}\n`).join(''));
    const rows = ['POD ID\tCREATED\tSTATE\tNAME\tNAMESPACE\tATTEMPT\tRUNTIME'];
    for (const p of pods) rows.push([sandboxID(p).slice(0, 13), ago(started(p)), 'Ready', p.metadata.name, p.metadata.namespace, '0', '(default)'].join('\t'));
    return out(tabwrite(`${rows.join('\n')}\n`, { minWidth: 20, padding: 3 }));
  }
  if (verb === 'ps') {
    const rows = ['CONTAINER\tIMAGE\tCREATED\tSTATE\tNAME\tATTEMPT\tPOD ID\tPOD\tNAMESPACE'];
    const ids: string[] = [];
    for (const p of pods) {
      for (const st of containerStatusesAt(p, now)) {
        if (!st.created) continue;
        const running = 'running' in st.state;
        if (!running && !all) continue;
        const id = containerID(p, st.container, st.restartCount).replace('containerd://', '');
        ids.push(id);
        rows.push([id.slice(0, 13), hex(`image/${normalizedImage(st.container.image)}`).slice(0, 13), ago(started(p)), running ? 'Running' : 'Exited', st.container.name, String(st.restartCount), sandboxID(p).slice(0, 13), p.metadata.name, p.metadata.namespace].join('\t'));
      }
    }
    if (quiet) return out(ids.map((i) => `${i}\n`).join(''));
    return out(tabwrite(`${rows.join('\n')}\n`, { minWidth: 20, padding: 3 }));
  }
  return err(`crictl: this simulator answers crictl ps [-a], crictl pods\n`, 1);
}
