/**
 * kubectl exec POD [-c CONTAINER] -- COMMAND: runs the command in the pod and
 * adds "command terminated with exit code N" when it fails, as kubectl does.
 * With -i/-t and a lone shell (sh, bash), the terminal attaches to that shell: the
 * next lines run in the pod until `exit`.
 */
import { containerStatusesAt } from '../print/pod-runtime';
import { execInPod } from '../pod-exec';
import { containerOf, hasShell, isInteractiveShell, shellPrompt } from '../pod-shell';
import type { KubectlDeps } from './kubectl';
import { err, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { defaultedContainer } from './logs';
import { podFor } from './pod-for';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-c': 'container', '--container': 'container' },
  bool: { '-i': 'stdin', '--stdin': 'stdin', '-t': 'tty', '--tty': 'tty', '-it': 'stdin', '-ti': 'stdin', '-q': 'quiet', '--quiet': 'quiet' },
};

export function kubectlExec(args: string[], ctx: CommandContext, deps: KubectlDeps): CommandResult {
  const { plane, runInPod } = deps;
  const parsed = parseFlags(args, SPEC, 'kubectl exec');
  if (parsed.error) return err(parsed.error);
  const podArg = parsed.positional[0];
  if (!podArg) return err("error: pod, type/name or --filename must be specified\n");
  if (!parsed.rest) {
    if (parsed.positional.length > 1) return err("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    return err("error: you must specify at least one command for the container\n");
  }
  if (parsed.rest.length === 0) return err("error: you must specify at least one command for the container\n");
  const ns = parsed.flags.namespace ?? 'default';
  const found = podFor(ctx.sim, ns, podArg);
  if ('error' in found) return err(found.error);
  const pod = found;
  const container = parsed.flags.container;
  if (container && !pod.spec.containers.some((c) => c.name === container)) {
    return err(`error: unable to upgrade connection: container not found ("${container}")\n`);
  }
  // kubectl exec refuses a finished pod itself (cmd/exec/exec.go); a container that is not running has no process to join.
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return err(`error: cannot exec into a container in a completed pod; current phase is ${pod.status.phase}\n`);
  const target = container ?? pod.spec.containers[0]!.name;
  const st = containerStatusesAt(pod, ctx.sim.cluster.clock.now()).find((s) => s.container.name === target);
  if (pod.status.phase !== 'Running' || (st && !('running' in st.state))) {
    return err(`error: unable to upgrade connection: container not found ("${target}")\n`);
  }
  const interactive = parsed.bools.has('stdin') || parsed.bools.has('tty');
  const defaultNote = !container && pod.spec.containers.length > 1 && !parsed.bools.has('quiet') ? [{ stream: 'err' as const, text: defaultedContainer(pod) }] : [];
  // A shell attaches only to the terminal: given a pipe or a file (kubectl exec -i POD -- sh < script.sh) it runs what it reads.
  if (interactive && isInteractiveShell(parsed.rest) && ctx.stdinTTY !== false) {
    const c = containerOf(pod, container);
    if (hasShell(c, parsed.rest[0]!)) {
      deps.attach(pod, container, shellPrompt(pod, c, parsed.rest[0]!));
      return { chunks: defaultNote, exitCode: 0 };
    }
  }
  // -t gives the command a terminal (curl then hides its progress meter), but only with -i:
  // without stdin kubectl turns the TTY off (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go SetupTTY).
  const tty = parsed.bools.has('stdin') && (parsed.bools.has('tty') || args.some((a) => a === '-it' || a === '-ti'));
  // -i hands the command kubectl's standard input (what was piped into it); without it the command reads nothing.
  const stdin = parsed.bools.has('stdin') ? { stdin: ctx.stdin } : {};
  const ran = execInPod({ sim: ctx.sim, plane, pod, container, tty, runLine: (line) => runInPod(pod, container, line, tty), ...stdin }, parsed.rest);
  const result = 'missing' in ran ? ran : { ...ran, chunks: [...defaultNote, ...ran.chunks] };
  if ('missing' in result) {
    const id = ctx.sim.cluster.trafficRng.string(64, '0123456789abcdef');
    return err(
      `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${result.missing}": executable file not found in $PATH: unknown\n`,
    );
  }
  if (result.exitCode !== 0) {
    const text = result.chunks.map((c) => c.text).join('');
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return { chunks: [...result.chunks, { stream: 'err', text: `${sep}command terminated with exit code ${result.exitCode}\n` }], exitCode: result.exitCode };
  }
  return result;
}
