/**
 * `npm run bench`: one figure a line as `name: value`.
 * settle-*: the core applies and settles a 5,000-pod, 1,000-service cluster
 * (manifests already parsed: the figure is the core's, not the YAML parser's); the
 * heap figure is what the settled cluster holds (measured outside the timed part);
 * settle-object-floor-ms is the time to merely allocate the same objects (bench/object-floor.ts);
 * both after two untimed warm-up runs, timed in turns; settle-to-floor-ratio is the median of each turn's
 * settle over its floor (target <= 8).
 * trace-requests-per-second: requests traced with full hop records per second
 * (median of runs), default scenario, iptables mode: `curl http://web/` from the
 * client pod, DNS and conntrack included.
 * trace-requests-per-second-1000-services-MODE: the same from a client pod in the
 * 1,000-service cluster, each request to another Service, with the iptables walk
 * cache off, so the figure is the rule walk itself: iptables' linear KUBE-SERVICES
 * scan against nftables' service-ips verdict map.
 */
import { applyManifest } from '../src/sim/apiserver/apply';
import { settle } from '../src/sim/controllers/reconcile';
import { defaultClusterConfig, parseClusterConfig } from '../src/sim/scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML } from '../src/sim/scenario/default-scenario';
import { parseManifests } from '../src/sim/scenario/manifests';
import { Simulation } from '../src/sim/simulation';
import { createDataPlane } from '../src/sim/net/data-plane';
import { performRequest } from '../src/sim/net/request';
import { bigClusterConfig, bigClusterYaml, CLIENT_POD_YAML } from './big-cluster';
import { buildObjectFloor } from './object-floor';
import { median, timeRuns } from './stats';

function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function settleBench(): void {
  const config = parseClusterConfig(bigClusterConfig(50));
  const manifests = parseManifests(bigClusterYaml(1000, 5)).manifests;
  const build = () => {
    const sim = new Simulation(config, 1);
    for (const m of manifests) applyManifest(sim.cluster, m.raw, { mode: 'apply', source: 'bench' });
    settle(sim.cluster);
    return sim;
  };
  const settleOnce = () => {
    if (build().cluster.store.count('Pod') < 5000) throw new Error('bench cluster did not settle');
  };
  const floorOnce = () => {
    if (buildObjectFloor(1000, 5).size < 10_000) throw new Error('object floor is short');
  };
  // Settle and its floor take turns, so both meet the same machine (its speed drifts from minute
  // to minute); the ratio is the median of each pair's.
  timeRuns(0, settleOnce, 2);
  timeRuns(0, floorOnce, 2);
  const times: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 7; i++) {
    times.push(...timeRuns(1, settleOnce));
    floor.push(...timeRuns(1, floorOnce));
  }
  const held = heldBy(build);
  console.log(`settle-5000-pods-1000-services-ms: ${median(times).toFixed(1)}`);
  console.log(`settle-heap-mib: ${(held / 1024 / 1024).toFixed(1)}`);
  console.log(`settle-object-floor-ms: ${median(floor).toFixed(1)}`);
  // The target: settle within 8x the floor (the same objects merely allocated).
  console.log(`settle-to-floor-ratio: ${median(times.map((t, i) => t / floor[i]!)).toFixed(2)}`);
}

/** The heap an object graph holds: the heap with it less the heap before it (the parsed manifests stay outside). */
function heldBy(make: () => Simulation): number {
  const before = heapUsed();
  const sim = make();
  const held = heapUsed() - before;
  // Read after the measurement, so the cluster is still alive while it is measured.
  if (sim.cluster.store.count('Pod') === 0) throw new Error('bench cluster is empty');
  return held;
}

/** Requests per second over `runs` timed batches (the first batch warms the JIT and is dropped). */
function traceBench(label: string, sim: Simulation, urls: string[], count: number, walkCache = true, runs = 7): void {
  const plane = createDataPlane(sim.cluster, { walkCache });
  const client = { kind: 'pod' as const, pod: sim.cluster.store.get('Pod', 'default', 'client')! };
  let n = 0;
  const times = timeRuns(runs, () => {
    for (let i = 0; i < count; i++) {
      const r = performRequest(sim, plane, client, urls[n++ % urls.length]!);
      if (!r.ok || r.hops.length < 5) throw new Error(`bench request failed: ${r.error?.message}`);
    }
  }).slice(1);
  console.log(`${label}: ${Math.round(count / (median(times) / 1000))}`);
}

function defaultScenario(): Simulation {
  const sim = new Simulation(defaultClusterConfig(), 1);
  sim.applyText(DEFAULT_SCENARIO_YAML, 'bench', 'apply');
  return sim;
}

function bigCluster(mode: string): Simulation {
  const sim = new Simulation(parseClusterConfig(bigClusterConfig(50, mode)), 1);
  for (const m of parseManifests(bigClusterYaml(1000, 5) + '---\n' + CLIENT_POD_YAML).manifests) applyManifest(sim.cluster, m.raw, { mode: 'apply', source: 'bench' });
  sim.settle();
  return sim;
}

settleBench();
traceBench('trace-requests-per-second', defaultScenario(), ['http://web/'], 20_000);
const services = Array.from({ length: 1000 }, (_, i) => `http://app-${(i * 389) % 1000}/`);
for (const mode of ['iptables', 'nftables']) traceBench(`trace-requests-per-second-1000-services-${mode}`, bigCluster(mode), services, 2000, false, 5);
