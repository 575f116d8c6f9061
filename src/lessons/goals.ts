/**
 * A task's goal checked against what the simulation knows: the cluster's
 * objects now, the requests sent and commands run since the step began, a
 * node's rules, the clock. Never the learner's text: any way that reaches the
 * state passes (the editor, kubectl, the request bar).
 */
import type { Kind, KubeObject, Service } from '../sim/model/types';
import type { Simulation } from '../sim/simulation';
import { commandWords, resourcePlural } from './command-words';
import type { CommandRecord, RequestRecord, StepStart } from './observations';
import type { Count, Goal } from './schema';

export interface StepWorld {
  sim: Simulation;
  start: StepStart;
  requests: readonly RequestRecord[];
  commands: readonly CommandRecord[];
  /** The rules kube-proxy holds on a node, as the mode's tool prints them. */
  rules(node: string): string;
}

type G<K extends string> = Extract<Goal, Record<K, unknown>>[K & keyof Extract<Goal, Record<K, unknown>>];

export function countOk(n: number, c: Count | undefined, fallback: Count = { min: 1 }): boolean {
  const want = c ?? fallback;
  if (typeof want === 'number') return n === want;
  return (want.min === undefined || n >= want.min) && (want.max === undefined || n <= want.max);
}

function hasLabels(labels: Record<string, string> | undefined, want: Record<string, string> | undefined): boolean {
  if (!want) return true;
  for (const k of Object.keys(want)) {
    if (!labels || !Object.hasOwn(labels, k) || labels[k] !== want[k]) return false;
  }
  return true;
}

function sameLabels(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const ak = Object.keys(a ?? {});
  return ak.length === Object.keys(b).length && hasLabels(a, b);
}

function splitRef(ref: string): [string, string] {
  const i = ref.indexOf('/');
  return i >= 0 ? [ref.slice(0, i), ref.slice(i + 1)] : ['default', ref];
}

export function goalMet(goal: Goal, w: StepWorld): boolean {
  if ('all' in goal) return goal.all.every((g) => goalMet(g, w));
  if ('any' in goal) return goal.any.some((g) => goalMet(g, w));
  if ('not' in goal) return !goalMet(goal.not, w);
  if ('request' in goal) return requestMet(goal.request, w);
  if ('command' in goal) return commandMet(goal.command, w);
  if ('service' in goal) return serviceMet(goal.service, w.sim);
  if ('endpoints' in goal) return endpointsMet(goal.endpoints, w.sim);
  if ('pods' in goal) return podsMet(goal.pods, w);
  if ('object' in goal) return objectMet(goal.object, w.sim);
  if ('rules' in goal) return rulesMet(goal.rules, w);
  return w.sim.cluster.clock.now() - w.start.time >= goal.clock.advanced;
}

function requestMatches(g: G<'request'>, r: RequestRecord, w: StepWorld): boolean {
  if (g.from !== undefined) {
    const want = g.from === 'workstation' ? 'workstation' : g.from.includes('/') ? g.from : `default/${g.from}`;
    if (r.from !== want) return false;
  }
  if (g.host !== undefined && r.host !== g.host) return false;
  if (g.hostKind !== undefined && r.hostKind !== g.hostKind) return false;
  if (g.port !== undefined && r.port !== g.port) return false;
  if (g.path !== undefined && r.path !== g.path) return false;
  if (g.ok !== undefined && r.ok !== g.ok) return false;
  if (g.failure !== undefined && r.failure !== g.failure) return false;
  if (g.service !== undefined) {
    const [ns, name] = splitRef(g.service);
    if (!r.services.includes(`${ns}/${name}`)) return false;
  }
  if (g.nodePort !== undefined && (r.nodePort === undefined || (g.nodePort !== true && r.nodePort !== g.nodePort))) return false;
  if (g.node !== undefined && r.entryNode !== g.node) return false;
  if (g.sourceSeen !== undefined && r.sourceSeen !== g.sourceSeen) return false;
  if (g.servedBy) {
    const s = r.servedBy;
    if (!s) return false;
    if (!hasLabels(s.labels, g.servedBy.selector)) return false;
    if (g.servedBy.pod !== undefined && s.name !== g.servedBy.pod) return false;
    if (g.servedBy.newPod && w.start.pods.some((p) => p.uid === s.uid)) return false;
  }
  return true;
}

function requestMet(g: G<'request'>, w: StepWorld): boolean {
  const matching = w.requests.filter((r) => requestMatches(g, r, w));
  if (!countOk(matching.length, g.count)) return false;
  if (g.backends === undefined) return true;
  const pods = new Set(matching.flatMap((r) => (r.servedBy ? [r.servedBy.uid] : [])));
  return countOk(pods.size, g.backends);
}

function commandMet(g: G<'command'>, w: StepWorld): boolean {
  const line = g.line !== undefined ? new RegExp(g.line) : undefined;
  const printed = g.printed !== undefined ? new RegExp(g.printed, 'm') : undefined;
  const resource = g.resource !== undefined ? resourcePlural(g.resource) : undefined;
  return w.commands.some((c) => {
    if (g.exitCode !== undefined && c.exitCode !== g.exitCode) return false;
    if (line && !line.test(c.line)) return false;
    if (printed && !printed.test(c.output)) return false;
    if (g.tool === undefined && g.verb === undefined && resource === undefined) return true;
    const cw = commandWords(c.line);
    if (g.tool !== undefined && !cw.tools.includes(g.tool)) return false;
    if (g.verb === undefined && resource === undefined) return true;
    return cw.kubectl.some((k) => (g.verb === undefined || k.verb === g.verb) && (resource === undefined || k.resources.includes(resource)));
  });
}

function serviceMet(g: G<'service'>, sim: Simulation): boolean {
  const svc = sim.cluster.store.get('Service', g.namespace ?? 'default', g.name);
  if (!svc || svc.metadata.deletionTimestamp !== undefined) return false;
  const s = svc.spec;
  if (g.type !== undefined && s.type !== g.type) return false;
  if (g.selector !== undefined) {
    if (g.selector === null ? s.selector && Object.keys(s.selector).length > 0 : !sameLabels(s.selector, g.selector)) return false;
  }
  if (g.clusterIP !== undefined) {
    if (g.clusterIP === 'any' ? !s.clusterIP || s.clusterIP === 'None' : s.clusterIP !== g.clusterIP) return false;
  }
  if (g.sessionAffinity !== undefined && s.sessionAffinity !== g.sessionAffinity) return false;
  if (g.externalTrafficPolicy !== undefined && s.externalTrafficPolicy !== g.externalTrafficPolicy) return false;
  if (g.externalName !== undefined && s.externalName !== g.externalName) return false;
  if (g.publishNotReadyAddresses !== undefined && (s.publishNotReadyAddresses ?? false) !== g.publishNotReadyAddresses) return false;
  for (const want of g.ports ?? []) {
    const found = s.ports.some(
      (p) =>
        (want.name === undefined || p.name === want.name) &&
        (want.port === undefined || p.port === want.port) &&
        (want.targetPort === undefined || targetPortIs(svc, p.targetPort, want.targetPort, sim)) &&
        (want.nodePort === undefined || p.nodePort === want.nodePort) &&
        (want.protocol === undefined || p.protocol === want.protocol),
    );
    if (!found) return false;
  }
  return true;
}

/** A named targetPort counts as the number it resolves to in the selected pods. */
function targetPortIs(svc: Service, actual: number | string, want: number | string, sim: Simulation): boolean {
  if (actual === want) return true;
  if (typeof actual === 'string' && typeof want === 'number' && svc.spec.selector) {
    const pods = sim.cluster.store.list('Pod', svc.metadata.namespace ?? 'default').filter((p) => hasLabels(p.metadata.labels, svc.spec.selector));
    return pods.length > 0 && pods.every((p) => p.spec.containers.some((c) => c.ports?.some((cp) => cp.name === actual && cp.containerPort === want)));
  }
  return false;
}

function endpointsMet(g: G<'endpoints'>, sim: Simulation): boolean {
  const ns = g.namespace ?? 'default';
  const slices = sim.cluster.store.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === g.service);
  let ready = 0;
  let notReady = 0;
  let port = g.port === undefined;
  for (const slice of slices) {
    if (g.port !== undefined && slice.ports?.some((p) => p.port === g.port) && slice.endpoints.length > 0) port = true;
    for (const e of slice.endpoints) {
      if (e.conditions.ready) ready++;
      else notReady++;
    }
  }
  if (!port) return false;
  if (g.slices !== undefined && !countOk(slices.length, g.slices)) return false;
  if (g.notReady !== undefined && !countOk(notReady, g.notReady)) return false;
  return countOk(ready, g.ready, g.notReady !== undefined || g.slices !== undefined ? { min: 0 } : { min: 1 });
}

function podsMet(g: G<'pods'>, w: StepWorld): boolean {
  const ns = g.namespace;
  const pods = (ns ? w.sim.cluster.store.list('Pod', ns) : w.sim.cluster.store.list('Pod')).filter((p) => hasLabels(p.metadata.labels, g.selector));
  const live = pods.filter((p) => p.metadata.deletionTimestamp === undefined);
  const ready = live.filter((p) => p.status.ready);
  const startUids = new Set(w.start.pods.map((p) => p.uid));
  if (g.count !== undefined && !countOk(live.length, g.count)) return false;
  if (g.ready !== undefined && !countOk(ready.length, g.ready)) return false;
  if (g.new !== undefined && !countOk(ready.filter((p) => !startUids.has(p.metadata.uid)).length, g.new)) return false;
  if (g.gone !== undefined) {
    const alive = new Set(live.map((p) => p.metadata.uid));
    const gone = w.start.pods.filter((p) => (!ns || p.namespace === ns) && hasLabels(p.labels, g.selector) && !alive.has(p.uid)).length;
    if (!countOk(gone, g.gone)) return false;
  }
  return true;
}

const KINDS: Record<string, Kind> = {
  pods: 'Pod', services: 'Service', endpoints: 'Endpoints', endpointslices: 'EndpointSlice', deployments: 'Deployment',
  replicasets: 'ReplicaSet', nodes: 'Node', namespaces: 'Namespace',
};

function kindOf(name: string): Kind | undefined {
  const direct = Object.values(KINDS).find((k) => k.toLowerCase() === name.toLowerCase());
  return direct ?? KINDS[resourcePlural(name)];
}

/** A field by dotted path ("spec.ports[0].port"); own properties only. */
export function fieldAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    const steps: (string | number)[] = [];
    if (m[1]) steps.push(m[1]);
    for (const i of m[2]!.matchAll(/\[(\d+)\]/g)) steps.push(Number(i[1]));
    for (const s of steps) {
      if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, s)) return undefined;
      cur = (cur as Record<string | number, unknown>)[s];
    }
  }
  return cur;
}

function objectMet(g: G<'object'>, sim: Simulation): boolean {
  const kind = kindOf(g.kind);
  if (!kind) return false;
  const obj: KubeObject | undefined = sim.cluster.store.get(kind, kind === 'Node' || kind === 'Namespace' ? undefined : (g.namespace ?? 'default'), g.name);
  const exists = obj !== undefined && obj.metadata.deletionTimestamp === undefined;
  if (g.exists === false) return !exists;
  if (!exists) return false;
  for (const [path, want] of Object.entries(g.fields ?? {})) {
    const have = fieldAt(obj, path);
    if (want === null ? have !== undefined && have !== null : have !== want) return false;
  }
  return true;
}

function rulesMet(g: G<'rules'>, w: StepWorld): boolean {
  const node = g.node ?? w.sim.cluster.store.list('Node').find((n) => !n.metadata.name.endsWith('control-plane'))?.metadata.name;
  if (!node) return false;
  return new RegExp(g.matches, 'm').test(w.rules(node));
}
