/**
 * Keeps the simulation answering. The core runs synchronously in its worker,
 * so a call that never ends cannot be cancelled, only ended with the worker:
 * every call gets a deadline, and a worker that overruns it, dies, or is
 * interrupted (Ctrl+C) or reset is replaced. The new worker is rebuilt from
 * the session's history (the scenario and the ops done since, as share links
 * replay them, protocol.ts SessionOp), without the call that was lost.
 *
 * Calls run one at a time from a queue of the supervisor's own (the worker
 * answers in order anyway), so each deadline counts from the moment its call
 * starts, and a reset can drop what waits. Pure logic over a worker factory:
 * the tests drive it with fake workers (supervisor.test.ts).
 */
import type { ApplyResult, ScenarioInput, SimApi } from './protocol';

export type Method = keyof SimApi;

/** Why a call got no answer: it overran its deadline, the worker died, the learner pressed Ctrl+C, or a new scenario replaced the session. */
export type LostReason = 'timeout' | 'died' | 'interrupted' | 'reset';

export class SimLostError extends Error {
  constructor(
    readonly reason: LostReason,
    readonly method: Method,
    readonly deadlineMs = 0,
  ) {
    super(lostMessage(reason, deadlineMs));
    this.name = 'SimLostError';
  }
}

function lostMessage(reason: LostReason, deadlineMs: number): string {
  if (reason === 'timeout') return `the simulation took longer than ${Math.round(deadlineMs / 1000)} s and was stopped`;
  if (reason === 'died') return 'the simulation stopped unexpectedly';
  if (reason === 'interrupted') return 'interrupted';
  return 'replaced by a new scenario';
}

/** One worker, as the supervisor sees it. */
export interface SimEndpoint {
  api: SimApi;
  terminate(): void;
}

/** Starts a worker; it calls `died` when that worker ends on its own (its calls will never be answered). */
export type EndpointFactory = (died: () => void) => SimEndpoint;

export type SupervisorEvent =
  /** A replacement worker holds the session again; `dropped` ops of the history could not be replayed. */
  | { kind: 'recovered'; reason: LostReason; method: Method | null; replayed: number; dropped: number; result: ApplyResult }
  /** Not even the scenario alone could be rebuilt. */
  | { kind: 'failed'; reason: LostReason; method: Method | null; message: string };

export interface SupervisorOptions {
  factory: EndpointFactory;
  /** The session to rebuild after a loss; null before anything was loaded. */
  history(): ScenarioInput | null;
  onEvent(event: SupervisorEvent): void;
  /** How long a call may run; by default DEADLINES. */
  deadlineMs?(method: Method): number;
}

/** A whole load replays a history and settles the cluster: it gets longer than one command. */
export const DEADLINES: { load: number; other: number } = { load: 20_000, other: 10_000 };

interface Job {
  method: Method;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** A rebuild's load, queued by the supervisor itself. */
  internal?: boolean;
}

/** Every SimApi method, checked by the type: a method added to the protocol and not here fails the build. */
const METHOD_SET: Record<Method, true> = {
  load: true, applyYaml: true, run: true, editSaved: true, trace: true, sendMany: true, advance: true, peek: true, complete: true, snapshot: true,
  lessonOpen: true, lessonBegin: true, lessonStatus: true, lessonFill: true, lessonLeave: true,
};
const METHODS = Object.keys(METHOD_SET) as Method[];
/** Calls that start a whole session (a load, or a lesson's step with its replay): the long deadline. */
const LOADS: ReadonlySet<Method> = new Set<Method>(['load', 'lessonOpen']);

export class SimSupervisor {
  /** The SimApi the UI calls: the same promises, kept answering. */
  readonly api: SimApi;
  private endpoint: SimEndpoint | null = null;
  /** Bumped with every worker replaced: answers from an older worker are ignored. */
  private generation = 0;
  private queue: Job[] = [];
  private running: Job | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadlineOverride: number | null = null;

  constructor(private readonly options: SupervisorOptions) {
    const api: Partial<Record<Method, (...args: unknown[]) => Promise<unknown>>> = {};
    for (const m of METHODS) api[m] = (...args) => this.call(m, args);
    this.api = api as unknown as SimApi;
  }

  /** Ends whatever runs or waits (their promises reject with reason 'reset'); the caller loads what comes next. */
  reset(): void {
    if (this.running) this.lose('reset');
    else this.dropQueue('reset');
  }

  /**
   * Ctrl+C: drops waiting calls of `method`, and ends the worker when one of
   * them runs (the session is rebuilt without it). Returns whether anything was interrupted.
   */
  interrupt(method: Method): boolean {
    const waiting = this.queue.filter((j) => j.method === method && !j.internal);
    this.queue = this.queue.filter((j) => !waiting.includes(j));
    waiting.forEach((j) => j.reject(new SimLostError('interrupted', method)));
    if (this.running?.method === method && !this.running.internal) {
      this.lose('interrupted');
      return true;
    }
    return waiting.length > 0;
  }

  /** Whether a call is running or waiting. */
  get busy(): boolean {
    return this.running !== null || this.queue.length > 0;
  }

  /** For tests: one deadline for every call (null: back to the defaults). */
  setDeadline(ms: number | null): void {
    this.deadlineOverride = ms;
  }

  /** For tests: the current worker, if one runs. */
  get current(): SimEndpoint | null {
    return this.endpoint;
  }

  private deadline(method: Method): number {
    if (this.deadlineOverride !== null) return this.deadlineOverride;
    return this.options.deadlineMs?.(method) ?? (LOADS.has(method) ? DEADLINES.load : DEADLINES.other);
  }

  private call(method: Method, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ method, args, resolve, reject });
      this.pump();
    });
  }

  private worker(): SimEndpoint {
    if (this.endpoint) return this.endpoint;
    const generation = this.generation;
    this.endpoint = this.options.factory(() => {
      if (generation === this.generation) this.lose('died');
    });
    return this.endpoint;
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = job;
    const generation = this.generation;
    const limit = this.deadline(job.method);
    this.timer = setTimeout(() => {
      if (generation === this.generation) this.lose('timeout', limit);
    }, limit);
    let answer: Promise<unknown>;
    try {
      const fn = this.worker().api[job.method] as (...a: unknown[]) => Promise<unknown>;
      answer = fn(...job.args);
    } catch (e) {
      answer = Promise.reject(e);
    }
    const settle = (ok: boolean, value: unknown): void => {
      if (generation !== this.generation || this.running !== job) return;
      clearTimeout(this.timer);
      this.running = null;
      if (ok) job.resolve(value);
      else job.reject(value);
      this.pump();
    };
    answer.then(
      (v) => settle(true, v),
      (e) => settle(false, e),
    );
  }

  private dropQueue(reason: LostReason): void {
    const dropped = this.queue;
    this.queue = [];
    dropped.filter((j) => !j.internal).forEach((j) => j.reject(new SimLostError(reason, j.method)));
  }

  /** Ends the worker; the call it ran gets no answer but a SimLostError. Rebuilds unless a reset or a load was lost. */
  private lose(reason: LostReason, deadlineMs = 0): void {
    const job = this.running;
    clearTimeout(this.timer);
    this.running = null;
    this.endpoint?.terminate();
    this.endpoint = null;
    this.generation++;
    if (reason === 'reset') {
      if (job && !job.internal) job.reject(new SimLostError(reason, job.method));
      this.dropQueue(reason);
      return;
    }
    if (job) job.reject(new SimLostError(reason, job.method, deadlineMs));
    // A lost load is for its caller to replace (it knows what to open instead);
    // a lost rebuild tries again with less (its own reject did that).
    if (!job || (!job.internal && !LOADS.has(job.method))) this.rebuild(reason, job?.method ?? null);
    this.pump();
  }

  private rebuild(reason: LostReason, method: Method | null): void {
    const input = this.options.history();
    if (!input) return;
    const ops = input.history ?? [];
    const attempt = (withOps: boolean): void => {
      const scenario: ScenarioInput = { ...input, history: withOps ? ops : [] };
      delete scenario.showTraceAt;
      this.queue.unshift({
        method: 'load',
        args: [scenario],
        internal: true,
        resolve: (result) =>
          this.options.onEvent({ kind: 'recovered', reason, method, replayed: withOps ? ops.length : 0, dropped: withOps ? 0 : ops.length, result: result as ApplyResult }),
        reject: (error) => {
          if (error instanceof SimLostError && error.reason === 'reset') return;
          if (withOps && ops.length > 0) return attempt(false);
          this.options.onEvent({ kind: 'failed', reason, method, message: error instanceof Error ? error.message : String(error) });
        },
      });
    };
    attempt(true);
  }
}
