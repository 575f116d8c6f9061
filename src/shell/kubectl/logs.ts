/**
 * kubectl logs POD [-c CONTAINER]: what the images we run print when they
 * start (agnhost's subcommands log through Go's log package; nginx its
 * docker-entrypoint lines are left out: only its start notice).
 */
import { groupResource } from '../../sim/apiserver/resource-names';
import { simTimeToIso } from '../../sim/clock';
import type { Container, Pod } from '../../sim/model/types';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import type { KubectlDeps } from './kubectl';
import { execInPod } from '../pod-exec';
import { mainProcess } from '../../sim/kubelet/main-process';
import { containerStatusesAt } from '../print/pod-runtime';

const SPEC = { valued: { ...NAMESPACE_FLAGS, '-c': 'container', '--container': 'container', '--tail': 'tail' }, bool: { '-f': 'follow', '--follow': 'follow', '-p': 'previous', '--previous': 'previous', '--timestamps': 'timestamps' } };

function flag(args: string[], name: string, dflt: string): string {
  const eq = args.find((a) => a.startsWith(`${name}=`));
  if (eq) return eq.slice(name.length + 1);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
}

/** Go's log prefix: "2026/01/01 00:00:00 ". */
function goLog(seconds: number, line: string): string {
  const iso = simTimeToIso(seconds);
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)} ${line}\n`;
}

function containerLog(c: Container, started: number): string {
  const image = c.image.split('@')[0]!.replace(/:[^/:]*$/, '').split('/').pop()!;
  const args = [...(c.command ?? []), ...(c.args ?? [])];
  if (image === 'agnhost') {
    if (args[0] === 'serve-hostname') return goLog(started, `Serving on port ${flag(args, '--port', '9376')}.`);
    if (args[0] === 'netexec') return goLog(started, `Started HTTP server on port ${flag(args, '--http-port', '8080')}`) + goLog(started, `Started UDP server on port  ${flag(args, '--udp-port', '8081')}`);
    if (args[0] === 'pause' || args.length === 0) return 'Paused\n';
  }
  return '';
}

/**
 * What a command that ends printed. Deliberate departure: the simulator keeps no container
 * output, so the command is run again through the in-pod programs when the logs are asked
 * for (each run of a crash-looping container printing the same); a program the image lacks
 * prints nothing.
 */
function commandLog(ctx: CommandContext, deps: KubectlDeps, pod: Pod, c: Container): string {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  if (argv.length === 0) return '';
  const ran = execInPod({ sim: ctx.sim, plane: deps.plane, pod, container: c.name, runLine: (line) => deps.runInPod(pod, c.name, line) }, argv);
  if ('missing' in ran) return '';
  return ran.chunks.map((ch) => ch.text).join('');
}

export function kubectlLogs(args: string[], ctx: CommandContext, deps: KubectlDeps): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl logs');
  if (p.error) return err(p.error);
  let name = p.positional[0];
  if (!name) return err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
  if (name.startsWith('pod/') || name.startsWith('pods/')) name = name.slice(name.indexOf('/') + 1);
  const pod: Pod | undefined = ctx.sim.cluster.store.get('Pod', p.flags.namespace ?? 'default', name);
  if (!pod) return err(`Error from server (NotFound): ${groupResource('Pod')} "${name}" not found\n`);
  const wanted = p.flags.container ?? p.positional[1];
  const c = wanted ? pod.spec.containers.find((x) => x.name === wanted) : pod.spec.containers[0];
  if (!c) return err(`error: container ${wanted} is not valid for pod ${name}\n`);
  const st = containerStatusesAt(pod, ctx.sim.cluster.clock.now()).find((s) => s.container === c)!;
  const previous = p.bools.has('previous');
  // The kubelet serves the current container's log, or the last one's while it waits to restart (kuberuntime_logs / kubelet_pods.go validateContainerLogStatus).
  if (previous && !st.lastState) return err(`Error from server (BadRequest): previous terminated container "${c.name}" in pod "${name}" not found\n`);
  if (!st.created) {
    const reason = 'waiting' in st.state ? st.state.waiting.reason : 'ContainerCreating';
    return err(`Error from server (BadRequest): container "${c.name}" in pod "${name}" is waiting to start: ${reason}\n`);
  }
  const text = mainProcess(c).ends ? commandLog(ctx, deps, pod, c) : containerLog(c, pod.status.startTime ?? 0);
  const logs = out(text);
  if (wanted || pod.spec.containers.length === 1) return logs;
  return { chunks: [{ stream: 'err', text: defaultedContainer(pod) }, ...logs.chunks], exitCode: 0 };
}

/** kubectl picks the first container when none is named, and says so (podcmd.FindOrDefaultContainerByName). */
export function defaultedContainer(pod: Pod): string {
  const names = pod.spec.containers.map((c) => c.name);
  return `Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`;
}
