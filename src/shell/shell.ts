/**
 * The simulated shell: runs one line as bash would for the commands we know
 * (`;`, `&&`, `||`, pipes, a `for i in $(seq 1 N); do ...; done` loop), and
 * answers unknown commands as bash does.
 */
import type { Pod } from '../sim/model/types';
import { createDataPlane, type NodeDataPlane } from '../sim/net/data-plane';
import type { DataPlane } from '../sim/net/packet';
import type { Simulation } from '../sim/simulation';
import { kubectl } from './kubectl/kubectl';
import { execInPod } from './pod-exec';
import { podEnvVars } from './tools/pod-files';
import { toolsetOf } from './tools/images';
import { ParseError, tokenize, type Redirection, type Token } from './parse/tokenize';
import { newCommand, openRedirections, route, syntaxError, type Command } from './redirect';
import { textTool } from './text-tools';
import { runCurl } from './tools/curl';
import { docker } from './tools/docker';
import { runWget } from './tools/wget';
import { capOutput } from './output-cap';
import { err, out, stdoutOf, type CommandContext, type CommandResult, type OutputChunk, type ShellEnv } from './types';

/** Where a line runs: the workstation's bash, or `sh` inside a pod's container (kubectl exec POD -- sh -c LINE). */
interface PodTarget {
  pod: Pod;
  container?: string;
}

/** A pod's sh expands its container's environment ($WEB_SERVICE_HOST, $HOSTNAME). */
function podVariables(target: PodTarget): (name: string) => string | undefined {
  const vars = new Map(podEnvVars(target.pod, target.container));
  return (name) => vars.get(name);
}

/** `for V in LIST; do BODY; done [| PIPELINE]`: the loop's output may be piped on (… done | sort | uniq -c). */
const FOR_LOOP = /^\s*for\s+(\w+)\s+in\s+(.+?)\s*;\s*do\s+(.+?)\s*;?\s*done\s*(?:\|(.*))?$/;
const MAX_LOOP = 10_000;

/**
 * What one command line may cost in this simulated shell (bash has no such limits; a browser tab
 * does): loop iterations, nested loops included; characters of output (the rest is cut, with a
 * note); words given to one command; and the length of a line read as a for loop.
 */
export const LINE_LIMITS = { iterations: 10_000, outputChars: 1_000_000, words: 10_000, loopLineChars: 4096 } as const;

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
interface Attached extends PodTarget {
  prompt: string;
  /** kubectl run --rm: the pod is deleted when the shell exits. */
  removeOnExit: boolean;
}

export class Shell {
  readonly plane: NodeDataPlane;
  private attached?: Attached;
  /** The budget of the line being run (LINE_LIMITS), shared by everything it runs. */
  private budget?: Budget;

  constructor(readonly sim: Simulation, readonly env: ShellEnv) {
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

  run(line: string): CommandResult {
    const result = this.withBudget(() => (this.attached ? this.runAttached(this.attached, line) : this.runIn(line, undefined)));
    return this.withLimitNotes(result);
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
    return this.withBudget(() => this.runIn(line, undefined));
  }

  /** What the terminal shows before the next line: bash's "$", or the pod shell's prompt. */
  get prompt(): string {
    return this.attached?.prompt ?? '$';
  }

  /** Sends the following lines to a shell in the pod (kubectl exec -it, kubectl run -it). */
  attach(pod: Pod, container: string | undefined, prompt: string, removeOnExit: boolean): void {
    this.attached = { pod, ...(container ? { container } : {}), prompt, removeOnExit };
  }

  /** Leaves an attached pod shell without running anything (a reloaded session's fresh terminal). */
  detach(): void {
    this.attached = undefined;
  }

  private runAttached(a: Attached, line: string): CommandResult {
    const exit = /^\s*exit(?:\s+(\d+))?\s*$/.exec(line);
    const alive = this.sim.cluster.store.get('Pod', a.pod.metadata.namespace, a.pod.metadata.name) === a.pod && a.pod.metadata.deletionTimestamp === undefined;
    if (!exit && alive) return this.runIn(line, a);
    this.attached = undefined;
    const code = exit?.[1] ? Number(exit[1]) : 0;
    if (!alive) return err('command terminated with exit code 137\n', 137);
    if (a.removeOnExit) {
      this.sim.cluster.deletePod(a.pod);
      this.sim.settle();
      return out(`pod "${a.pod.metadata.name}" deleted\n`);
    }
    return code === 0 ? out('') : err(`command terminated with exit code ${code}\n`, code);
  }

  /** Runs a line with the pod's sh, as `kubectl exec POD -- sh -c LINE` does. */
  runInPod(pod: Pod, container: string | undefined, line: string): CommandResult {
    return this.withBudget(() => this.runIn(line, { pod, ...(container ? { container } : {}) }));
  }

  private runIn(line: string, target: PodTarget | undefined): CommandResult {
    const sh = target ? 'sh' : 'bash';
    const loop = line.length <= LINE_LIMITS.loopLineChars ? FOR_LOOP.exec(line) : /^\s*for\s/.test(line) ? undefined : null;
    if (loop === undefined) return err(`${sh}: a for loop longer than ${LINE_LIMITS.loopLineChars} characters is not run here\n`, 1);
    if (loop) {
      const result = this.runLoop(loop[1]!, loop[2]!, loop[3]!, target);
      if (loop[4] === undefined) return result;
      return this.pipeInto(result, loop[4], target);
    }
    let tokens: Token[];
    try {
      tokens = tokenize(line, target ? podVariables(target) : undefined);
    } catch (e) {
      if (e instanceof ParseError) return err(`${sh}: ${e.message}\n`, 2);
      throw e;
    }
    return this.runTokens(tokens, target);
  }

  /** Feeds a finished command's stdout to the rest of a line; its stderr stays where it was. */
  private pipeInto(first: CommandResult, rest: string, target: PodTarget | undefined): CommandResult {
    let tokens: Token[];
    try {
      tokens = tokenize(rest);
    } catch (e) {
      if (e instanceof ParseError) return err(`${target ? 'sh' : 'bash'}: ${e.message}\n`, 2);
      throw e;
    }
    const errs = first.chunks.filter((c) => c.stream === 'err');
    const next = this.runTokens(tokens, target, stdoutOf(first));
    return { chunks: [...errs, ...next.chunks], exitCode: next.exitCode };
  }

  private runLoop(variable: string, list: string, body: string, target: PodTarget | undefined): CommandResult {
    const sh = target ? 'sh' : 'bash';
    const seq = /^\$\(seq\s+(\d+)(?:\s+(\d+))?\)$/.exec(list.trim());
    let items: string[];
    if (seq) {
      const [from, to] = seq[2] ? [Number(seq[1]), Number(seq[2])] : [1, Number(seq[1])];
      if (to - from + 1 > MAX_LOOP) return err(`${sh}: loop of more than ${MAX_LOOP} iterations is not run here\n`, 1);
      items = [];
      for (let i = from; i <= to; i++) items.push(String(i));
    } else items = list.trim().split(/\s+/);
    const chunks: OutputChunk[] = [];
    let exit = 0;
    const ref = new RegExp(`\\$\\{?${variable}\\}?`, 'g');
    const budget = this.budget ?? { iterations: 0, output: 0 };
    for (const item of items) {
      // The line's budget, nested loops included: what is past it is not run.
      if (budget.iterations >= LINE_LIMITS.iterations) {
        if (!budget.said) chunks.push({ stream: 'err', text: `${sh}: more than ${LINE_LIMITS.iterations} loop iterations in one line are not run here\n` });
        budget.said = true;
        exit = 1;
        break;
      }
      if (budget.output > LINE_LIMITS.outputChars) break;
      budget.iterations++;
      const r = this.runIn(body.replace(ref, item), target);
      for (const c of r.chunks) {
        chunks.push(c);
        budget.output += c.text.length;
      }
      exit = r.exitCode;
    }
    return { chunks, exitCode: exit };
  }

  private runTokens(tokens: Token[], target: PodTarget | undefined, firstStdin = ''): CommandResult {
    const sh = target ? 'sh' : 'bash';
    const syntax = syntaxError(tokens);
    if (syntax) return err(`${sh}: syntax error near unexpected token \`${syntax}'\n`, 2);
    const chunks: OutputChunk[] = [];
    let exit = 0;
    let pipeline: Command[] = [newCommand()];
    let skip = false;
    let redirect: Redirection | undefined;
    const flush = () => {
      if (!skip && pipeline.some((c) => c.argv.length > 0 || c.redirs.length > 0)) {
        const r = this.runPipeline(pipeline, target, firstStdin);
        firstStdin = '';
        for (const c of r.chunks) chunks.push(c);
        exit = r.exitCode;
      }
      pipeline = [newCommand()];
    };
    for (const t of tokens) {
      const command = pipeline[pipeline.length - 1]!;
      if (t.kind === 'redir') redirect = t;
      else if (t.kind === 'word') {
        if (redirect) command.redirs.push({ ...redirect, target: t.value });
        else command.argv.push(t.value);
        redirect = undefined;
      } else if (t.value === '|') pipeline.push(newCommand());
      else {
        flush();
        skip = (t.value === '&&' && exit !== 0) || (t.value === '||' && exit === 0);
      }
    }
    flush();
    return { chunks, exitCode: exit };
  }

  private runPipeline(commands: Command[], target: PodTarget | undefined, stdin = ''): CommandResult {
    const sh = target ? 'sh' : 'bash';
    let last: OutputChunk[] = [];
    let exitCode = 0;
    const errs: OutputChunk[] = [];
    for (let i = 0; i < commands.length; i++) {
      const { argv, redirs } = commands[i]!;
      if (argv.length === 0 && redirs.length === 0) return err(`${sh}: syntax error near unexpected token \`|'\n`, 2);
      const streams = openRedirections(redirs, sh, target ? undefined : this.env);
      let result: CommandResult;
      if ('error' in streams) result = err(streams.error, 1);
      else if (argv.length > LINE_LIMITS.words) result = err(`${sh}: ${argv[0]}: Argument list too long\n`, 126);
      else if (argv.length === 0) result = out('');
      else {
        const ctx = { sim: this.sim, env: this.env, stdin: streams.stdin ?? stdin };
        result = target ? this.runPodCommand(argv, ctx, target) : this.runCommand(argv, ctx);
      }
      const routed = 'error' in streams ? result.chunks : route(result.chunks, streams.fds);
      exitCode = result.exitCode;
      if (i < commands.length - 1) {
        for (const c of routed) if (c.stream === 'err') errs.push(c);
        stdin = routed.filter((c) => c.stream === 'out').map((c) => c.text).join('');
      } else last = routed;
    }
    return { chunks: [...errs, ...last], exitCode };
  }

  private runCommand(argv: string[], ctx: CommandContext): CommandResult {
    const [name, ...args] = argv as [string, ...string[]];
    const runInPod = (pod: Pod, container: string | undefined, line: string) => this.runInPod(pod, container, line);
    const attach = (pod: Pod, container: string | undefined, prompt: string, removeOnExit: boolean) => this.attach(pod, container, prompt, removeOnExit);
    switch (name) {
      case 'kubectl':
      case 'k':
        return kubectl(args, ctx, { plane: this.plane, runInPod, attach });
      case 'curl':
        return runCurl(this.sim, this.plane, { kind: 'workstation' }, args, 'glibc');
      case 'wget':
        return runWget(this.sim, this.plane, { kind: 'workstation' }, args, 'glibc');
      case 'docker':
        return docker(args, ctx, this.plane);
      case 'sleep': {
        const seconds = sleepSeconds(args);
        if (typeof seconds === 'string') return err(seconds);
        this.sim.advance(seconds);
        return out('');
      }
      case 'echo':
        return out(args.join(' ') + '\n');
      case 'true':
        return out('');
      case 'false':
        return out('', 1);
      default: {
        const filtered = textTool(name, args, ctx.stdin);
        if (filtered) return filtered;
        return err(`bash: ${name}: command not found\n`, 127);
      }
    }
  }

  /** One command of a `sh -c` line inside a pod: the image's programs, else its busybox text applets, else sh's "not found". */
  private runPodCommand(argv: string[], ctx: CommandContext, target: PodTarget): CommandResult {
    const result = execInPod({ sim: this.sim, plane: this.plane, pod: target.pod, container: target.container, runLine: (l) => this.runIn(l, target) }, argv);
    if (!('missing' in result)) return result;
    const [name, ...args] = argv as [string, ...string[]];
    const c = target.pod.spec.containers.find((x) => x.name === target.container) ?? target.pod.spec.containers[0]!;
    const filtered = toolsetOf(c.image)?.shell ? textTool(name, args, ctx.stdin) : undefined;
    return filtered ?? err(`sh: ${name}: not found\n`, 127);
  }
}
