/**
 * kubectl get events: the event table (printers.go printEvent: LAST SEEN, TYPE, REASON,
 * OBJECT, MESSAGE; -o wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME), and the
 * Event objects for -o yaml|json|name|jsonpath|custom-columns. The API server lists them by name, which is the
 * object's name then the creation time: each object's events together, oldest first.
 */
import { simTimeToIso } from '../../sim/clock';
import type { ClusterEvent, EventView } from '../../sim/events/event-log';
import { humanDuration } from '../print/age';
import { formatTable } from '../print/table';
import type { OutputChunk } from '../types';
import { printGeneric, TABLE_FORMATS, type GenericOptions } from './get-output';
import { sortObjects } from './sort-by';

export interface EventQuery {
  namespace: string;
  allNamespaces: boolean;
  output: string;
  noHeaders: boolean;
  names: string[];
  /** How the non-table outputs print (get-output.ts). */
  generic: GenericOptions;
  /** --sort-by: a JSONPath into the Event objects (kubectl get events --sort-by=.lastTimestamp). */
  sortBy?: string;
}

/** Components that report through events.k8s.io/v1 (eventTime and no count in the core view). */
export const NEW_API_COMPONENTS = new Set(['default-scheduler']);

/** The API server's list order: by namespace (across namespaces), then by name. */
export function byName(a: EventView, b: EventView): number {
  const na = a.event.subject.metadata.namespace ?? 'default';
  const nb = b.event.subject.metadata.namespace ?? 'default';
  if (na !== nb) return na < nb ? -1 : 1;
  const x = a.event.name;
  const y = b.event.name;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An event's age as describe and kubectl events print it: "2m", or "5s (x6 over 2m)" for repeats. */
export function eventAge(v: EventView, now: number): string {
  const first = humanDuration(now - v.firstTimestamp);
  return v.count > 1 ? `${humanDuration(now - v.lastTimestamp)} (x${v.count} over ${first})` : first;
}

export function eventSource(e: ClusterEvent): string {
  return e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component;
}

export function eventObject(e: ClusterEvent): string {
  return `${e.subject.kind.toLowerCase()}/${e.subject.metadata.name}`;
}

export function getEvents(views: EventView[], q: EventQuery, now: number): { chunks: OutputChunk[]; exitCode: number } {
  const notFound: OutputChunk[] = [];
  let shown = [...views].sort(byName);
  if (q.names.length) {
    shown = [];
    for (const name of q.names) {
      const v = views.find((x) => x.event.name === name);
      if (v) shown.push(v);
      else notFound.push({ stream: 'err', text: `Error from server (NotFound): events "${name}" not found\n` });
    }
  }
  if (q.sortBy) {
    const sorted = sortObjects(shown, eventObjectOf, q.sortBy);
    if ('error' in sorted) return { chunks: [{ stream: 'err', text: `error: ${sorted.error}\n` }], exitCode: 1 };
    shown = sorted.sorted;
  }
  if (!TABLE_FORMATS.has(q.output)) {
    if (q.names.length === 1 && shown.length === 0) return { chunks: notFound, exitCode: 1 };
    const items = shown.map((v) => ({ doc: eventObjectOf(v), ref: `event/${v.event.name}` }));
    return printGeneric(items, q.names.length === 1, q.output, notFound, q.generic);
  }
  const chunks: OutputChunk[] = [];
  if (shown.length > 0) chunks.push({ stream: 'out', text: eventTable(shown, now, q) });
  if (shown.length === 0 && q.names.length === 0) {
    chunks.push({ stream: 'err', text: q.allNamespaces ? 'No resources found\n' : `No resources found in ${q.namespace} namespace.\n` });
  }
  chunks.push(...notFound);
  return { chunks, exitCode: notFound.length ? 1 : 0 };
}

function eventTable(shown: EventView[], now: number, q: EventQuery): string {
  const wide = q.output === 'wide';
  const rows: string[][] = [];
  if (!q.noHeaders) {
    const head = wide ? ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'] : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    rows.push(q.allNamespaces ? ['NAMESPACE', ...head] : head);
  }
  for (const v of shown) {
    const e = v.event;
    const last = humanDuration(now - v.lastTimestamp);
    const cells = wide
      ? [last, e.type, e.reason, eventObject(e), e.fieldPath ?? '', eventSource(e), e.message, humanDuration(now - v.firstTimestamp), String(v.count), e.name]
      : [last, e.type, e.reason, eventObject(e), e.message];
    rows.push(q.allNamespaces ? [e.subject.metadata.namespace ?? 'default', ...cells] : cells);
  }
  return formatTable(rows);
}

/** A made-up but stable uid for an event (events draw nothing from the cluster's id stream). */
function eventUid(seq: number): string {
  let h = (seq + 1) * 2654435761;
  let hex = '';
  for (let i = 0; i < 32; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
    hex += (h & 15).toString(16);
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The core/v1 Event as the API returns it. */
function eventObjectOf(v: EventView): Record<string, unknown> {
  const e = v.event;
  const involved: Record<string, unknown> = { apiVersion: e.involved.apiVersion, kind: e.involved.kind, name: e.involved.name, namespace: e.involved.namespace, resourceVersion: e.involved.resourceVersion, uid: e.involved.uid };
  if (e.involved.fieldPath) involved.fieldPath = e.involved.fieldPath;
  const metadata = { creationTimestamp: simTimeToIso(v.firstTimestamp), name: e.name, namespace: e.involved.namespace ?? 'default', resourceVersion: String(5000 + e.seq), uid: eventUid(e.seq) };
  const base = { apiVersion: 'v1', involvedObject: involved, kind: 'Event', message: e.message, metadata, reason: e.reason, type: e.type };
  if (NEW_API_COMPONENTS.has(e.source.component)) {
    const micro = `${simTimeToIso(v.firstTimestamp).replace('Z', '')}.${String((e.seq * 7919) % 1_000_000).padStart(6, '0')}Z`;
    return { ...base, action: 'Binding', eventTime: micro, firstTimestamp: null, lastTimestamp: null, reportingComponent: e.source.component, reportingInstance: `${e.source.component}-kind-control-plane`, source: {} };
  }
  const source: Record<string, string> = { component: e.source.component };
  if (e.source.host) source.host = e.source.host;
  return { ...base, count: v.count, eventTime: null, firstTimestamp: simTimeToIso(v.firstTimestamp), lastTimestamp: simTimeToIso(v.lastTimestamp), reportingComponent: e.source.component, reportingInstance: e.source.host ?? '', source };
}
