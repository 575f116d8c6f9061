/**
 * One learner's session: the simulation, its shell, and what the editor has
 * applied. The worker exposes it; tests and the CLI can use it in-process.
 * Editing the scenario YAML applies it onto the running cluster, and objects
 * removed from the YAML are deleted (as `kubectl apply --prune` would).
 */
import { ClusterConfigError, parseClusterConfig, defaultClusterConfig } from '../sim/scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../sim/scenario/default-scenario';
import { Simulation } from '../sim/simulation';
import { buildSnapshot, SNAPSHOT_LIMITS, type SourceMap } from '../sim/view/build-snapshot';
import type { ClusterSnapshot, Diagnostic, RequestSpec, TraceView } from '../sim/view/snapshot';
import { performRequest } from '../sim/net/request';
import { MAX_SLEEP_SECONDS, Shell } from '../shell/shell';
import { textOf, type CommandResult as ShellResult } from '../shell/types';
import { completeLine } from '../shell/complete';
import { applyEditorYaml } from './editor-apply';
import { editorDrift } from './drift';
import { LessonRunner } from './lesson-runner';
import { parseLesson } from '../lessons/parse-lesson';
import { fillPlaceholders } from '../lessons/placeholders';
import type { ApplyOptions, ApplyResult, CommandResult, LessonOpenInput, LessonOpenResult, LessonStatus, LoadResult, ScenarioInput, SessionOp, SimApi, TraceResult } from './protocol';

/** The most requests one load experiment sends. */
export const MAX_LOAD = 10_000;

/** The file name under which the terminal sees the editor's text (kubectl apply -f scenario.yaml). */
export const SCENARIO_FILE = 'scenario.yaml';

export class SimSession {
  private simNow?: Simulation;
  private shellNow?: Shell;
  private yaml = DEFAULT_SCENARIO_YAML;
  private editorObjects = new Set<string>();
  private sources: SourceMap = new Map();
  /** Files the terminal can read besides the editor's (a lesson's). */
  files: Record<string, string> = {};
  /** Pods the last traced request passed through ("NS/NAME"): a big cluster's snapshot keeps them on the canvas. */
  private tracedPods = new Set<string>();
  /** The lesson being played, if any. */
  lesson?: LessonRunner;

  /**
   * The default cluster is built on first use, not in the constructor: the worker's first
   * call is a load, which would throw a bootstrapped cluster away at once.
   */
  private startDefault(): void {
    this.simNow = new Simulation(defaultClusterConfig(), DEFAULT_SEED);
    this.shellNow = this.newShell();
  }

  get sim(): Simulation {
    if (!this.simNow) this.startDefault();
    return this.simNow!;
  }
  set sim(sim: Simulation) {
    this.simNow = sim;
  }

  get shell(): Shell {
    if (!this.simNow) this.startDefault();
    return (this.shellNow ??= this.newShell());
  }
  set shell(shell: Shell) {
    this.shellNow = shell;
  }

  private newShell(): Shell {
    return new Shell(this.sim, {
      readFile: (path) => {
        const name = path.startsWith('./') ? path.slice(2) : path;
        if (name === SCENARIO_FILE) return this.yaml;
        return Object.hasOwn(this.files, name) ? this.files[name] : undefined;
      },
      // The browser's workstation has one folder: the scenario and the lesson's files.
      listDir: (path) => (path === '.' || path === './' ? [SCENARIO_FILE, ...Object.keys(this.files)].sort() : undefined),
      editor: true,
    });
  }

  /** Starts over from a scenario, outside any lesson. */
  load(scenario: ScenarioInput): ApplyResult {
    if (scenario.lesson) {
      const { text, file, step } = scenario.lesson;
      const opened = this.lessonOpen({ text, step, history: scenario.history ?? [], ...(file ? { file } : {}), ...(scenario.showTraceAt !== undefined ? { showTraceAt: scenario.showTraceAt } : {}) });
      if (opened.ok) return opened.apply;
    }
    this.lesson = undefined;
    this.files = {};
    return this.loadScenario(scenario);
  }

  /** A fresh cluster from the scenario, then its history replayed. */
  loadScenario(scenario: ScenarioInput): ApplyResult {
    let config = defaultClusterConfig();
    const configErrors: Diagnostic[] = [];
    if (scenario.clusterConfig) {
      try {
        config = parseClusterConfig(scenario.clusterConfig);
      } catch (e) {
        const line = e instanceof ClusterConfigError ? (e.line ?? 1) : 1;
        configErrors.push({ startLine: line, startColumn: 1, endLine: line, endColumn: 2, message: (e as Error).message, severity: 'error' });
      }
    }
    this.sim = new Simulation(config, scenario.seed);
    this.shell = this.newShell();
    this.editorObjects = new Set();
    this.sources = new Map();
    const result = this.applyYaml(scenario.yaml);
    const replayed = this.replay(scenario.history ?? [], scenario.showTraceAt);
    // A reopened session starts with a fresh terminal: a pod shell the history opened is left.
    this.shell.detach();
    if (replayed) return { ...result, snapshot: this.snapshot(), trace: replayed };
    if (scenario.history?.length) return { ...result, snapshot: this.snapshot() };
    return configErrors.length ? { ...result, ok: false, diagnostics: [...configErrors, ...result.diagnostics] } : result;
  }

  applyYaml(yaml: string, options: ApplyOptions = {}): ApplyResult {
    const outcome = applyEditorYaml(this.sim, yaml, this.editorObjects, options.onlyIfSameObjects === true);
    if (outcome.applied) {
      this.yaml = yaml;
      this.editorObjects = outcome.objects;
      this.sources = outcome.sources;
    }
    return {
      ok: outcome.diagnostics.every((d) => d.severity !== 'error'),
      ...(outcome.deferred ? { deferred: true } : {}),
      diagnostics: outcome.diagnostics,
      summary: outcome.summary,
      snapshot: this.snapshot(),
    };
  }

  /** Replays ops after a load; returns the trace of op `showAt` when it is a trace. */
  private replay(ops: SessionOp[], showAt?: number): TraceView | undefined {
    let shown: TraceView | undefined;
    ops.forEach((o, i) => {
      const t = this.perform(o);
      if (i === showAt) shown = t;
    });
    return shown;
  }

  /** Does one op as the learner would have; a trace op returns its trace. */
  perform(o: SessionOp): TraceView | undefined {
    if (o.op === 'apply') this.applyYaml(o.yaml);
    else if (o.op === 'run') this.run(o.line);
    else if (o.op === 'advance') this.advance(o.seconds);
    else if (o.op === 'send') this.sendMany(o.request, o.count);
    else if (o.op === 'edit') this.editSaved(o.text);
    else return this.trace(o.request).trace;
    return undefined;
  }

  run(line: string): CommandResult {
    const wasReadingHeredoc = this.shell.continuing;
    const result = this.shell.run(line);
    // A here-document's lines are input, not commands: the lesson sees the command once it runs.
    if (!this.shell.continuing) this.lesson?.commandRan({ line: wasReadingHeredoc ? this.shell.heredocLine : line, output: textOf(result), exitCode: result.exitCode });
    return this.commandResult(result);
  }
  /** kubectl edit's editor saved: what kubectl prints, and the file again when the save failed. */
  editSaved(text: string): CommandResult {
    return this.commandResult(this.shell.saveEdit(text));
  }

  private commandResult(result: ShellResult): CommandResult {
    const editing = this.shell.editFile;
    const edit = editing ? { edit: { title: editing.title, text: editing.text, language: editing.format } } : {};
    return { output: textOf(result), exitCode: result.exitCode, prompt: this.shell.prompt, ...edit, snapshot: this.snapshot() };
  }

  /** Runs a read-only line on the workstation, whatever shell the terminal is attached to. */
  peek(line: string): string {
    return textOf(this.shell.runDetached(line));
  }

  trace(request: RequestSpec): TraceResult {
    const client = request.from === 'workstation' ? ({ kind: 'workstation' } as const) : this.clientPod(request.from);
    if (!client) {
      return { trace: { request, hops: [], ok: false, result: `pod "${request.from}" not found` }, snapshot: this.snapshot() };
    }
    const res = performRequest(this.sim, this.shell.dataPlane, client, request.url);
    this.tracedPods = new Set(res.hops.flatMap((h) => [h.from, h.to]).filter((id) => id.startsWith('pod:')).map((id) => id.slice(4)));
    const result = res.ok ? res.answer!.body : `curl: (${res.error!.code}) ${res.error!.message}`;
    return {
      trace: { request, hops: res.hops, ok: res.ok, result, ...(res.servedBy ? { servedBy: `${res.servedBy.metadata.namespace}/${res.servedBy.metadata.name}` } : {}) },
      snapshot: this.snapshot(),
    };
  }

  sendMany(request: RequestSpec, count: number): LoadResult {
    const client = request.from === 'workstation' ? ({ kind: 'workstation' } as const) : this.clientPod(request.from);
    const perPod = new Map<string, number>();
    const failures = new Map<string, number>();
    const n = Math.max(0, Math.min(MAX_LOAD, Math.floor(count)));
    for (let i = 0; client && i < n; i++) {
      const res = performRequest(this.sim, this.shell.dataPlane, client, request.url);
      if (res.ok && res.servedBy) {
        const key = `${res.servedBy.metadata.namespace}/${res.servedBy.metadata.name}`;
        perPod.set(key, (perPod.get(key) ?? 0) + 1);
      } else {
        const error = res.ok ? 'answered by no pod' : `curl: (${res.error!.code}) ${res.error!.message}`;
        failures.set(error, (failures.get(error) ?? 0) + 1);
      }
    }
    if (!client) failures.set(`pod "${request.from}" not found`, n);
    return {
      request,
      count: n,
      perPod: [...perPod.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([pod, c]) => ({ pod, count: c })),
      failures: [...failures.entries()].map(([error, c]) => ({ error, count: c })),
      snapshot: this.snapshot(),
    };
  }

  advance(seconds: number): ClusterSnapshot {
    // As `sleep` bounds it (shell.ts MAX_SLEEP_SECONDS); NaN advances nothing.
    this.sim.advance(Math.min(MAX_SLEEP_SECONDS, Math.max(0, seconds || 0)));
    return this.snapshot();
  }

  complete(line: string): string[] {
    return completeLine(this.sim, line);
  }

  snapshot(): ClusterSnapshot {
    const snap = buildSnapshot(this.sim, this.sources, SNAPSHOT_LIMITS, this.tracedPods);
    for (const node of snap.nodes) {
      node.proxyRuleCount = this.shell.plane.proxyRuleCount(node.name);
    }
    const drift = editorDrift(this.sim, this.yaml, this.editorObjects);
    if (drift.length) snap.drift = drift;
    return snap;
  }

  lessonOpen(input: LessonOpenInput): LessonOpenResult {
    const parsed = parseLesson(input.text, input.file);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    const runner = new LessonRunner(this, parsed.lesson);
    const started = runner.open(input.step);
    const broken = started.diagnostics.filter((d) => d.severity === 'error');
    if (broken.length) {
      // A start that does not apply is the lesson's bug: say where, as for any other field.
      const file = input.file ?? 'lesson.yaml';
      return { ok: false, problems: broken.map((d) => ({ file, field: 'start', line: 0, message: `the start does not apply: line ${d.startLine} of the scenario: ${d.message}` })) };
    }
    this.lesson = runner;
    const shown = this.replay(input.history ?? [], input.showTraceAt);
    const snapshot = this.snapshot();
    const apply: ApplyResult = { ok: true, diagnostics: [], summary: `lesson · step ${runner.step + 1}`, snapshot, ...(shown ? { trace: shown } : {}) };
    return { ok: true, lesson: parsed.lesson, status: runner.status(), editorText: this.yaml, apply };
  }

  lessonBegin(step: number): LessonStatus | null {
    if (!this.lesson) return null;
    this.lesson.begin(step);
    return this.lesson.status();
  }

  lessonStatus(): LessonStatus | null {
    return this.lesson?.status() ?? null;
  }

  /** A lesson text's placeholders ({{pod app=web}}) filled from the cluster now. */
  lessonFill(text: string): string {
    return fillPlaceholders(text, this.sim);
  }

  lessonLeave(): void {
    this.lesson = undefined;
    this.files = {};
    this.sim.requestObserver = undefined;
  }

  private clientPod(ref: string) {
    const [ns, name] = ref.includes('/') ? ref.split('/') : ['default', ref];
    const pod = this.sim.cluster.store.get('Pod', ns, name!);
    return pod && pod.status.podIP ? ({ kind: 'pod', pod } as const) : undefined;
  }
}

/** The SimApi over an in-process session (the worker wraps this with comlink). */
export function createSession(): SimApi {
  const s = new SimSession();
  return {
    load: async (scenario) => s.load(scenario),
    applyYaml: async (yaml, options) => s.applyYaml(yaml, options),
    run: async (line) => s.run(line),
    editSaved: async (text) => s.editSaved(text),
    trace: async (req) => s.trace(req),
    sendMany: async (req, count) => s.sendMany(req, count),
    advance: async (seconds) => s.advance(seconds),
    complete: async (line) => s.complete(line),
    peek: async (line) => s.peek(line),
    snapshot: async () => s.snapshot(),
    lessonOpen: async (input) => s.lessonOpen(input),
    lessonBegin: async (step) => s.lessonBegin(step),
    lessonStatus: async () => s.lessonStatus(),
    lessonFill: async (text) => s.lessonFill(text),
    lessonLeave: async () => s.lessonLeave(),
  };
}

