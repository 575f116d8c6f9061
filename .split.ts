import { applyManifest } from './src/sim/apiserver/apply';
import { settle } from './src/sim/controllers/reconcile';
import { parseClusterConfig } from './src/sim/scenario/cluster-config';
import { parseManifests } from './src/sim/scenario/manifests';
import { Simulation } from './src/sim/simulation';
import { bigClusterConfig, bigClusterYaml } from './bench/big-cluster';
const config = parseClusterConfig(bigClusterConfig(50));
const manifests = parseManifests(bigClusterYaml(1000, 5)).manifests;
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  const sim = new Simulation(config, 1);
  const t1 = performance.now();
  for (const m of manifests) applyManifest(sim.cluster, m.raw, { mode: 'apply', source: 'bench' });
  const t2 = performance.now();
  settle(sim.cluster);
  const t3 = performance.now();
  globalThis.gc?.();
  const t4 = performance.now();
  console.log(`boot ${(t1-t0).toFixed(0)} apply ${(t2-t1).toFixed(0)} settle ${(t3-t2).toFixed(0)} gc ${(t4-t3).toFixed(0)}`);
}
