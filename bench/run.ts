/**
 * `npm run bench`: one figure a line as `name: value`.
 * settle-*: the core applies and settles a 5,000-pod, 1,000-service cluster
 * (manifests already parsed: the figure is the core's, not the YAML parser's).
 * trace-*: requests traced with full hop records per second.
 */
import { applyManifest } from '../src/sim/apiserver/apply';
import { settle } from '../src/sim/controllers/reconcile';
import { parseClusterConfig, defaultClusterConfig } from '../src/sim/scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../src/sim/scenario/default-scenario';
import { parseManifests } from '../src/sim/scenario/manifests';
import { Simulation } from '../src/sim/simulation';
import { performRequest } from '../src/sim/net/request';
import { Shell } from '../src/shell/shell';
import { bigClusterConfig, bigClusterYaml } from './big-cluster';
import { median, timeRuns } from './stats';

function settleBench(): void {
  const config = parseClusterConfig(bigClusterConfig(50));
  const manifests = parseManifests(bigClusterYaml(1000, 5)).manifests;
  let heap = 0;
  const times = timeRuns(5, () => {
    const sim = new Simulation(config, 1);
    for (const m of manifests) applyManifest(sim.cluster, m.raw, { mode: 'apply', source: 'bench' });
    settle(sim.cluster);
    if (sim.cluster.store.list('Pod').length < 5000) throw new Error('bench cluster did not settle');
    globalThis.gc?.();
    heap = process.memoryUsage().heapUsed;
  });
  console.log(`settle-5000-pods-1000-services-ms: ${median(times).toFixed(1)}`);
  console.log(`settle-heap-mib: ${(heap / 1024 / 1024).toFixed(1)}`);
}

function traceBench(label: string, yaml: string, config = defaultClusterConfig(), count = 2000): void {
  const sim = new Simulation(config, 1);
  sim.applyText(yaml, 'bench', 'apply');
  const shell = new Shell(sim, { readFile: () => undefined });
  const client = sim.cluster.store.get('Pod', 'default', 'client')!;
  const times = timeRuns(5, () => {
    for (let i = 0; i < count; i++) {
      const r = performRequest(sim, shell.dataPlane, { kind: 'pod', pod: client }, 'http://web/');
      if (!r.ok) throw new Error('bench request failed');
    }
  });
  console.log(`${label}: ${Math.round(count / (median(times) / 1000))}`);
}

settleBench();
traceBench('trace-requests-per-second', DEFAULT_SCENARIO_YAML);
