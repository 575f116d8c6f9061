/**
 * The simulated shell: runs one line as bash would for the commands we know
 * (`;`, `&&`, `||`, pipes, a `for i in $(seq 1 N); do ...; done` loop), and
 * answers unknown commands as bash does.
 */
import { IptablesDataPlane } from '../sim/net/iptables-plane';
import type { DataPlane } from '../sim/net/packet';
import type { Simulation } from '../sim/simulation';
import { kubectl } from './kubectl/kubectl';
import { ParseError, tokenize, type Token } from './parse/tokenize';
import { textTool } from './text-tools';
import { runCurl } from './tools/curl';
import { docker } from './tools/docker';
import { runWget } from './tools/wget';
import { err, out, stdoutOf, type CommandContext, type CommandResult, type OutputChunk, type ShellEnv } from './types';

const FOR_LOOP = /^\s*for\s+(\w+)\s+in\s+(.+?)\s*;\s*do\s+(.+?)\s*;?\s*done\s*$/;
const MAX_LOOP = 10_000;

export class Shell {
  readonly plane: IptablesDataPlane;

  constructor(readonly sim: Simulation, readonly env: ShellEnv) {
    this.plane = new IptablesDataPlane(sim.cluster);
  }

  get dataPlane(): DataPlane {
    return this.plane;
  }

  run(line: string): CommandResult {
    const loop = FOR_LOOP.exec(line);
    if (loop) return this.runLoop(loop[1]!, loop[2]!, loop[3]!);
    let tokens: Token[];
    try {
      tokens = tokenize(line);
    } catch (e) {
      if (e instanceof ParseError) return err(`bash: ${e.message}\n`, 2);
      throw e;
    }
    return this.runTokens(tokens);
  }

  private runLoop(variable: string, list: string, body: string): CommandResult {
    const seq = /^\$\(seq\s+(\d+)(?:\s+(\d+))?\)$/.exec(list.trim());
    let items: string[];
    if (seq) {
      const [from, to] = seq[2] ? [Number(seq[1]), Number(seq[2])] : [1, Number(seq[1])];
      if (to - from + 1 > MAX_LOOP) return err(`bash: loop of more than ${MAX_LOOP} iterations is not run here\n`, 1);
      items = [];
      for (let i = from; i <= to; i++) items.push(String(i));
    } else items = list.trim().split(/\s+/);
    const chunks: OutputChunk[] = [];
    let exit = 0;
    const ref = new RegExp(`\\$\\{?${variable}\\}?`, 'g');
    for (const item of items) {
      const r = this.run(body.replace(ref, item));
      chunks.push(...r.chunks);
      exit = r.exitCode;
    }
    return { chunks, exitCode: exit };
  }

  private runTokens(tokens: Token[]): CommandResult {
    const chunks: OutputChunk[] = [];
    let exit = 0;
    let pipeline: string[][] = [[]];
    let skip = false;
    const flush = () => {
      if (!skip && pipeline.some((c) => c.length > 0)) {
        const r = this.runPipeline(pipeline);
        chunks.push(...r.chunks);
        exit = r.exitCode;
      }
      pipeline = [[]];
    };
    for (const t of tokens) {
      if (t.kind === 'word') pipeline[pipeline.length - 1]!.push(t.value);
      else if (t.value === '|') pipeline.push([]);
      else {
        flush();
        skip = (t.value === '&&' && exit !== 0) || (t.value === '||' && exit === 0);
      }
    }
    flush();
    return { chunks, exitCode: exit };
  }

  private runPipeline(commands: string[][]): CommandResult {
    let stdin = '';
    let result: CommandResult = out('');
    const errs: OutputChunk[] = [];
    for (let i = 0; i < commands.length; i++) {
      const argv = commands[i]!;
      if (argv.length === 0) return err("bash: syntax error near unexpected token `|'\n", 2);
      result = this.runCommand(argv, { sim: this.sim, env: this.env, stdin });
      if (i < commands.length - 1) {
        errs.push(...result.chunks.filter((c) => c.stream === 'err'));
        stdin = stdoutOf(result);
      }
    }
    return { chunks: [...errs, ...result.chunks], exitCode: result.exitCode };
  }

  private runCommand(argv: string[], ctx: CommandContext): CommandResult {
    const [name, ...args] = argv as [string, ...string[]];
    const runLine = (line: string) => this.run(line);
    switch (name) {
      case 'kubectl':
      case 'k':
        return kubectl(args, ctx, { plane: this.plane, runLine });
      case 'curl':
        return runCurl(this.sim, this.plane, { kind: 'workstation' }, args);
      case 'wget':
        return runWget(this.sim, this.plane, { kind: 'workstation' }, args);
      case 'docker':
        return docker(args, ctx, this.plane);
      case 'sleep': {
        const seconds = Number((args[0] ?? '').replace(/s$/, ''));
        if (!Number.isFinite(seconds) || seconds < 0) return err(`sleep: invalid time interval '${args[0] ?? ''}'\nTry 'sleep --help' for more information.\n`);
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
}
