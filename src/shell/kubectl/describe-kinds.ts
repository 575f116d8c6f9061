/** The describe layouts per kind (describe.go describeService, describePod, describeEndpoints, describeDeployment). */
import { formatLabels } from '../../sim/model/labels';
import type { ObjectStore } from '../../sim/model/store';
import type { Container, Deployment, Endpoints, EnvVar, Volume, Pod, Probe, ReplicaSet, ResourceRequirements, Service } from '../../sim/model/types';
import { maxUnavailable } from '../../sim/controllers/rollout-math';
import { describeTime } from '../print/dates';
import { capList } from '../print/rows';
import { annotationLines, mapLines } from './describe';
import { podTemplateLines } from './describe-more';
import { podTemplateHash } from '../../sim/controllers/hash';
import { isOwnedBy } from '../../sim/controllers/deployment';
import { humanDuration } from '../print/age';
import { apiAccessVolume, containerID, containerStatusesAt, defaultedProbe, hasContainerStatuses, imageID, podContainerResources, qosClass } from '../print/pod-runtime';
import type { ContainerState } from '../../sim/kubelet/restarts';

/** describe.go describeStatus: one container state under its heading ("State", "Last State"). */
function stateLines(heading: string, state: ContainerState): string[] {
  if ('running' in state) return [`    ${heading}:\tRunning`, `      Started:\t${describeTime(state.running.startedAt)}`];
  if ('waiting' in state) return [`    ${heading}:\tWaiting`, ...(state.waiting.reason ? [`      Reason:\t${state.waiting.reason}`] : [])];
  const t = state.terminated;
  return [`    ${heading}:\tTerminated`, `      Reason:\t${t.reason}`, `      Exit Code:\t${t.exitCode}`, `      Started:\t${describeTime(t.startedAt)}`, `      Finished:\t${describeTime(t.finishedAt)}`];
}

function serviceEndpoints(store: ObjectStore, svc: Service, portName: string): string {
  const items: string[] = [];
  for (const slice of store.list('EndpointSlice', svc.metadata.namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (!port) continue;
    for (const ep of slice.endpoints) if (ep.conditions.ready) for (const a of ep.addresses) items.push(`${a}:${port.port}`);
  }
  return items.length ? capList(items) : '<none>';
}

/**
 * describe.go describeService: the IP family, IP and IPs lines for every type (an ExternalName
 * Service has none of them: `<none>`, an empty IP), External Name before the LoadBalancer
 * Ingress (each address with its ipMode, buildIngressString), Internal Traffic Policy before
 * HealthCheck NodePort, no line for the ClientIP affinity timeout.
 */
export function describeService(svc: Service, store: ObjectStore, events: string[]): string[] {
  const s = svc.spec;
  const lines = [`Name:\t${svc.metadata.name}`, `Namespace:\t${svc.metadata.namespace}`, ...mapLines('Labels', svc.metadata.labels), ...annotationLines(svc)];
  lines.push(`Selector:\t${s.selector && Object.keys(s.selector).length ? formatLabels(s.selector) : '<none>'}`, `Type:\t${s.type}`);
  if (s.ipFamilyPolicy) lines.push(`IP Family Policy:\t${s.ipFamilyPolicy}`);
  lines.push(`IP Families:\t${s.ipFamilies?.length ? s.ipFamilies.join(',') : '<none>'}`);
  lines.push(`IP:\t${s.clusterIP ?? ''}`, `IPs:\t${s.clusterIPs?.length ? s.clusterIPs.join(',') : s.clusterIP ? s.clusterIP : '<none>'}`);
  if (s.externalIPs?.length) lines.push(`External IPs:\t${s.externalIPs.join(',')}`);
  if (s.loadBalancerIP) lines.push(`Desired LoadBalancer IP:\t${s.loadBalancerIP}`);
  if (s.externalName) lines.push(`External Name:\t${s.externalName}`);
  const ingress = svc.status.loadBalancer.ingress ?? [];
  if (ingress.length) lines.push(`LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')}`);
  for (const port of s.ports) {
    const name = port.name ?? '<unset>';
    lines.push(`Port:\t${name}\t${port.port}/${port.protocol}`, `TargetPort:\t${port.targetPort}/${port.protocol}`);
    if (port.appProtocol !== undefined) lines.push(`AppProtocol:\t${port.appProtocol}`);
    if (port.nodePort) lines.push(`NodePort:\t${name}\t${port.nodePort}/${port.protocol}`);
    lines.push(`Endpoints:\t${serviceEndpoints(store, svc, port.name ?? '')}`);
  }
  lines.push(`Session Affinity:\t${s.sessionAffinity}`);
  if (s.externalTrafficPolicy) lines.push(`External Traffic Policy:\t${s.externalTrafficPolicy}`);
  if (s.internalTrafficPolicy) lines.push(`Internal Traffic Policy:\t${s.internalTrafficPolicy}`);
  if (s.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${s.healthCheckNodePort}`);
  if (s.loadBalancerSourceRanges?.length) lines.push(`LoadBalancer Source Ranges:\t${s.loadBalancerSourceRanges.join(',')}`);
  lines.push(...events);
  return lines;
}

export function describeEndpoints(ep: Endpoints, events: string[]): string[] {
  const lines = [`Name:\t${ep.metadata.name}`, `Namespace:\t${ep.metadata.namespace}`, ...mapLines('Labels', ep.metadata.labels), ...annotationLines(ep), 'Subsets:'];
  for (const s of ep.subsets ?? []) {
    lines.push(`  Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    lines.push(`  NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}`);
    lines.push('  Ports:', '    Name\tPort\tProtocol', '    ----\t----\t--------');
    for (const p of s.ports ?? []) lines.push(`    ${p.name ?? '<unset>'}\t${p.port}\t${p.protocol}`);
    lines.push('');
  }
  lines.push(...events);
  return lines;
}

/** describe.go describePod, describeContainers (v1.33: ports without their names). */
export function describePod(pod: Pod, store: ObjectStore, events: string[], now: number): string[] {
  const node = pod.spec.nodeName ? store.get('Node', undefined, pod.spec.nodeName) : undefined;
  const hostIP = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
  const lines = [
    `Name:\t${pod.metadata.name}`,
    `Namespace:\t${pod.metadata.namespace}`,
    'Priority:\t0',
    'Service Account:\tdefault',
    `Node:\t${pod.spec.nodeName ? `${pod.spec.nodeName}/${hostIP}` : '<none>'}`,
    ...(pod.status.startTime !== undefined ? [`Start Time:\t${describeTime(pod.status.startTime)}`] : []),
    ...mapLines('Labels', pod.metadata.labels),
    ...annotationLines(pod),
    ...(deleting
      ? [`Status:\tTerminating (lasts ${humanDuration(now - pod.metadata.deletionTimestamp!)})`, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s`]
      : [`Status:\t${pod.status.phase}`]),
    `IP:\t${pod.status.podIP ?? ''}`,
    ...(pod.status.podIP ? ['IPs:', `  IP:\t${pod.status.podIP}`] : ['IPs:\t<none>']),
  ];
  const rs = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (rs) lines.push(`Controlled By:\t${rs.kind}/${rs.name}`);
  lines.push('Containers:');
  const statuses = hasContainerStatuses(pod);
  const shown = containerStatusesAt(pod, now);
  for (const [i, c] of pod.spec.containers.entries()) {
    const st = shown[i]!;
    lines.push(`  ${c.name}:`);
    if (statuses) lines.push(`    Container ID:\t${containerID(pod, c, st.restartCount, st.created)}`);
    lines.push(`    Image:\t${c.image}`);
    if (statuses) lines.push(`    Image ID:\t${imageID(pod, c, st.created)}`);
    lines.push(...portLines(c.ports ?? []));
    if (c.command?.length) lines.push('    Command:', ...c.command.map((a) => `      ${a}`));
    if (c.args?.length) lines.push('    Args:', ...c.args.map((a) => `      ${a}`));
    if (statuses) {
      lines.push(...stateLines('State', st.state));
      if (st.lastState) lines.push(...stateLines('Last State', { terminated: st.lastState }));
      lines.push(`    Ready:\t${st.ready ? 'True' : 'False'}`, `    Restart Count:\t${st.restartCount}`);
    }
    lines.push(...resourceLines(podContainerResources(c)), ...probeLines(c));
    if (c.envFrom?.length) lines.push(...envFromLines(c));
    lines.push(`    Environment:\t${c.env?.length ? '' : '<none>'}`);
    for (const e of c.env ?? []) lines.push(envLine(pod, e));
    lines.push('    Mounts:', ...mountLines(pod, c));
  }
  lines.push('Conditions:', '  Type\tStatus');
  const ok = (b: boolean) => (b ? 'True ' : 'False ');
  // The sandbox stands from the kubelet's start until the pod has finished.
  const running = pod.status.podIP !== undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
  // A pod the scheduler could not place has only the scheduler's condition (the kubelet sets the others).
  if (!pod.spec.nodeName) lines.push(`  PodScheduled \t${ok(false)}`);
  else lines.push(`  PodReadyToStartContainers \t${ok(running)}`, `  Initialized \t${ok(true)}`, `  Ready \t${ok(pod.status.ready)}`, `  ContainersReady \t${ok(pod.status.ready)}`, `  PodScheduled \t${ok(true)}`);
  lines.push('Volumes:', ...(pod.spec.volumes ?? []).flatMap(volumeLines), `  ${apiAccessVolume(pod)}:`, '    Type:\tProjected (a volume that contains injected data from multiple sources)', '    TokenExpirationSeconds:\t3607', '    ConfigMapName:\tkube-root-ca.crt', '    Optional:\tfalse', '    DownwardAPI:\ttrue');
  lines.push(`QoS Class:\t${qosClass(pod)}`, `Node-Selectors:\t${pod.spec.nodeSelector ? formatLabels(pod.spec.nodeSelector) : '<none>'}`);
  const tolerations = [...(pod.spec.tolerations ?? []), ...['not-ready', 'unreachable'].map((k) => ({ key: `node.kubernetes.io/${k}`, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }))];
  lines.push(...tolerations.map((t, i) => `${i === 0 ? 'Tolerations:' : ''}\t${tolerationText(t)}`));
  lines.push(...events);
  return lines;
}

/** describe.go describeContainerEnvVars: a value, or where it comes from. */
function envLine(pod: Pod, e: EnvVar): string {
  const cm = e.valueFrom?.configMapKeyRef;
  const sec = e.valueFrom?.secretKeyRef;
  if (sec) return `      ${e.name}:\t<set to the key '${sec.key}' in secret '${sec.name}'>\tOptional: ${sec.optional === true}`;
  if (cm) return `      ${e.name}:\t<set to the key '${cm.key}' of config map '${cm.name}'>\tOptional: ${cm.optional === true}`;
  const f = e.valueFrom?.fieldRef;
  // kubectl resolves a field of the pod it describes (EnvValueRetriever).
  if (f) return `      ${e.name}:\t${fieldOf(pod, f.fieldPath)} (${f.apiVersion ?? 'v1'}:${f.fieldPath})`;
  return `      ${e.name}:\t${e.value ?? ''}`;
}

function fieldOf(pod: Pod, path: string): string {
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata.name,
    'metadata.namespace': pod.metadata.namespace,
    'metadata.uid': pod.metadata.uid,
    'spec.nodeName': pod.spec.nodeName,
    'spec.serviceAccountName': 'default',
    'status.podIP': pod.status.podIP,
    'status.hostIP': pod.status.hostIP,
  };
  return Object.prototype.hasOwnProperty.call(values, path) ? (values[path] ?? '') : '';
}

/** describe.go describeContainerEnvFrom: each source, its kind and prefix. */
function envFromLines(c: Container): string[] {
  const lines = ['    Environment Variables from:'];
  for (const e of c.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    if (!ref) continue;
    const from = e.configMapRef ? 'ConfigMap' : 'Secret';
    lines.push(`      ${ref.name}\t${from}${e.prefix ? ` with prefix '${e.prefix}'` : ''}\tOptional: ${ref.optional === true}`);
  }
  return lines;
}

/** describe.go describeContainerVolumes: the mounts sorted by path, the token's among them. */
function mountLines(pod: Pod, c: Container): string[] {
  const mounts = [...(c.volumeMounts ?? []), { name: apiAccessVolume(pod), mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }];
  mounts.sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  return mounts.map((m) => `      ${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...('subPath' in m && m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])].join(',')})`);
}

/** describe.go describeVolumes: printConfigMapVolumeSource, printSecretVolumeSource, printEmptyDirVolumeSource, printPersistentVolumeClaimVolumeSource. */
function volumeLines(v: Volume): string[] {
  const head = `  ${v.name}:`;
  if (v.configMap) return [head, '    Type:\tConfigMap (a volume populated by a ConfigMap)', `    Name:\t${v.configMap.name}`, `    Optional:\t${v.configMap.optional === true}`];
  if (v.secret) return [head, '    Type:\tSecret (a volume populated by a Secret)', `    SecretName:\t${v.secret.secretName}`, `    Optional:\t${v.secret.optional === true}`];
  if (v.emptyDir) return [head, "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)", `    Medium:\t${String(v.emptyDir.medium ?? '')}`, `    SizeLimit:\t${String(v.emptyDir.sizeLimit ?? '<unset>')}`];
  const claim = v.persistentVolumeClaim as { claimName?: unknown; readOnly?: unknown } | undefined;
  if (claim && typeof claim === 'object') {
    return [head, '    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', `    ClaimName:\t${String(claim.claimName ?? '')}`, `    ReadOnly:\t${claim.readOnly === true}`];
  }
  return [head, '    Type:\t<unknown>'];
}

/**
 * One toleration as describe prints it: key[=value][:effect][ op=Exists][ for Ns]
 * (kubectl describe.go printTolerationsMultilineWithIndent; the DefaultTolerationSeconds
 * admission plugin's two follow the pod's own).
 */
function tolerationText(t: { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }): string {
  let s = (t.key ?? '') + (t.value ? `=${t.value}` : '') + (t.effect ? `:${t.effect}` : '');
  if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
  return s;
}

/**
 * "Port:"/"Host Port:", or "Ports:"/"Host Ports:" when there are several, each with its own
 * protocol (describe.go describeContainerBasicInfo). Port names are shown only from v1.34
 * (kubernetes/kubernetes#133018), so not here.
 */
export function portLines(ports: { containerPort: number; protocol?: string }[]): string[] {
  const several = ports.length > 1;
  const text = ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') || '<none>';
  const host = ports.map((p) => `0/${p.protocol ?? 'TCP'}`).join(', ') || '<none>';
  return [`    ${several ? 'Ports' : 'Port'}:\t${text}`, `    ${several ? 'Host Ports' : 'Host Port'}:\t${host}`];
}

/** describe.go describeResources: "Limits:" then "Requests:", each resource name sorted. */
export function resourceLines(r: ResourceRequirements): string[] {
  const lines: string[] = [];
  for (const [heading, list] of [['Limits', r.limits], ['Requests', r.requests]] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length) lines.push(`    ${heading}:`, ...keys.map((k) => `      ${k}:\t${list![k]}`));
  }
  return lines;
}

/** describe.go describeContainerProbe: Liveness, Readiness, Startup. */
export function probeLines(c: Container): string[] {
  const lines: string[] = [];
  if (c.livenessProbe) lines.push(`    Liveness:\t${probeText(c.livenessProbe)}`);
  if (c.readinessProbe) lines.push(`    Readiness:\t${probeText(c.readinessProbe)}`);
  if (c.startupProbe) lines.push(`    Startup:\t${probeText(c.startupProbe)}`);
  return lines;
}

/** describe.go DescribeProbe, over the probe as the API server defaulted it. */
export function probeText(probe: Probe): string {
  const p = defaultedProbe(probe);
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds}s period=${p.periodSeconds}s #success=${p.successThreshold} #failure=${p.failureThreshold}`;
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const host = p.httpGet.host ?? '';
    return `http-get ${scheme}://${host}:${p.httpGet.port}${p.httpGet.path ?? '/'} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

export function describeDeployment(d: Deployment, store: ObjectStore, events: string[]): string[] {
  const owned = store.list('ReplicaSet', d.metadata.namespace).filter((r) => isOwnedBy(r, d.metadata.uid));
  // FindNewReplicaSet: the one with the Deployment's template; the old ones shown are those with replicas (FindOldReplicaSets).
  const newName = `${d.metadata.name}-${podTemplateHash(d.spec.template)}`;
  const rs = owned.find((r) => r.metadata.name === newName);
  const old = owned.filter((r) => r !== rs && r.spec.replicas > 0).sort((a, b) => a.metadata.creationTimestamp - b.metadata.creationTimestamp);
  const created = (r: ReplicaSet) => `${r.metadata.name} (${r.status.replicas}/${r.spec.replicas} replicas created)`;
  const strategy = d.spec.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  const lines = [
    `Name:\t${d.metadata.name}`,
    `Namespace:\t${d.metadata.namespace}`,
    `CreationTimestamp:\t${describeTime(d.metadata.creationTimestamp)}`,
    ...mapLines('Labels', d.metadata.labels),
    ...annotationLines(d),
    `Selector:\t${formatLabels(d.spec.selector.matchLabels)}`,
    `Replicas:\t${d.spec.replicas} desired | ${d.status.updatedReplicas} updated | ${d.status.replicas} total | ${d.status.availableReplicas} available | ${d.status.unavailableReplicas ?? 0} unavailable`,
    `StrategyType:\t${strategy.type}`,
    'MinReadySeconds:\t0',
    ...(strategy.type === 'RollingUpdate' ? [`RollingUpdateStrategy:\t${strategy.rollingUpdate.maxUnavailable} max unavailable, ${strategy.rollingUpdate.maxSurge} max surge`] : []),
    ...podTemplateLines(d.spec.template),
  ];
  const complete = d.status.updatedReplicas === d.spec.replicas && d.status.replicas === d.spec.replicas && d.status.availableReplicas === d.spec.replicas;
  const progressing = complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated';
  lines.push('Conditions:', '  Type\tStatus\tReason', '  ----\t------\t------');
  // syncRolloutStatus: available while replicas - maxUnavailable pods are (deployment_util.go MaxUnavailable).
  const available = d.status.availableReplicas >= d.spec.replicas - maxUnavailable(d);
  lines.push(`  Available \t${available ? 'True' : 'False'}\t${available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable'}`, `  Progressing \tTrue\t${progressing}`);
  lines.push(`OldReplicaSets:\t${old.length ? old.map(created).join(', ') : '<none>'}`, `NewReplicaSet:\t${rs ? created(rs) : '<none>'}`, ...events);
  return lines;
}
