import { Session } from 'node:inspector/promises';
import { applyManifest } from './src/sim/apiserver/apply';
import { reconcileDeployments } from './src/sim/controllers/deployment';
import { reconcileEndpoints } from './src/sim/controllers/endpoints';
import { reconcileEndpointSlices } from './src/sim/controllers/endpointslice';
import { reconcileKubelets } from './src/sim/controllers/kubelet';
import { reconcileReplicaSets } from './src/sim/controllers/replicaset';
import { reconcileScheduling } from './src/sim/controllers/scheduler';
import { parseClusterConfig } from './src/sim/scenario/cluster-config';
import { parseManifests } from './src/sim/scenario/manifests';
import { Simulation } from './src/sim/simulation';
import { bigClusterConfig, bigClusterYaml } from './bench/big-cluster';
const target = process.argv[2] ?? 'endpoints';
const config = parseClusterConfig(bigClusterConfig(50));
const manifests = parseManifests(bigClusterYaml(1000, 5)).manifests;
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 50 });
const times: number[] = [];
const self = new Map<string, number>(); let total = 0;
for (let run = 0; run < 12; run++) {
  const sim = new Simulation(config, 1); const c = sim.cluster;
  for (const m of manifests) applyManifest(c, m.raw, { mode: 'apply', source: 'bench' });
  const steps: [string, (c: any) => boolean][] = [['deploy', reconcileDeployments], ['rs', reconcileReplicaSets], ['sched', reconcileScheduling], ['kubelet', reconcileKubelets], ['rs2', reconcileReplicaSets], ['deploy2', reconcileDeployments], ['endpoints', reconcileEndpoints], ['slices', reconcileEndpointSlices]];
  for (const [name, f] of steps) {
    if (name === target) { (globalThis as any).gc(); if (run >= 4) await s.post('Profiler.start'); const t = performance.now(); f(c); times.push(performance.now() - t); if (run >= 4) { const { profile } = await s.post('Profiler.stop') as any; merge(profile); } }
    else f(c);
  }
}
function merge(p: any) { const byId = new Map(p.nodes.map((n: any) => [n.id, n])); const dt = (p.endTime - p.startTime) / p.samples.length; for (const id of p.samples) { const n: any = byId.get(id); const lines = n.positionTicks; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber + 1}`; self.set(k, (self.get(k) ?? 0) + dt); total += dt; } }
console.log(target, 'ms per pass', times.slice(4).map((t) => t.toFixed(0)).join(' '));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 8000).toFixed(2).padStart(7), k);
