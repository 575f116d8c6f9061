/**
 * kubectl rollout status statefulset/NAME: the StatefulSetStatusViewer of
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go, waiting (on the simulation's
 * clock) until the set reports its pods ready and updated.
 */
import type { StatefulSet } from '../../sim/model/types';
import type { Simulation } from '../../sim/simulation';
import { err, out, type CommandResult } from '../types';

const WAIT_LIMIT = 600;

function statusLine(sts: StatefulSet): { done: boolean; text: string } | { error: string } {
  const strategy = sts.spec.updateStrategy;
  if (strategy.type !== 'RollingUpdate') return { error: 'error: rollout status is only available for RollingUpdate strategy type\n' };
  const s = sts.status;
  if (!s.observedGeneration || (sts.metadata.generation ?? 1) > s.observedGeneration) return { done: false, text: 'Waiting for statefulset spec update to be observed...\n' };
  if (s.readyReplicas < sts.spec.replicas) return { done: false, text: `Waiting for ${sts.spec.replicas - s.readyReplicas} pods to be ready...\n` };
  const partition = strategy.rollingUpdate.partition;
  if (s.updatedReplicas < sts.spec.replicas - partition) {
    return { done: false, text: `Waiting for partitioned roll out to finish: ${s.updatedReplicas} out of ${sts.spec.replicas - partition} new pods have been updated...\n` };
  }
  return { done: true, text: `partitioned roll out complete: ${s.updatedReplicas} new pods have been updated...\n` };
}

export function statefulSetRolloutStatus(sim: Simulation, sts: StatefulSet, timeout: number): CommandResult {
  let text = '';
  let last = '';
  for (let waited = 0; ; waited++) {
    const s = statusLine(sts);
    if ('error' in s) return err(s.error);
    if (s.text !== last) text += s.text;
    last = s.text;
    if (s.done) return out(text);
    if ((timeout > 0 && waited >= timeout) || waited >= WAIT_LIMIT) {
      return { chunks: [{ stream: 'out', text }, { stream: 'err', text: 'error: timed out waiting for the condition\n' }], exitCode: 1 };
    }
    sim.advance(1);
  }
}
