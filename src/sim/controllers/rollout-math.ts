/**
 * The numbers a Deployment rollout works with, as k/k pkg/controller/deployment/util/
 * deployment_util.go computes them: maxSurge rounds a percentage up and maxUnavailable
 * rounds it down (ResolveFenceposts over intstr.GetScaledValueFromIntOrPercent), both 0
 * becomes maxUnavailable 1; NewRSNewReplicas (how far the new ReplicaSet may grow);
 * getReplicaSetFraction / GetProportion for scaling a Deployment mid-rollout.
 */
import type { Deployment, IntOrPercent, ReplicaSet } from '../model/types';

export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

function scaled(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(-?\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** [maxSurge, maxUnavailable] for `replicas` (ResolveFenceposts). */
export function fenceposts(d: Deployment): [number, number] {
  const s = d.spec.strategy;
  if (s && s.type !== 'RollingUpdate') return [0, 0];
  const ru = s?.rollingUpdate ?? { maxSurge: '25%', maxUnavailable: '25%' };
  const surge = scaled(ru.maxSurge, d.spec.replicas, true);
  const unavailable = scaled(ru.maxUnavailable, d.spec.replicas, false);
  return surge === 0 && unavailable === 0 ? [0, 1] : [surge, unavailable];
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: Deployment): number {
  return isRolling(d) ? fenceposts(d)[0] : 0;
}

/** MaxUnavailable: 0 unless RollingUpdate with replicas, never more than replicas. */
export function maxUnavailable(d: Deployment): number {
  if (!isRolling(d) || d.spec.replicas === 0) return 0;
  return Math.min(fenceposts(d)[1], d.spec.replicas);
}

export const isRolling = (d: Deployment): boolean => (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** Sum of spec.replicas (GetReplicaCountForReplicaSets). */
export const specReplicas = (rss: readonly ReplicaSet[]): number => rss.reduce((n, rs) => n + rs.spec.replicas, 0);
export const availableReplicas = (rss: readonly ReplicaSet[]): number => rss.reduce((n, rs) => n + rs.status.availableReplicas, 0);

/** How many replicas the new ReplicaSet should have now (NewRSNewReplicas). */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newReplicas: number): number {
  if (!isRolling(d)) return d.spec.replicas;
  const maxTotal = d.spec.replicas + fenceposts(d)[0];
  const current = specReplicas(all);
  if (current >= maxTotal) return newReplicas;
  return newReplicas + Math.min(maxTotal - current, d.spec.replicas - newReplicas);
}

/** The share of a scale-up or scale-down a ReplicaSet takes (GetProportion, getReplicaSetFraction). */
export function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rs.spec.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (d.spec.replicas === 0) fraction = -rs.spec.replicas;
  else {
    const maxNow = d.spec.replicas + maxSurge(d);
    let before = Number(rs.metadata.annotations?.[MAX_REPLICAS] ?? 0) || 0;
    if (before === 0) before = d.status.replicas;
    // integer.RoundToInt32: half away from zero.
    fraction = before === 0 ? 0 : Math.sign(rs.spec.replicas * maxNow / before) * Math.round(Math.abs(rs.spec.replicas * maxNow / before)) - rs.spec.replicas;
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
