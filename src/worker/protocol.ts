/**
 * The typed protocol between the UI and the simulation worker. Requests and
 * results are plain data (structured-clone safe).
 */
import type { ClusterSnapshot, Diagnostic, RequestSpec, TraceView } from '../sim/view/snapshot';
import type { LessonProblem } from '../lessons/parse-lesson';
import type { Lesson } from '../lessons/schema';

/**
 * One thing done to a session after its scenario was loaded. Replaying a
 * session's ops on the same scenario and seed rebuilds exactly the same
 * cluster (the same names, IPs and load-balancing draws): share links carry them.
 */
export type SessionOp =
  | { op: 'apply'; yaml: string }
  | { op: 'run'; line: string }
  | { op: 'trace'; request: RequestSpec }
  | { op: 'send'; request: RequestSpec; count: number }
  | { op: 'advance'; seconds: number }
  /** kubectl edit's editor saved this text (or was closed: the text it showed). */
  | { op: 'edit'; text: string };

export interface ScenarioInput {
  /** The scenario's Kubernetes YAML (multi-document). */
  yaml: string;
  /** Optional kind Cluster config YAML. */
  clusterConfig?: string;
  seed: number;
  /** Ops to replay after loading, in order. */
  history?: SessionOp[];
  /** The index in `history` of a trace op whose trace the result should carry. */
  showTraceAt?: number;
  /**
   * Open this lesson at this step instead of the plain scenario; `history` is then the
   * learner's ops within the step. A rebuilt worker gets its lesson back this way.
   */
  lesson?: { text: string; file?: string; step: number };
}

export interface ApplyResult {
  /** False when the YAML has errors; the cluster then keeps its last good state. */
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Nothing was applied yet: the edit changes which objects exist (see ApplyOptions). */
  deferred?: boolean;
  /** "applied · 6 objects" or the first error, for the editor's status line. */
  summary: string;
  snapshot: ClusterSnapshot;
  /** The trace of the replayed op `showTraceAt`, when one was asked for. */
  trace?: TraceView;
}

export interface ApplyOptions {
  /** Apply only when the edit keeps the same objects; otherwise answer `deferred` and change nothing. */
  onlyIfSameObjects?: boolean;
}

export interface CommandResult {
  /** What the terminal shows (stdout and stderr, in order). */
  output: string;
  exitCode: number;
  /** The prompt for the next line: "$", or a pod shell's ("/ #") while one is attached. */
  prompt: string;
  /** kubectl edit waits for its editor: the file to show. The line has not ended until `editSaved`. */
  edit?: EditView;
  snapshot: ClusterSnapshot;
}

/** The file kubectl edit hands to the editor. */
export interface EditView {
  /** What is edited: "service/web", or the objects of a list. */
  title: string;
  text: string;
  language: 'yaml' | 'json';
}

export interface TraceResult {
  trace: TraceView;
  snapshot: ClusterSnapshot;
}

export interface LoadResult {
  request: RequestSpec;
  count: number;
  /** Answers per pod ("NS/NAME"), in pod order. */
  perPod: { pod: string; count: number }[];
  /** Requests that failed, by curl's error text. */
  failures: { error: string; count: number }[];
  snapshot: ClusterSnapshot;
}

/** Where a learner stands in a lesson: the step and whether each of its tasks is done. */
export interface LessonStatus {
  id: string;
  step: number;
  steps: number;
  tasks: { title: string; done: boolean }[];
  stepDone: boolean;
}

export interface LessonOpenInput {
  /** The lesson file's text (built-in or a teacher's). */
  text: string;
  /** Its name, for error messages. */
  file?: string;
  /** The step to open at (0-based); it starts as the lesson's solutions leave it. */
  step: number;
  /** The learner's own ops within that step, replayed after its start (a reload, a share link). */
  history?: SessionOp[];
  showTraceAt?: number;
}

export type LessonOpenResult =
  | { ok: true; lesson: Lesson; status: LessonStatus; editorText: string; apply: ApplyResult }
  | { ok: false; problems: LessonProblem[] };

/** The worker's API; every call is answered in order. */
export interface SimApi {
  /** Start over: a fresh cluster from the scenario. */
  load(scenario: ScenarioInput): Promise<ApplyResult>;
  /** Apply edited YAML onto the running cluster (objects removed from it are deleted). */
  applyYaml(yaml: string, options?: ApplyOptions): Promise<ApplyResult>;
  /** Run one shell line, as typed in the terminal. */
  run(line: string): Promise<CommandResult>;
  /** kubectl edit's editor saved `text` (Cancel sends the text it showed): kubectl's answer, maybe the file again. */
  editSaved(text: string): Promise<CommandResult>;
  /** Trace one request hop by hop. */
  trace(request: RequestSpec): Promise<TraceResult>;
  /** Send the same request `count` times and count which pod answered each (the load view). */
  sendMany(request: RequestSpec, count: number): Promise<LoadResult>;
  /** Let simulated time pass (readiness delays, graceful termination, affinity timeouts). */
  advance(seconds: number): Promise<ClusterSnapshot>;
  /** A read-only command's output for a view (the Events and Node rules tabs), outside the terminal. */
  peek(line: string): Promise<string>;
  /** Tab completion candidates for a partial line. */
  complete(line: string): Promise<string[]>;
  snapshot(): Promise<ClusterSnapshot>;
  /** Opens a lesson at a step (a fresh cluster from its start); a bad lesson answers its problems. */
  lessonOpen(input: LessonOpenInput): Promise<LessonOpenResult>;
  /** Begins another step on the cluster as the learner left it (Next). */
  lessonBegin(step: number): Promise<LessonStatus | null>;
  /** The current step's tasks, checked now; null outside a lesson. */
  lessonStatus(): Promise<LessonStatus | null>;
  /** Fills a lesson text's placeholders ({{pod app=web}}, {{clusterIP web}}) from the cluster now. */
  lessonFill(text: string): Promise<string>;
  /** Leaves the lesson (the sandbox loads its own scenario next). */
  lessonLeave(): Promise<void>;
}
