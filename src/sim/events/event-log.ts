/**
 * Events, as the components record them through client-go's event recorder: each names
 * the object it is about (and the container, as a fieldPath), a reason, a message and
 * the component that saw it. A repeat of the same event (same object, reason, message
 * and source) raises the count of the first one, as the recorder's EventCorrelator does
 * (client-go tools/record/events_cache.go). The API server deletes an event an hour
 * after its last update (kube-apiserver --event-ttl, default 1h).
 */
import { SIM_EPOCH_MS } from '../clock';

export const EVENT_TTL_SECONDS = 3600;

export type EventType = 'Normal' | 'Warning';

export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
  resourceVersion: string;
  /** The container an event is about: "spec.containers{web}". */
  fieldPath?: string;
}

export interface EventSource {
  component: string;
  /** The node, for the kubelet's events. */
  host?: string;
}

/**
 * Repeats on a timer (a readiness probe failing every period): one at `start`, then one
 * every `period` seconds while the simulation clock runs, up to (not at) `end`. Counted
 * when read, so a long `sleep` costs nothing.
 */
export interface EventTicks {
  start: number;
  period: number;
  end?: number;
}

/** How an event reads at some moment. */
export interface EventView {
  event: ClusterEvent;
  firstTimestamp: number;
  lastTimestamp: number;
  count: number;
}

export class ClusterEvent {
  /** Repeats on a timer, besides the recorded ones. */
  ticks?: EventTicks[];

  constructor(
    readonly seq: number,
    readonly involved: InvolvedObject,
    readonly type: EventType,
    readonly reason: string,
    readonly message: string,
    readonly source: EventSource,
    public firstTimestamp: number,
    public lastTimestamp: number,
    public count: number,
  ) {}

  /**
   * metadata.name: the object's name and the event's creation time in nanoseconds, in
   * hex (client-go's makeEvent). Sub-second digits grow with the event's number, so the
   * events of one object list in the order they were made.
   */
  get name(): string {
    const ms = SIM_EPOCH_MS + Math.round(this.firstTimestamp * 1000);
    const ns = BigInt(ms) * 1_000_000n + BigInt((this.seq % 1_000_000) * 997);
    return `${this.involved.name}.${ns.toString(16)}`;
  }

  /** Count and timestamps at `now`, its timer repeats included; undefined before it first happened. */
  at(now: number): EventView | undefined {
    let first = this.count > 0 ? this.firstTimestamp : Infinity;
    let last = this.count > 0 ? this.lastTimestamp : -Infinity;
    let count = this.count;
    for (const t of this.ticks ?? []) {
      const until = Math.min(now, t.end === undefined ? Infinity : t.end - 1e-9);
      if (until < t.start) continue;
      const n = Math.floor((until - t.start) / t.period) + 1;
      count += n;
      first = Math.min(first, t.start);
      last = Math.max(last, t.start + (n - 1) * t.period);
    }
    return count > 0 ? { event: this, firstTimestamp: first, lastTimestamp: last, count } : undefined;
  }
}

export class EventLog {
  private readonly events: ClusterEvent[] = [];
  private readonly byUid = new Map<string, ClusterEvent[]>();

  /** Records an event at `now`, or counts it again when the same one was recorded before. */
  record(involved: InvolvedObject, type: EventType, reason: string, message: string, source: EventSource, now: number): ClusterEvent {
    const same = this.find(involved, type, reason, message, source);
    if (same && same.count > 0) {
      same.count++;
      same.lastTimestamp = now;
      return same;
    }
    if (same) {
      same.count = 1;
      same.firstTimestamp = same.lastTimestamp = now;
      return same;
    }
    return this.add(new ClusterEvent(this.events.length, involved, type, reason, message, source, now, now, 1));
  }

  /** The event that a timer repeats (recorded with no occurrence of its own until its ticks come). */
  repeating(involved: InvolvedObject, type: EventType, reason: string, message: string, source: EventSource, ticks: EventTicks): ClusterEvent {
    const event = this.find(involved, type, reason, message, source) ?? this.add(new ClusterEvent(this.events.length, involved, type, reason, message, source, ticks.start, ticks.start, 0));
    (event.ticks ??= []).push(ticks);
    return event;
  }

  /** Moves every event recorded so far to time `at` (what a scenario's set-up did happened before it starts). */
  backdate(at: number): void {
    for (const e of this.events) e.firstTimestamp = e.lastTimestamp = at;
  }

  /** The events that have happened and not expired at `now`, in the order they were made. */
  list(now: number, namespace?: string): EventView[] {
    const out: EventView[] = [];
    for (const e of this.events) {
      if (namespace !== undefined && e.involved.namespace !== namespace && !(e.involved.namespace === undefined && namespace === 'default')) continue;
      const v = e.at(now);
      if (v && v.lastTimestamp + EVENT_TTL_SECONDS > now) out.push(v);
    }
    return out;
  }

  /** The live events about the object with this uid. */
  about(uid: string, now: number): EventView[] {
    const out: EventView[] = [];
    for (const e of this.byUid.get(uid) ?? []) {
      const v = e.at(now);
      if (v && v.lastTimestamp + EVENT_TTL_SECONDS > now) out.push(v);
    }
    return out;
  }

  private add(e: ClusterEvent): ClusterEvent {
    this.events.push(e);
    const list = this.byUid.get(e.involved.uid);
    if (list) list.push(e);
    else this.byUid.set(e.involved.uid, [e]);
    return e;
  }

  private find(involved: InvolvedObject, type: EventType, reason: string, message: string, source: EventSource): ClusterEvent | undefined {
    for (const e of this.byUid.get(involved.uid) ?? []) {
      if (e.reason === reason && e.message === message && e.type === type && e.involved.fieldPath === involved.fieldPath && e.source.component === source.component && e.source.host === source.host) return e;
    }
    return undefined;
  }
}
