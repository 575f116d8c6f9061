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

/** The object an event is about: any stored object (read when the event is read). */
export interface EventSubject {
  apiVersion: string;
  kind: string;
  metadata: { namespace?: string; name: string; uid: string; resourceVersion: string };
}

/** A message from up to two parts, formatted only when read (tens of thousands are recorded as pods start). */
export type MessageFormat = (a: string, b: string, subject: EventSubject) => string;

/** What to record; `once` marks an event that cannot repeat (so no repeat is looked for). */
export interface EventInput {
  subject: EventSubject;
  fieldPath?: string;
  type: EventType;
  reason: string;
  format: MessageFormat;
  a: string;
  b?: string;
  source: EventSource;
  once?: boolean;
}

const asIs: MessageFormat = (a) => a;

export class ClusterEvent {
  /** Repeats on a timer, besides the recorded ones. */
  ticks?: EventTicks[];
  /** Repeats at listed times (a container restarted: Created and Started again), appended as they happen. */
  also?: readonly number[];

  constructor(
    readonly seq: number,
    readonly subject: EventSubject,
    readonly fieldPath: string | undefined,
    readonly type: EventType,
    readonly reason: string,
    private readonly format: MessageFormat,
    private readonly a: string,
    private readonly b: string,
    readonly source: EventSource,
    public firstTimestamp: number,
    public lastTimestamp: number,
    public count: number,
  ) {}

  get message(): string {
    return this.format(this.a, this.b, this.subject);
  }

  get involved(): InvolvedObject {
    const m = this.subject.metadata;
    const o: InvolvedObject = { apiVersion: this.subject.apiVersion, kind: this.subject.kind, namespace: m.namespace, name: m.name, uid: m.uid, resourceVersion: m.resourceVersion };
    if (this.fieldPath) o.fieldPath = this.fieldPath;
    return o;
  }

  /**
   * metadata.name: the object's name and the event's creation time in nanoseconds, in
   * hex (client-go's makeEvent). Sub-second digits grow with the event's number, so the
   * events of one object list in the order they were made.
   */
  get name(): string {
    const ms = SIM_EPOCH_MS + Math.round(this.firstTimestamp * 1000);
    const ns = BigInt(ms) * 1_000_000n + BigInt((this.seq % 1_000_000) * 997);
    return `${this.subject.metadata.name}.${ns.toString(16)}`;
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
    for (const t of this.also ?? []) {
      if (t > now) break;
      count++;
      first = Math.min(first, t);
      last = Math.max(last, t);
    }
    return count > 0 ? { event: this, firstTimestamp: first, lastTimestamp: last, count } : undefined;
  }
}

/**
 * Several events made together and built only when read: a pod's containers starting
 * (pull, create, start each) is one entry until someone lists the events.
 */
export interface EventBatch {
  /** The number of the first event; the batch takes `size` numbers from there. */
  readonly seq: number;
  readonly size: number;
  expand(): ClusterEvent[];
}

export class EventLog {
  private readonly events: (ClusterEvent | EventBatch)[] = [];
  private nextSeq = 0;
  /** Events that may repeat, by what makes two of them the same. */
  private readonly repeatable = new Map<string, ClusterEvent>();

  /** Records an event at `now` (which may lie before the clock's time, never before the last), or counts it again when the same one was recorded before. */
  record(input: EventInput, now: number): ClusterEvent {
    const key = input.once ? undefined : keyOf(input);
    const same = key === undefined ? undefined : this.repeatable.get(key);
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
    return this.add(input, key, now, 1);
  }

  /** Records a plain-text event (set-up and tests). */
  recordText(subject: EventSubject, type: EventType, reason: string, message: string, source: EventSource, now: number): ClusterEvent {
    return this.record({ subject, type, reason, format: asIs, a: message, source }, now);
  }

  /** The event that a timer repeats (recorded with no occurrence of its own until its ticks come). */
  repeating(input: EventInput, ticks: EventTicks): ClusterEvent {
    const key = keyOf(input);
    const event = this.repeatable.get(key) ?? this.add(input, key, ticks.start, 0);
    (event.ticks ??= []).push(ticks);
    return event;
  }

  /** Records a batch of events, numbered from the next free number. */
  batch(make: (seq: number) => EventBatch): void {
    const b = make(this.nextSeq);
    this.nextSeq += b.size;
    this.events.push(b);
  }

  /** Moves every event recorded so far to time `at` (what a scenario's set-up did happened before it starts). */
  backdate(at: number): void {
    const all = this.events.flatMap((e) => (e instanceof ClusterEvent ? [e] : e.expand()));
    for (const e of all) e.firstTimestamp = e.lastTimestamp = at;
    this.events.length = 0;
    this.events.push(...all);
  }

  /** The events that have happened and not expired at `now`, in the order they were made. */
  list(now: number, namespace?: string): EventView[] {
    return this.select(now, (e) => namespace === undefined || (e.subject.metadata.namespace ?? 'default') === namespace);
  }

  /** The live events about the object with this uid. */
  about(uid: string, now: number): EventView[] {
    return this.select(now, (e) => e.subject.metadata.uid === uid);
  }

  private select(now: number, keep: (e: ClusterEvent) => boolean): EventView[] {
    const out: EventView[] = [];
    for (const entry of this.events) {
      for (const e of entry instanceof ClusterEvent ? [entry] : entry.expand()) {
        if (!keep(e)) continue;
        const v = e.at(now);
        if (v && v.lastTimestamp + EVENT_TTL_SECONDS > now) out.push(v);
      }
    }
    return out;
  }

  private add(input: EventInput, key: string | undefined, at: number, count: number): ClusterEvent {
    const e = new ClusterEvent(this.nextSeq++, input.subject, input.fieldPath, input.type, input.reason, input.format, input.a, input.b ?? '', input.source, at, at, count);
    this.events.push(e);
    if (key !== undefined) this.repeatable.set(key, e);
    return e;
  }
}

/** What makes two events the same for the recorder's aggregation: object, container, reason, message, source. */
function keyOf(i: EventInput): string {
  return `${i.subject.metadata.uid}\u0000${i.fieldPath ?? ''}\u0000${i.type}\u0000${i.reason}\u0000${i.source.component}\u0000${i.source.host ?? ''}\u0000${i.format(i.a, i.b ?? '', i.subject)}`;
}
