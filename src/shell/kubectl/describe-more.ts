/**
 * describe layouts for ReplicaSets and Namespaces (describe.go describeReplicaSet with
 * DescribePodTemplate, describeNamespace). Kinds without a layout here get an error.
 */
import { formatLabels } from '../../sim/model/labels';
import type { ObjectStore } from '../../sim/model/store';
import type { KubeObject, Namespace, PodTemplate, ReplicaSet, StatefulSet } from '../../sim/model/types';
import { isOwnedBy } from '../../sim/controllers/deployment';
import { annotationLines, mapLines } from './describe';
import { describeConfigMap, describeSecret } from './describe-config';
import { portLines, probeLines, resourceLines } from './describe-kinds';
import { describeTime } from '../print/dates';

export function describeOther(o: KubeObject, store: ObjectStore, events: string[]): string[] | undefined {
  if (o.kind === 'ReplicaSet') return describeReplicaSet(o, store, events);
  if (o.kind === 'Namespace') return describeNamespace(o);
  if (o.kind === 'StatefulSet') return describeStatefulSet(o, store, events);
  if (o.kind === 'ConfigMap') return describeConfigMap(o, events);
  if (o.kind === 'Secret') return describeSecret(o);
  return undefined;
}

/** The "Pod Template:" block a Deployment and a ReplicaSet share (DescribePodTemplate). */
export function podTemplateLines(t: PodTemplate): string[] {
  const annotations = t.metadata.annotations && Object.keys(t.metadata.annotations).length ? mapLines('  Annotations', t.metadata.annotations, [], ': ') : [];
  const lines = ['Pod Template:', ...mapLines('  Labels', t.metadata.labels), ...annotations, '  Containers:'];
  for (const c of t.spec.containers) {
    lines.push(`   ${c.name}:`, `    Image:\t${c.image}`, ...portLines(c.ports ?? []));
    if (c.command?.length) lines.push('    Command:', ...c.command.map((a) => `      ${a}`));
    if (c.args?.length) lines.push('    Args:', ...c.args.map((a) => `      ${a}`));
    lines.push(...resourceLines(c.resources ?? {}), ...probeLines(c));
    lines.push(`    Environment:\t${c.env?.length ? '' : '<none>'}`);
    for (const e of c.env ?? []) lines.push(`      ${e.name}:\t${e.value ?? ''}`);
    // describeContainerVolumes: "PATH from NAME (rw|ro)".
    const mounts = c.volumeMounts ?? [];
    if (mounts.length) lines.push('    Mounts:', ...mounts.map((m) => `      ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`));
    else lines.push('    Mounts:\t<none>');
  }
  lines.push('  Volumes:\t<none>', `  Node-Selectors:\t${t.spec.nodeSelector ? formatLabels(t.spec.nodeSelector) : '<none>'}`, '  Tolerations:\t<none>');
  return lines;
}

function describeReplicaSet(rs: ReplicaSet, store: ObjectStore, events: string[]): string[] {
  const pods = store.list('Pod', rs.metadata.namespace).filter((p) => isOwnedBy(p, rs.metadata.uid));
  const running = pods.filter((p) => p.status.phase === 'Running').length;
  const waiting = pods.filter((p) => p.status.phase === 'Pending').length;
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
  return [
    `Name:\t${rs.metadata.name}`,
    `Namespace:\t${rs.metadata.namespace}`,
    `Selector:\t${formatLabels(rs.spec.selector.matchLabels ?? {})}`,
    ...mapLines('Labels', rs.metadata.labels),
    ...annotationLines(rs),
    ...(owner ? [`Controlled By:\t${owner.kind}/${owner.name}`] : []),
    `Replicas:\t${rs.status.replicas} current / ${rs.spec.replicas} desired`,
    `Pods Status:\t${running} Running / ${waiting} Waiting / 0 Succeeded / 0 Failed`,
    ...podTemplateLines(rs.spec.template),
    ...events,
  ];
}

function describeNamespace(ns: Namespace): string[] {
  return [`Name:\t${ns.metadata.name}`, ...mapLines('Labels', ns.metadata.labels), ...annotationLines(ns), `Status:\t${ns.status.phase}`, '', 'No resource quota.', '', 'No LimitRange resource.'];
}

/** describe.go describeStatefulSet with describeVolumeClaimTemplates. */
function describeStatefulSet(sts: StatefulSet, store: ObjectStore, events: string[]): string[] {
  const pods = store.list('Pod', sts.metadata.namespace).filter((p) => isOwnedBy(p, sts.metadata.uid));
  const count = (phase: string) => pods.filter((p) => p.status.phase === phase).length;
  const strategy = sts.spec.updateStrategy;
  const claims: string[] = [];
  for (const c of sts.spec.volumeClaimTemplates ?? []) {
    const meta = (c.metadata ?? {}) as { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
    const spec = (c.spec ?? {}) as { storageClassName?: string; accessModes?: string[]; resources?: { requests?: { storage?: string } } };
    claims.push(
      `  Name:\t${meta.name ?? ''}`,
      `  StorageClass:\t${spec.storageClassName ?? ''}`,
      ...mapLines('  Labels', meta.labels),
      ...mapLines('  Annotations', meta.annotations),
      `  Capacity:\t${spec.resources?.requests?.storage ?? '<default>'}`,
      `  Access Modes:\t[${(spec.accessModes ?? []).join(' ')}]`,
    );
  }
  return [
    `Name:\t${sts.metadata.name}`,
    `Namespace:\t${sts.metadata.namespace}`,
    `CreationTimestamp:\t${describeTime(sts.metadata.creationTimestamp)}`,
    `Selector:\t${formatLabels(sts.spec.selector.matchLabels ?? {})}`,
    ...mapLines('Labels', sts.metadata.labels),
    ...annotationLines(sts),
    `Replicas:\t${sts.spec.replicas} desired | ${sts.status.replicas} total`,
    `Update Strategy:\t${strategy.type}`,
    ...(strategy.type === 'RollingUpdate' ? [`  Partition:\t${strategy.rollingUpdate.partition}`] : []),
    `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`,
    ...podTemplateLines(sts.spec.template),
    ...(claims.length ? ['Volume Claims:', ...claims] : ['Volume Claims:\t<none>']),
    ...events,
  ];
}
