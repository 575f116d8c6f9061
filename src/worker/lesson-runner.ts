/**
 * A lesson played on a session: opens it at a step (the lesson's start, then
 * the solutions of the steps before, so every step starts the same way),
 * records what the learner does, and checks the step's tasks after every
 * edit, command, request and clock advance. A task once met stays ticked
 * for the rest of the step.
 */
import { goalMet, type StepWorld } from '../lessons/goals';
import { hostKindOf, requestRecordOf, stepStartOf, type CommandRecord, type RequestRecord, type StepStart } from '../lessons/observations';
import type { Lesson, LessonOp } from '../lessons/schema';
import { opsBefore } from '../lessons/lesson-steps';
import { fillPlaceholders } from '../lessons/placeholders';
import type { ApplyResult, LessonStatus, SessionOp } from './protocol';
import type { SimSession } from './session';

/** Requests kept per step: enough for any goal, bounded under a 10,000-request load experiment. */
const MAX_REQUESTS = 20_000;
const MAX_COMMANDS = 500;

/** A lesson op as the session does it; `fill` resolves placeholders against the cluster of the moment. */
export function sessionOpOf(op: LessonOp, fill: (text: string) => string = (t) => t): SessionOp {
  if ('run' in op) return { op: 'run', line: fill(op.run) };
  if ('request' in op) return { op: 'trace', request: { from: op.request.from, url: fill(op.request.url) } };
  if ('send' in op) return { op: 'send', request: { from: op.send.from, url: fill(op.send.url) }, count: op.send.count };
  if ('advance' in op) return { op: 'advance', seconds: op.advance };
  return { op: 'apply', yaml: fill(op.edit) };
}


export class LessonRunner {
  step = 0;
  private start!: StepStart;
  private requests: RequestRecord[] = [];
  private commands: CommandRecord[] = [];
  private met: boolean[] = [];

  constructor(
    readonly session: SimSession,
    readonly lesson: Lesson,
  ) {}

  /** Loads the lesson's start and replays everything before `step`; then the step begins. The start's own result is answered. */
  open(step: number): ApplyResult {
    const s = Math.max(0, Math.min(this.lesson.steps.length - 1, step));
    const { start } = this.lesson;
    this.session.files = this.lesson.files ?? {};
    const started = this.session.loadScenario({ yaml: start.scenario, seed: start.seed ?? 1, ...(start.cluster ? { clusterConfig: start.cluster } : {}) });
    // Each op's placeholders are filled just before it runs, as "Show me" does.
    for (const op of opsBefore(this.lesson, s)) this.session.perform(sessionOpOf(op, (t) => fillPlaceholders(t, this.session.sim)));
    this.session.shell.detach();
    this.begin(s);
    return started;
  }

  /** The step begins on the cluster as it is now (after the previous step, the learner's own state). */
  begin(step: number): void {
    this.step = Math.max(0, Math.min(this.lesson.steps.length - 1, step));
    this.start = stepStartOf(this.session.sim);
    this.requests = [];
    this.commands = [];
    this.met = this.lesson.steps[this.step]!.tasks.map(() => false);
    this.observe();
  }

  /** Hooks the current simulation's requests (a load makes a new one). */
  observe(): void {
    const sim = this.session.sim;
    sim.requestObserver = (client, result) => {
      if (this.requests.length >= MAX_REQUESTS) return;
      this.requests.push(requestRecordOf(sim, client, result, hostKindOf(sim, result.host)));
    };
  }

  commandRan(record: CommandRecord): void {
    if (this.commands.length >= MAX_COMMANDS) this.commands.shift();
    this.commands.push({ ...record, output: record.output.slice(0, 64 * 1024) });
  }

  private world(): StepWorld {
    const sim = this.session.sim;
    return {
      sim,
      start: this.start,
      requests: this.requests,
      commands: this.commands,
      rules: (node) => {
        const mode = sim.config.proxyMode;
        const lines = mode === 'nftables' ? [`docker exec ${node} nft list ruleset`] : mode === 'ipvs' ? [`docker exec ${node} iptables-save`, `docker exec ${node} ipvsadm -Ln`] : [`docker exec ${node} iptables-save`];
        return lines.map((l) => this.session.peek(l)).join('\n');
      },
    };
  }

  /** Checks the step's tasks now; met ones stay met. */
  status(): LessonStatus {
    const step = this.lesson.steps[this.step]!;
    const world = this.world();
    step.tasks.forEach((task, i) => {
      if (!this.met[i]) {
        try {
          this.met[i] = goalMet(task.goal, world);
        } catch {
          this.met[i] = false;
        }
      }
    });
    return {
      id: this.lesson.id,
      step: this.step,
      steps: this.lesson.steps.length,
      tasks: step.tasks.map((t, i) => ({ title: t.title, done: this.met[i]! })),
      stepDone: this.met.every(Boolean),
    };
  }
}
