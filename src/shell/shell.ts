/**
 * The simulated shell: runs one line as bash would for the commands we know
 * (`;`, `&&`, `||`, pipes, a `for i in $(seq 1 N); do ...; done` loop), and
 * answers unknown commands as bash does.
 */
import type { Pod } from '../sim/model/types';
import { createDataPlane, type NodeDataPlane } from '../sim/net/data-plane';
import type { DataPlane } from '../sim/net/packet';
import type { Simulation } from '../sim/simulation';
import { kubectl, type RunAttach } from './kubectl/kubectl';
import { numberedEdit, saveEdit, type EditState } from './kubectl/edit/edit-session';
import { WHOLE_LINE_ONLY, wholeLineCommand } from './edit-line';
import { execInPod } from './pod-exec';
import { podEnvVars, podFile } from './tools/pod-files';
import { evalTest } from './test-builtin';
import { printf } from './printf';
import { toolsetOf } from './tools/images';
import { ParseError, tokenize } from './parse/tokenize';
import { parse, type List, type Node, type Pipeline } from './parse/parse';
import { ArithmeticError, BadSubstitution, Scope, assignment, expandFields, expandWord, type Expansion } from './expand';
import { openRedirections, route, syntaxError, type Command } from './redirect';
import { HeredocReader, heredocOps } from './heredoc';
import { catFiles, listFiles, textTool } from './text-tools';
import { runCurl } from './tools/curl';
import { withPreparedFiles } from './prepared-files';
import { docker, type NodeShell } from './tools/docker';
import { execOnNode } from './tools/node-exec';
import { nodeEnvVars, nodeNotFound, nodePrompt } from './tools/node-shell';
import { runWget } from './tools/wget';
import { capOutput } from './output-cap';
import { Jobs } from './jobs';
import { backgroundLine, reapJobs, withForwards } from './forwards';
import { err, out, stdoutOf, type CommandContext, type CommandResult, type OutputChunk, type ShellEnv } from './types';

/** A line run by `sh` inside a pod's container (kubectl exec POD -- sh -c LINE). */
interface PodTarget {
  pod: Pod;
  container?: string;
}

/** A line run by a shell on a kind node (docker exec NODE bash). */
interface NodeTarget {
  node: string;
  shell: NodeShell;
}

/** Where a line runs other than the workstation's bash. */
type Target = PodTarget | NodeTarget;

const onNode = (t: Target | undefined): t is NodeTarget => t !== undefined && 'node' in t;

/** What a line runs with: where (the workstation's bash, a pod's sh, a node's shell), its variables, how deep in $(...) it is. */
interface RunContext {
  target: Target | undefined;
  scope: Scope;
  sh: 'bash' | 'sh';
  depth: number;
  /** Whether the line's stdout is a terminal (the workstation, an attached pod shell, kubectl exec -t). */
  tty: boolean;
  /** Set by an expansion error (bad substitution, division by 0): bash drops the rest of the line. */
  aborted?: boolean;
}

/** How deep command substitutions may nest (bash has no such limit; the call stack does). */
const MAX_SUBSTITUTION_DEPTH = 32;

/** echo as bash's builtin and busybox's applet print: -n (no newline), -e (backslash escapes), -E. */
function echo(args: string[]): CommandResult {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
    for (const f of args[i]!.slice(1)) {
      if (f === 'n') newline = false;
      else escapes = f === 'e';
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    const map: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', r: '\r', v: '\v' };
    text = text.replace(/\\([ntabefrv\\])/g, (_, ch: string) => map[ch]!);
  }
  return out(newline ? text + '\n' : text);
}

/**
 * What one command line may cost in this simulated shell (bash has no such limits; a browser tab
 * does): loop iterations, nested loops included; characters of output (the rest is cut, with a
 * note); and words given to one command.
 */
export const LINE_LIMITS = { iterations: 10_000, outputChars: 1_000_000, words: 10_000 } as const;

interface Budget {
  iterations: number;
  output: number;
  /** Said once: the loops past the budget stop without repeating it. */
  said?: boolean;
}

/** The longest a `sleep` advances the simulated clock: a simulator limit (GNU sleep would wait). */
export const MAX_SLEEP_SECONDS = 30 * 24 * 3600;

const SLEEP_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/**
 * GNU coreutils sleep's operands (sleep.c apply_suffix: a number, an optional s/m/h/d, all summed),
 * or the error it prints; `inf` or a total past MAX_SLEEP_SECONDS is refused in the simulator's words.
 */
function sleepSeconds(args: string[]): number | string {
  if (args.length === 0) return "sleep: missing operand\nTry 'sleep --help' for more information.\n";
  let total = 0;
  for (const a of args) {
    const m = /^\+?((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(a);
    if (!m) return `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`;
    total += Number(/^inf/i.test(m[1]!) ? Infinity : m[1]) * SLEEP_UNITS[m[2]!.toLowerCase()]!;
  }
  if (!(total <= MAX_SLEEP_SECONDS)) return `sleep: the simulated clock advances at most ${MAX_SLEEP_SECONDS} seconds (30 days) at a time\n`;
  return total;
}

/** An interactive shell the terminal is attached to: lines go to it until `exit`. */
interface Attached {
  target: Target;
  prompt: string;
  /** kubectl run -it: the shell is the container's main process (--rm: the pod goes when it exits). */
  run?: RunAttach;
  /** The attached sh's variables, kept from line to line. */
  scope: Scope;
}

/** The line the terminal sends for Ctrl+C at a continuation prompt (ETX, what the key types). */
export const INTERRUPT = '\u0003';

export class Shell {
  readonly plane: NodeDataPlane;
  private attached?: Attached;
  /** The status an `exit` in the attached node shell's line ended it with. */
  private attachedExit?: number;
  /** What that `exit` said of a word that is no number (after bash's "exit" line). */
  private attachedExitRefused = '';
  /** kubectl edit waiting for its editor's save: the terminal's line has not ended. */
  private editing?: EditState;
  /** The simple command that is the whole line being typed (the only one that may open the editor). */
  private wholeLine?: Node;
  /** A line typed in the terminal is running (not a view's peek). */
  private typed = false;
  /** How many kubectl edits this terminal opened (each names its files anew). */
  private edits = 0;
  /** The budget of the line being run (LINE_LIMITS), shared by everything it runs. */
  private budget?: Budget;
  /** The workstation bash's variables and $?, kept from line to line of this terminal. */
  private readonly scope = new Scope();
  /** The command line of the here-document that completed last (what a lesson sees as the command typed). */
  heredocLine = '';
  /** A line whose here-documents are being typed. */
  private heredoc?: HeredocReader;
  /** The bodies of the running line's here-documents, by the path its `<` redirections name. */
  private heredocFiles = new Map<string, string>();
  /** The workstation's background jobs (kubectl port-forward ... &). */
  readonly jobs = new Jobs();
  /** The line being run in the background, without its "&" (only kubectl port-forward). */
  private background?: string;

  readonly env: ShellEnv;

  constructor(readonly sim: Simulation, env: ShellEnv) {
    this.env = withPreparedFiles(env);
    this.plane = createDataPlane(sim.cluster);
    sim.cluster.containerExec = (pod, c, argv) => this.execInContainer(pod, c.name, argv);
  }

  /**
   * argv run in a container as the runtime's exec runs it (exec probes): no shell unless argv
   * names one, the combined output; a program the image lacks is the runtime's error. A probe's
   * requests are the kubelet's, not the learner's: no observer sees them.
   */
  execInContainer(pod: Pod, container: string, argv: string[]): { exitCode: number; output: string } | { missing: string } {
    const observer = this.sim.requestObserver;
    this.sim.requestObserver = undefined;
    try {
      const target = { pod, container };
      let result = execInPod({ sim: this.sim, plane: this.plane, pod, container, runLine: (l) => this.runIn(l, target) }, argv);
      if ('missing' in result) {
        const c = pod.spec.containers.find((x) => x.name === container);
        const applet = c && toolsetOf(c.image)?.shell ? textTool(argv[0]!.split('/').pop()!, argv.slice(1), '') : undefined;
        if (!applet) return result;
        result = applet;
      }
      return { exitCode: result.exitCode, output: result.chunks.map((ch) => ch.text).join('') };
    } finally {
      this.sim.requestObserver = observer;
    }
  }

  get dataPlane(): DataPlane {
    return this.plane;
  }

  /**
   * Runs a line typed at the prompt. A line with here-documents waits (prompt ">") for
   * their bodies; the line typed after the last delimiter runs the whole command.
   */
  run(line: string): CommandResult {
    if (line === INTERRUPT) {
      // Ctrl+C at the prompt: bash drops a here-document typed halfway.
      this.heredoc = undefined;
      return { chunks: [], exitCode: 130 };
    }
    if (this.heredoc) {
      if (!this.heredoc.take(line)) return { chunks: [], exitCode: this.scopeNow().status };
      const reader = this.heredoc;
      this.heredoc = undefined;
      this.heredocLine = reader.line;
      const scope = this.scopeNow();
      const { line: full, files } = reader.finish((n) => `/dev/fd/heredoc-${n}`, (name) => (name === '?' ? String(scope.status) : scope.vars.get(name)));
      this.heredocFiles = files;
      try {
        return this.runLine(full);
      } finally {
        this.heredocFiles = new Map();
      }
    }
    const ops = heredocOps(line);
    if (ops.length > 0) {
      this.heredoc = new HeredocReader(line, ops);
      return { chunks: [], exitCode: this.scopeNow().status };
    }
    return this.runLine(line);
  }

  /** Whether the shell is reading a here-document's lines (its prompt is then ">"). */
  get continuing(): boolean {
    return this.heredoc !== undefined;
  }

  private scopeNow(): Scope {
    return this.attached?.scope ?? this.scope;
  }

  private runLine(line: string): CommandResult {
    // A new line ends an edit still open (the terminal waits for the editor, so only a replay gets here).
    this.editing = undefined;
    this.typed = true;
    try {
      const result = this.withBudget(() => (this.attached ? this.runAttached(this.attached, line) : this.runWorkstation(line)));
      return this.withLimitNotes(result);
    } finally {
      this.typed = false;
      this.wholeLine = undefined;
    }
  }

  /** The file kubectl edit shows in the editor while it waits, if it does. */
  get editFile(): EditState | undefined {
    return this.editing;
  }

  /** The editor saved (or was closed: the file as shown): kubectl edit goes on, and ends unless it reopens the file. */
  saveEdit(text: string): CommandResult {
    const state = this.editing;
    if (!state) return err('error: no kubectl edit is waiting for its editor\n');
    this.editing = undefined;
    const result = this.withBudget(() => {
      const step = saveEdit(this.sim, state, text);
      if (step.reopen) this.editing = step.reopen;
      else this.scope.status = step.exitCode;
      return { chunks: step.chunks, exitCode: step.exitCode };
    });
    return this.withLimitNotes(result);
  }

  /** A workstation line: jobs that ended are reported first; a trailing "&" runs a port-forward as a job. */
  private runWorkstation(line: string): CommandResult {
    const ended = reapJobs(this.sim, this.jobs);
    const bg = backgroundLine(line);
    let result: CommandResult;
    if (bg === undefined) result = this.runIn(line, undefined);
    else if ('error' in bg) {
      this.scope.status = 2;
      result = err(bg.error, 2);
    } else {
      this.background = bg.command;
      try {
        result = this.runIn(bg.command, undefined);
      } finally {
        this.background = undefined;
      }
    }
    // A job the command ended (its pod deleted) is reported before the next prompt, as bash does.
    const after = reapJobs(this.sim, this.jobs);
    return ended.length || after.length ? { chunks: [...ended, ...result.chunks, ...after], exitCode: result.exitCode } : result;
  }

  /** Runs a whole line within one budget, its output cut at LINE_LIMITS.outputChars. */
  private withBudget(run: () => CommandResult): CommandResult {
    if (this.budget) return run();
    this.budget = { iterations: 0, output: 0 };
    try {
      return capOutput(run(), LINE_LIMITS.outputChars);
    } finally {
      this.budget = undefined;
    }
  }

  /** A simulator limit that bit during the line (sim/limits.ts) is said after the command's own output. */
  private withLimitNotes(result: CommandResult): CommandResult {
    const notes = this.sim.cluster.limitNotes;
    if (notes.size === 0) return result;
    const chunks = [...result.chunks, ...[...notes.values()].map((text) => ({ stream: 'err' as const, text: `${text}\n` }))];
    notes.clear();
    return { chunks, exitCode: result.exitCode };
  }

  /** Runs a line on the workstation even while a pod shell is attached (the app's views use it). */
  runDetached(line: string): CommandResult {
    return this.withBudget(() => this.runIn(line, undefined, this.scope.child()));
  }

  /** What the terminal shows before the next line: bash's "$", or the pod shell's prompt. */
  get prompt(): string {
    if (this.heredoc) return '>';
    return this.attached?.prompt ?? '$';
  }

  /** Sends the following lines to a shell in the pod (kubectl exec -it, kubectl run -it). */
  attach(pod: Pod, container: string | undefined, prompt: string, run?: RunAttach): void {
    const target = { pod, ...(container ? { container } : {}) };
    this.attached = { target, prompt, ...(run ? { run } : {}), scope: this.scopeFor(target) };
  }

  /** Sends the following lines to a shell on a kind node (docker exec -it NODE bash). */
  attachNode(node: string, shell: NodeShell, tty: boolean, env: [string, string][]): void {
    const target = { node, shell };
    this.attached = { target, prompt: nodePrompt(node, shell), scope: new Scope([...nodeEnvVars(node, tty), ...env]) };
  }

  /** A shell process on a node (docker exec NODE bash -c LINE, or reading a script): one scope for all its lines. */
  shellOnNode(node: string, shell: NodeShell, tty: boolean, env: [string, string][]): (line: string) => CommandResult {
    const target = { node, shell };
    const scope = new Scope([...nodeEnvVars(node, tty), ...env]);
    return (line) => this.withBudget(() => this.runIn(line, target, scope, 0, tty));
  }

  /** What `<` can open: the line's here-documents, and on the workstation its files (a pod's or node's are not readable this way). */
  private redirectionFiles(target: Target | undefined): ShellEnv {
    const env = this.env;
    const heredocs = this.heredocFiles;
    return { readFile: (path) => heredocs.get(path) ?? (target ? undefined : env.readFile(path)) };
  }

  /** Leaves an attached pod shell without running anything (a reloaded session's fresh terminal). */
  detach(): void {
    this.attached = undefined;
    this.editing = undefined;
  }

  /** kubectl edit's file goes to the editor when kubectl edit is the whole line (its end waits for the save). */
  private openEditor(state: EditState, whole: boolean): string | undefined {
    if (!whole) return WHOLE_LINE_ONLY;
    this.editing = numberedEdit(state, ++this.edits);
    return undefined;
  }

  private runAttached(a: Attached, line: string): CommandResult {
    const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(line);
    if (onNode(a.target)) return this.runAttachedNode(a, a.target, line, exit);
    const { pod } = a.target;
    const alive = this.sim.cluster.store.get('Pod', pod.metadata.namespace, pod.metadata.name) === pod && pod.metadata.deletionTimestamp === undefined;
    if (!exit && alive) return this.runIn(line, a.target, a.scope, 0, true);
    this.attached = undefined;
    const code = exit?.[1] ? Number(exit[1]) : 0;
    const result = !alive ? err('command terminated with exit code 137\n', 137) : a.run ? this.mainShellExited(pod, a.run, code) : code === 0 ? out('') : err(`command terminated with exit code ${code}\n`, code);
    // The kubectl that attached ends now: its status is the workstation's $?.
    this.scope.status = result.exitCode;
    return result;
  }

  /**
   * A line in a node's shell; `exit [N]` ends it (bash's exit.def: N, else the last status; an
   * interactive bash says "exit" on stderr, dash nothing). docker exec then ends with that status
   * and prints nothing of its own.
   */
  private runAttachedNode(a: Attached, target: NodeTarget, line: string, exit: RegExpExecArray | null): CommandResult {
    let result: CommandResult = out('');
    let code: number;
    if (exit) code = exit[1] ? Number(exit[1]) & 255 : a.scope.status;
    else {
      this.attachedExit = undefined;
      result = this.runIn(line, target, a.scope, 0, true);
      if (this.attachedExit === undefined) return result;
      code = this.attachedExit;
      this.attachedExit = undefined;
    }
    this.attached = undefined;
    this.scope.status = code;
    const said = [...(target.shell === 'bash' ? ['exit\n'] : []), ...(this.attachedExitRefused ? [this.attachedExitRefused] : [])].map((text) => ({ stream: 'err' as const, text }));
    this.attachedExitRefused = '';
    return { chunks: [...result.chunks, ...said], exitCode: code };
  }

  /**
   * kubectl run -it's shell was the container's main process: `exit` ends the container as its
   * entrypoint ending would (restartPolicy Always restarts it; Never leaves it Completed or Error).
   * What kubectl then prints follows k/k staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and
   * attach/attach.go: "Session ended, resume using ..." with a tty under restartPolicy Always,
   * the exit code of a Never/OnFailure pod ("pod NS/NAME terminated (Error)"), and with --rm the
   * pod deleted: no container runs any more, so the kubelet removes it at once and the name is free.
   */
  private mainShellExited(pod: Pod, run: RunAttach, code: number): CommandResult {
    const c = pod.spec.containers[0]!;
    const now = this.sim.cluster.clock.now();
    pod.status.attachedExit = { container: c.name, at: now, exitCode: code };
    pod.status.lifecycle = true;
    this.sim.cluster.update(pod);
    this.sim.settle();
    const policy = pod.spec.restartPolicy ?? 'Always';
    const chunks: CommandResult['chunks'] = [];
    if (run.tty && policy === 'Always') {
      chunks.push({ stream: 'out', text: `Session ended, resume using 'kubectl attach ${pod.metadata.name} -c ${c.name} -i -t' command when the pod is running\n` });
    }
    if (run.remove) {
      this.sim.cluster.deletePod(pod, 0);
      this.sim.settle();
      chunks.push({ stream: 'out', text: `pod "${pod.metadata.name}" deleted\n` });
    }
    const failed = policy !== 'Always' && code !== 0;
    if (failed) chunks.push({ stream: 'err', text: `pod ${pod.metadata.namespace}/${pod.metadata.name} terminated (Error)\n` });
    return { chunks, exitCode: failed ? code : 0 };
  }

  /** Runs a line with the pod's sh, as `kubectl exec POD -- sh -c LINE` does. */
  runInPod(pod: Pod, container: string | undefined, line: string, tty = false): CommandResult {
    return this.withBudget(() => this.runIn(line, { pod, ...(container ? { container } : {}) }, undefined, 0, tty));
  }

  private runIn(line: string, target: Target | undefined, scope?: Scope, depth = 0, tty = !target && depth === 0): CommandResult {
    const sh = !target || (onNode(target) && target.shell === 'bash') ? 'bash' : 'sh';
    const c: RunContext = { target, scope: scope ?? this.scopeFor(target), sh, depth, tty };
    let tree: List;
    try {
      const tokens = tokenize(line);
      const syntax = syntaxError(tokens);
      if (syntax) return this.failed(c, `${c.sh}: syntax error near unexpected token \`${syntax}'\n`, 2);
      tree = parse(tokens);
      if (this.typed && depth === 0 && !target) this.wholeLine = wholeLineCommand(tree);
    } catch (e) {
      if (e instanceof ParseError) return this.failed(c, `${c.sh}: ${e.message}\n`, 2);
      throw e;
    }
    return this.runList(tree, c);
  }

  /** The variables a line starts with: the workstation's (kept across lines), or a fresh shell in the pod or on the node. */
  private scopeFor(target: Target | undefined): Scope {
    if (!target) return this.scope;
    if (onNode(target)) return new Scope(nodeEnvVars(target.node, false));
    return new Scope(podEnvVars(target.pod, target.container));
  }

  private failed(c: RunContext, text: string, code: number): CommandResult {
    c.scope.status = code;
    return err(text, code);
  }

  private runList(list: List, c: RunContext): CommandResult {
    const chunks: OutputChunk[] = [];
    let exit = c.scope.status;
    let first = true;
    for (const { op, pipeline } of list) {
      if (c.aborted) break;
      if (!first && ((op === '&&' && exit !== 0) || (op === '||' && exit === 0))) continue;
      first = false;
      const r = this.runPipeline(pipeline, c);
      for (const chunk of r.chunks) chunks.push(chunk);
      exit = r.exitCode;
      c.scope.status = exit;
    }
    return { chunks, exitCode: exit };
  }

  private runPipeline(nodes: Pipeline, c: RunContext): CommandResult {
    let stdin = '';
    let last: OutputChunk[] = [];
    let exitCode = 0;
    const errs: OutputChunk[] = [];
    for (let i = 0; i < nodes.length && !c.aborted; i++) {
      const r = this.runNode(nodes[i]!, c, stdin, i === nodes.length - 1, i > 0);
      exitCode = r.exitCode;
      if (i < nodes.length - 1) {
        for (const chunk of r.chunks) if (chunk.stream === 'err') errs.push(chunk);
        stdin = stdoutOf(r);
      } else last = r.chunks;
    }
    return { chunks: [...errs, ...last], exitCode };
  }

  /** One command of a pipeline: expanded, its redirections opened, then run; a compound command's output routed as a whole. */
  private runNode(node: Node, c: RunContext, stdin: string, last = true, piped = false): CommandResult {
    const before: OutputChunk[] = [];
    let lastSubstitution: number | undefined;
    const x = this.expansion(c, before, (status) => (lastSubstitution = status));
    const withBefore = (r: CommandResult): CommandResult => (before.length ? { chunks: [...before, ...r.chunks], exitCode: r.exitCode } : r);
    let redirs: Command['redirs'];
    let argv: string[] = [];
    let assigned: [string, string][] = [];
    try {
      if (node.kind === 'simple') {
        let i = 0;
        const assigns: NonNullable<ReturnType<typeof assignment>>[] = [];
        for (let a; i < node.words.length && (a = assignment(node.words[i]!)); i++) assigns.push(a);
        argv = expandFields(node.words.slice(i), x);
        assigned = assigns.map((a) => [a.name, expandWord(a.value, x)]);
      }
      redirs = node.redirs.map((r) => ({ kind: r.kind, fd: r.fd, op: r.op, target: expandWord(r.target, x) }));
    } catch (e) {
      if (e instanceof BadSubstitution || e instanceof ArithmeticError) {
        c.aborted = true;
        return withBefore(err(`${c.sh}: ${e.message}\n`, 1));
      }
      throw e;
    }
    // $(...) sets $? as it runs (partValue); assignments alone end with the last one's status, else 0.
    const substStatus = lastSubstitution ?? 0;
    const streams = openRedirections(redirs, c.sh, this.redirectionFiles(c.target));
    if ('error' in streams) return withBefore(err(streams.error, 1));
    let result: CommandResult;
    // Whether this command's stdout is still the terminal: not piped on, not sent to /dev/null.
    const tty = c.tty && last && streams.fds[1] !== 'null';
    if (node.kind !== 'simple') {
      const outer = c.tty;
      c.tty = tty;
      result = this.runCompound(node, c);
      c.tty = outer;
    }
    else if (argv.length > LINE_LIMITS.words) result = err(`${c.sh}: ${argv[0]}: Argument list too long\n`, 126);
    else if (argv.length === 0) {
      // Assignments alone: they stay in this shell; the status is the last substitution's.
      for (const [k, v] of assigned) c.scope.vars.set(k, v);
      result = out('', substStatus);
    } else {
      const ctx = { sim: this.sim, env: this.env, stdin: streams.stdin ?? stdin, stdoutTTY: tty, stdinTTY: !piped && streams.stdin === undefined };
      const whole = node === this.wholeLine;
      result = this.builtin(argv, c) ?? (onNode(c.target) ? this.runNodeCommand(argv, ctx, c.target) : c.target ? this.runPodCommand(argv, ctx, c.target) : this.runCommand(argv, ctx, whole));
    }
    return withBefore({ chunks: route(result.chunks, streams.fds), exitCode: result.exitCode });
  }

  private runCompound(node: Exclude<Node, { kind: 'simple' }>, c: RunContext): CommandResult {
    if (node.kind === 'if') {
      const chunks: OutputChunk[] = [];
      for (const b of node.branches) {
        const cond = this.runList(b.cond, c);
        chunks.push(...cond.chunks);
        if (c.aborted) return { chunks, exitCode: cond.exitCode };
        if (cond.exitCode === 0) return this.joined(chunks, this.runList(b.body, c));
      }
      return node.otherwise ? this.joined(chunks, this.runList(node.otherwise, c)) : { chunks, exitCode: 0 };
    }
    const chunks: OutputChunk[] = [];
    let exit = 0;
    const budget = this.budget ?? { iterations: 0, output: 0 };
    let items: string[] | undefined;
    if (node.kind === 'for') {
      try {
        items = expandFields(node.items ?? [], this.expansion(c, chunks));
      } catch (e) {
        if (e instanceof BadSubstitution || e instanceof ArithmeticError) {
          c.aborted = true;
          return this.joined(chunks, err(`${c.sh}: ${e.message}\n`, 1));
        }
        throw e;
      }
    }
    for (let n = 0; ; n++) {
      if ((items && n >= items.length) || c.aborted) break;
      // The line's budget, nested loops included: what is past it is not run.
      if (budget.iterations >= LINE_LIMITS.iterations) {
        if (!budget.said) chunks.push({ stream: 'err', text: `${c.sh}: more than ${LINE_LIMITS.iterations} loop iterations in one line are not run here\n` });
        budget.said = true;
        exit = 1;
        break;
      }
      if (budget.output > LINE_LIMITS.outputChars) break;
      budget.iterations++;
      if (node.kind === 'for') c.scope.vars.set(node.name, items![n]!);
      else {
        const cond = this.runList(node.cond, c);
        this.count(chunks, cond.chunks, budget);
        if ((cond.exitCode === 0) === node.until) break;
      }
      const r = this.runList(node.body, c);
      this.count(chunks, r.chunks, budget);
      exit = r.exitCode;
    }
    return { chunks, exitCode: exit };
  }

  /** Expands words in this shell: command substitutions run in a subshell, their stderr kept in `errs` for the terminal. */
  private expansion(c: RunContext, errs: OutputChunk[], ran?: (status: number) => void): Expansion {
    return {
      scope: c.scope,
      substitute: (line, scope) => {
        if (c.depth >= MAX_SUBSTITUTION_DEPTH) {
          errs.push({ stream: 'err', text: `${c.sh}: command substitutions nested more than ${MAX_SUBSTITUTION_DEPTH} deep are not run here\n` });
          ran?.(1);
          return { stdout: '', status: 1 };
        }
        const r = this.runIn(line, c.target, scope, c.depth + 1);
        for (const chunk of r.chunks) if (chunk.stream === 'err') errs.push(chunk);
        ran?.(r.exitCode);
        return { stdout: stdoutOf(r), status: r.exitCode };
      },
    };
  }

  private count(into: OutputChunk[], chunks: OutputChunk[], budget: Budget): void {
    for (const chunk of chunks) {
      into.push(chunk);
      budget.output += chunk.text.length;
    }
  }

  private joined(chunks: OutputChunk[], r: CommandResult): CommandResult {
    return { chunks: [...chunks, ...r.chunks], exitCode: r.exitCode };
  }

  /** Builtins of bash and ash that change the shell itself: export, unset, and the no-op colon. */
  private builtin(argv: string[], c: RunContext): CommandResult | undefined {
    const [name, ...args] = argv as [string, ...string[]];
    switch (name) {
      case 'export': {
        if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
          const names = [...c.scope.exported].filter((k) => c.scope.vars.has(k)).sort();
          return out(names.map((k) => (c.sh === 'sh' ? `export ${k}='${c.scope.vars.get(k)!.replace(/'/g, `'"'"'`)}'\n` : `declare -x ${k}="${c.scope.vars.get(k)!.replace(/(["\\$`])/g, '\\$1')}"\n`)).join(''));
        }
        let code = 0;
        const errs: string[] = [];
        for (const a of args) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(a);
          if (!m) {
            errs.push(c.sh === 'sh' ? `sh: export: bad variable name '${a}'\n` : `bash: export: \`${a}': not a valid identifier\n`);
            code = c.sh === 'sh' ? 2 : 1;
            continue;
          }
          if (m[2] !== undefined) c.scope.vars.set(m[1]!, m[2]);
          c.scope.exported.add(m[1]!);
        }
        return err(errs.join(''), code);
      }
      case 'unset':
        for (const a of args) if (a !== '-v') {
          c.scope.vars.delete(a);
          c.scope.exported.delete(a);
        }
        return out('');
      case ':':
        return out('');
      case 'test':
      case '[': {
        // A node's files are not modelled: test sees none there.
        const exists = (path: string) =>
          onNode(c.target) ? false : c.target ? podFile(this.sim, c.target.pod, path) !== undefined || (c.target.pod.status.files ?? []).includes(path) : this.env.readFile(path) !== undefined;
        const r = evalTest(name, args, exists);
        return 'error' in r ? err(`${c.sh}: ${r.error}\n`, 2) : out('', r.status);
      }
      case 'exit': {
        // On a node (bash or dash): the shell ends, the rest of its line is not run.
        if (!onNode(c.target)) return undefined;
        // exit.def / dash's exitcmd: N modulo 256, else the last status; a word that is no number is refused, status 2.
        const arg = args[0];
        const bad = arg !== undefined && !/^[+-]?\d+$/.test(arg);
        const code = bad ? 2 : arg !== undefined ? ((Number(arg) % 256) + 256) % 256 : c.scope.status;
        const refused = !bad ? '' : c.target.shell === 'bash' ? `bash: exit: ${arg}: numeric argument required\n` : `sh: 1: exit: Illegal number: ${arg}\n`;
        c.aborted = true;
        if (this.attached?.scope === c.scope) {
          this.attachedExit = code;
          this.attachedExitRefused = refused;
          return out('', code);
        }
        return refused ? err(refused, code) : out('', code);
      }
      case 'echo':
        return echo(args);
      case 'printf':
        return printf(args, c.sh);
      default:
        return undefined;
    }
  }

  private runCommand(argv: string[], ctx: CommandContext, whole = false): CommandResult {
    const [name, ...args] = argv as [string, ...string[]];
    const runInPod = (pod: Pod, container: string | undefined, line: string, tty?: boolean) => this.runInPod(pod, container, line, tty);
    const attach = (pod: Pod, container: string | undefined, prompt: string, run?: RunAttach) => this.attach(pod, container, prompt, run);
    switch (name) {
      case 'kubectl':
      case 'k':
        return kubectl(args, ctx, { plane: this.plane, runInPod, attach, jobs: this.jobs, ...(this.background !== undefined ? { background: this.background } : {}), ...(this.env.editor ? { openEditor: (state: EditState) => this.openEditor(state, whole) } : {}) });
      case 'curl':
        return withForwards(this.sim, this.jobs, (client) => runCurl(this.sim, this.plane, client, args, 'glibc', undefined, ctx.stdoutTTY, (p) => this.env.readFile(p)));
      case 'wget':
        return withForwards(this.sim, this.jobs, (client) => runWget(this.sim, this.plane, client, args, 'glibc'));
      case 'jobs':
        return this.jobs.jobsCommand(args);
      case 'kill':
        return this.jobs.killCommand(args);
      case 'docker':
        return docker(args, ctx, {
          plane: this.plane,
          shellOnNode: (node, shell, tty, env) => this.shellOnNode(node, shell, tty, env),
          attachNode: (node, shell, tty, env) => this.attachNode(node, shell, tty, env),
        });
      case 'sleep': {
        const seconds = sleepSeconds(args);
        if (typeof seconds === 'string') return err(seconds);
        this.sim.advance(seconds);
        return out('');
      }
      case 'true':
        return out('');
      case 'false':
        return out('', 1);
      case 'cat':
        return catFiles(args, ctx.stdin, (path) => this.env.readFile(path));
      case 'ls':
        return listFiles(args, this.env);
      default: {
        const filtered = textTool(name, args, ctx.stdin, (path) => this.env.readFile(path));
        if (filtered) return filtered;
        return err(`bash: ${name}: command not found\n`, 127);
      }
    }
  }

  /** One command of a line on a node: the node image's programs, else coreutils/grep filters, else the shell's "not found". */
  private runNodeCommand(argv: string[], ctx: CommandContext, target: NodeTarget): CommandResult {
    const node = this.sim.cluster.store.get('Node', undefined, target.node);
    const tty = ctx.stdoutTTY ?? false;
    const result = node
      ? execOnNode({ sim: this.sim, plane: this.plane, node, tty, stdin: ctx.stdin, runLine: (l) => this.runIn(l, { node: target.node, shell: argv[0]!.endsWith('bash') ? 'bash' : 'dash' }, undefined, 0, tty) }, argv)
      : { missing: argv[0]! };
    return 'missing' in result ? nodeNotFound(target.shell, argv[0]!) : result;
  }

  /** One command of a `sh -c` line inside a pod: the image's programs, else its busybox text applets, else sh's "not found". */
  private runPodCommand(argv: string[], ctx: CommandContext, target: PodTarget): CommandResult {
    const result = execInPod({ sim: this.sim, plane: this.plane, pod: target.pod, container: target.container, tty: ctx.stdoutTTY, stdin: ctx.stdin, runLine: (l) => this.runIn(l, target, undefined, 0, ctx.stdoutTTY ?? false) }, argv);
    return 'missing' in result ? err(`sh: ${argv[0]}: not found\n`, 127) : result;
  }
}
