/**
 * Selection linking, as a pure function of the snapshot: what lights up when
 * an element is chosen, and which YAML lines are tinted (the object's own
 * lines amber, the selector and the labels it matches blue).
 */
import type { ClusterSnapshot, ElementId, PodView, ServiceView, SourceRange } from '../../sim/view/snapshot';

type Labels = Record<string, string>;
import { endpointEdgeId } from './layout-edges';

export interface Linked {
  elements: Set<ElementId>;
  edges: Set<string>;
  amber: SourceRange[];
  blue: SourceRange[];
}

export const podId = (p: PodView): ElementId => `pod:${p.namespace}/${p.name}`;
export const svcId = (s: ServiceView): ElementId => `svc:${s.namespace}/${s.name}`;

/** Whether a Service's selector picks a pod (an empty or missing selector picks none, as the endpoints controller does). */
export function selects(svc: ServiceView, pod: PodView): boolean {
  const sel = svc.selector;
  return !!sel && Object.keys(sel).length > 0 && pod.namespace === svc.namespace && Object.entries(sel).every(([k, v]) => pod.labels[k] === v);
}

/** Why a selector does not pick these labels, in one short phrase; null when it does. */
export function mismatch(selector: Labels | null, labels: Labels): string | null {
  if (!selector || Object.keys(selector).length === 0) return 'the Service has no selector';
  for (const [k, v] of Object.entries(selector)) {
    if (!(k in labels)) return `no label ${k} (the selector wants ${k}=${v})`;
    if (labels[k] !== v) return `${k}=${labels[k]}, the selector wants ${k}=${v}`;
  }
  return null;
}

const compact = (ranges: (SourceRange | undefined)[]): SourceRange[] => {
  const seen = new Set<string>();
  return ranges.filter((r): r is SourceRange => !!r && !seen.has(`${r.startLine}-${r.endLine}`) && !!seen.add(`${r.startLine}-${r.endLine}`));
};

function linkService(snap: ClusterSnapshot, svc: ServiceView): Linked {
  const id = svcId(svc);
  const pods = snap.pods.filter((p) => selects(svc, p));
  const elements = new Set<ElementId>([id, ...pods.map(podId), `lb:${svc.namespace}/${svc.name}`]);
  if (svc.externalName) elements.add(`external:${svc.externalName}`);
  for (const p of svc.ports) if (p.nodePort) for (const n of snap.nodes) elements.add(`nodeport:${n.name}:${p.nodePort}`);
  const edges = new Set([...svc.endpoints.map((e) => endpointEdgeId(id, `pod:${svc.namespace}/${e.podName}`)), `lb:${id}`, `cname:${id}`]);
  return { elements, edges, amber: compact([svc.source]), blue: compact([svc.selectorSource, ...pods.map((p) => p.labelsSource)]) };
}

function linkPod(snap: ClusterSnapshot, pod: PodView): Linked {
  const same = (p: PodView): boolean => p === pod || (!!pod.source && p.source?.startLine === pod.source.startLine && p.namespace === pod.namespace);
  const pods = snap.pods.filter(same);
  const services = snap.services.filter((s) => selects(s, pod));
  const elements = new Set<ElementId>([...pods.map(podId), ...services.map(svcId)]);
  const edges = new Set(services.flatMap((s) => pods.map((p) => endpointEdgeId(svcId(s), podId(p)))));
  return { elements, edges, amber: compact([pod.source]), blue: compact([pod.labelsSource, ...services.map((s) => s.selectorSource)]) };
}

export function linkedTo(snap: ClusterSnapshot | null, id: ElementId | null): Linked | null {
  if (!snap || !id) return null;
  const svc = snap.services.find((s) => svcId(s) === id || `lb:${s.namespace}/${s.name}` === id);
  if (svc) return linkService(snap, svc);
  const pod = snap.pods.find((p) => podId(p) === id);
  if (pod) return linkPod(snap, pod);
  if (/^(pod|svc|lb):/.test(id)) return null;
  return { elements: new Set([id]), edges: new Set(), amber: [], blue: [] };
}

/** The element a YAML line is part of: a Service, else the first pod written there (a Deployment's pods share its lines). */
export function elementAtLine(snap: ClusterSnapshot | null, line: number): ElementId | null {
  if (!snap) return null;
  const inside = (r?: SourceRange): boolean => !!r && r.startLine <= line && line <= r.endLine;
  const svc = snap.services.find((s) => inside(s.source));
  if (svc) return svcId(svc);
  const pod = snap.pods.filter((p) => inside(p.source)).sort((a, b) => (a.name < b.name ? -1 : 1))[0];
  return pod ? podId(pod) : null;
}
