/**
 * docker on the workstation, where kind's nodes are containers: `docker ps` (docker-ps.ts) and
 * `docker exec [-i] [-t] NODE PROG...` (docker/cli cli/command/container/exec.go: flags stop at the
 * container name; -t with -i needs a terminal on stdin, "the input device is not a TTY").
 * PROG runs on the node (node-exec.ts). A lone bash or sh with -i from the terminal attaches it:
 * the next lines run on the node until `exit`. Given a pipe or a file, it runs what it reads; without
 * -i it reads nothing and ends at once, as bash does on an empty stdin.
 */
import type { NodeDataPlane } from '../../sim/net/data-plane';
import type { CommandResult } from '../types';
import { err, out, type CommandContext } from '../types';
import { asctime } from '../print/dates';
import { dockerPs } from './docker-ps';
import { execOnNode, NODE_SHELLS } from './node-exec';

export { asctime };

/** Which shell of the node image runs: bash, or Debian's sh (dash). */
export type NodeShell = 'bash' | 'dash';

export interface DockerDeps {
  plane: NodeDataPlane;
  /** A shell process on the node: each line it is given runs there, with the variables it keeps. */
  shellOnNode(node: string, shell: NodeShell, tty: boolean, env: [string, string][]): (line: string) => CommandResult;
  /** The terminal attaches to a shell on the node: the next lines run there until `exit`. */
  attachNode(node: string, shell: NodeShell, tty: boolean, env: [string, string][]): void;
}

const USAGE_EXEC = '"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n';

const VALUED = new Set(['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys']);

interface ExecFlags {
  interactive: boolean;
  tty: boolean;
  env: [string, string][];
  /** Index of the container name in args. */
  at: number;
}

function execFlags(args: string[]): ExecFlags | { error: string } {
  const f: ExecFlags = { interactive: false, tty: false, env: [], at: 1 };
  let i = 1;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i]!;
    const [name, inline] = a.startsWith('--') ? [a.split('=')[0]!, a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined] : [a.slice(0, 2), a.length > 2 ? a.slice(2).replace(/^=/, '') : undefined];
    if (VALUED.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) return { error: `flag needs an argument: ${name.startsWith('--') ? `--${name.slice(2)}` : `'${name[1]}' in ${name}`}\nSee 'docker exec --help'.\n` };
      const kv = /^([^=]+)=(.*)$/s.exec(value);
      if ((name === '-e' || name === '--env') && kv) f.env.push([kv[1]!, kv[2]!]);
      continue;
    }
    if (a === '--interactive') f.interactive = true;
    else if (a === '--tty') f.tty = true;
    else if (a === '--detach' || a === '--privileged') continue;
    else if (/^-[itd]+$/.test(a)) {
      f.interactive ||= a.includes('i');
      f.tty ||= a.includes('t');
    } else if (a.startsWith('--')) return { error: `unknown flag: ${name}\nSee 'docker exec --help'.\n` };
    else return { error: `unknown shorthand flag: '${[...a.slice(1)].find((c) => !'itd'.includes(c))}' in ${a}\nSee 'docker exec --help'.\n` };
  }
  f.at = i;
  return f;
}

export function docker(args: string[], ctx: CommandContext, deps: DockerDeps): CommandResult {
  if (args[0] === 'ps' || (args[0] === 'container' && (args[1] === 'ls' || args[1] === 'ps' || args[1] === 'list'))) {
    return dockerPs(ctx.sim, args.slice(args[0] === 'ps' ? 1 : 2));
  }
  if (args[0] !== 'exec') return err(`docker: '${args[0] ?? ''}' is not simulated here; try docker ps, or docker exec NODE iptables-save\n`);
  const flags = execFlags(args);
  if ('error' in flags) return err(flags.error, 125);
  const nodeName = args[flags.at];
  const argv = args.slice(flags.at + 1);
  if (!nodeName || argv.length === 0) return err(USAGE_EXEC);
  const node = ctx.sim.cluster.store.get('Node', undefined, nodeName);
  if (!node) return err(`Error response from daemon: No such container: ${nodeName}\n`);
  // docker/cli CheckTty: a TTY for an attached stdin needs the terminal there.
  if (flags.interactive && flags.tty && ctx.stdinTTY === false) return err('the input device is not a TTY\n');
  const program = argv[0]!.split('/').pop()!;
  const shell: NodeShell = program === 'bash' ? 'bash' : 'dash';
  if (NODE_SHELLS.has(program) && argv.length === 1) {
    if (!flags.interactive) return out('');
    if (ctx.stdinTTY !== false) {
      deps.attachNode(nodeName, shell, flags.tty, flags.env);
      return out('');
    }
  }
  const runLine = NODE_SHELLS.has(program) ? deps.shellOnNode(nodeName, shell, flags.tty, flags.env) : () => out('');
  const ran = execOnNode({ sim: ctx.sim, plane: deps.plane, node, tty: flags.tty, runLine, ...(flags.interactive ? { stdin: ctx.stdin } : {}) }, argv);
  if ('missing' in ran) return err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${ran.missing}": executable file not found in $PATH: unknown\n`, 127);
  return ran;
}
