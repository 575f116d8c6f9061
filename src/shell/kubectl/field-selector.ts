/**
 * --field-selector for events: the fields the API server lets a client select events by
 * (pkg/registry/core/event/strategy.go ToSelectableFields), with = / == / != terms.
 */
import type { ClusterEvent } from '../../sim/events/event-log';
import { own } from '../../sim/model/own';

const FIELDS: Record<string, (e: ClusterEvent) => string> = {
  'involvedObject.kind': (e) => e.involved.kind,
  'involvedObject.namespace': (e) => e.involved.namespace ?? '',
  'involvedObject.name': (e) => e.involved.name,
  'involvedObject.uid': (e) => e.involved.uid,
  'involvedObject.apiVersion': (e) => e.involved.apiVersion,
  'involvedObject.resourceVersion': (e) => e.involved.resourceVersion,
  'involvedObject.fieldPath': (e) => e.involved.fieldPath ?? '',
  reason: (e) => e.reason,
  reportingComponent: (e) => e.source.component,
  source: (e) => e.source.component,
  type: (e) => e.type,
  'metadata.name': (e) => e.name,
  'metadata.namespace': (e) => e.involved.namespace ?? 'default',
};

export function parseFieldSelector(text: string): { matches: (e: ClusterEvent) => boolean } | { error: string } {
  const terms: { get: (e: ClusterEvent) => string; value: string; negate: boolean }[] = [];
  for (const term of text.split(',').filter((t) => t.trim() !== '')) {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) return { error: `error: invalid selector: '${text}'; can't understand '${term}'\n` };
    const get = own(FIELDS, m[1]!);
    if (!get) return { error: `Error from server (BadRequest): Unable to find "/v1, Resource=events" that match label selector "", field selector "${text}": field label not supported: ${m[1]}\n` };
    terms.push({ get, value: m[3]!, negate: m[2] === '!=' });
  }
  return { matches: (e) => terms.every((t) => (t.get(e) === t.value) !== t.negate) };
}
