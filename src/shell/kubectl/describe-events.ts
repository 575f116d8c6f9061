/**
 * describe's Events section (describe.go DescribeEvents): oldest first by last time (an
 * events.k8s.io event, with no lastTimestamp, sorts before the rest), "x3 over 2m" for
 * repeats, the reporting component in From. Left out entirely when kubectl does not
 * fetch events (several objects described at once).
 */
import type { EventView } from '../../sim/events/event-log';
import { eventAge, NEW_API_COMPONENTS } from './get-events';

export function eventLines(events: EventView[] | undefined, now: number): string[] {
  if (events === undefined) return [];
  if (events.length === 0) return ['Events:\t<none>'];
  const lastSeen = (v: EventView) => (NEW_API_COMPONENTS.has(v.event.source.component) ? -Infinity : v.lastTimestamp);
  const sorted = [...events].sort((a, b) => lastSeen(a) - lastSeen(b) || a.event.seq - b.event.seq);
  const lines = ['Events:', '  Type\tReason\tAge\tFrom\tMessage', '  ----\t------\t----\t----\t-------'];
  for (const v of sorted) {
    const e = v.event;
    lines.push(`  ${e.type}\t${e.reason}\t${eventAge(v, now)}\t${e.source.component}\t${e.message.trim()}`);
  }
  return lines;
}
