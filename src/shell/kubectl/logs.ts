/**
 * kubectl logs POD [-c CONTAINER]: what the images we run print when they
 * start (agnhost's subcommands log through Go's log package; nginx its
 * docker-entrypoint lines are left out: only its start notice).
 */
import { simTimeToIso } from '../../sim/clock';
import type { Container, Pod } from '../../sim/model/types';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import type { KubectlDeps } from './kubectl';
import { execInPod } from '../pod-exec';
import { mainProcess } from '../../sim/kubelet/main-process';
import { containerStatusesAt } from '../print/pod-runtime';
import { podForLogs } from './pod-for';
import { parseSelector } from './selector';
import { corednsStartLog } from './coredns-log';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-c': 'container', '--container': 'container', '--tail': 'tail', '-l': 'selector', '--selector': 'selector' },
  bool: { '-f': 'follow', '--follow': 'follow', '-p': 'previous', '--previous': 'previous', '--timestamps': 'timestamps', '--prefix': 'prefix' },
};

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
  const given = [...(c.command ?? []), ...(c.args ?? [])];
  // The binary may be named first: command ["/agnhost", "serve-hostname"].
  const args = /^(\/?agnhost)$/.test(given[0] ?? '') ? given.slice(1) : given;
  if (image === 'serve_hostname') return goLog(started, `Serving on port ${flag(given.map((a) => a.replace(/^-(?=[a-z])/, '--')), '--port', '9376')}.`);
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
  const arg = p.positional[0];
  if (p.flags.selector !== undefined) {
    if (arg) return err("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    return logsBySelector(p.flags.selector, p, ctx, deps);
  }
  if (!arg) return err("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
  const found = podForLogs(ctx.sim, p.flags.namespace ?? 'default', arg);
  if ('error' in found) return err(found.error);
  return podLogs(found.pod, found.found, p, ctx, deps);
}

/**
 * kubectl logs -l SELECTOR: every matching pod's logs one after the other, in the API's order
 * (by name), each prefixed with [pod/NAME/CONTAINER] only with --prefix (logs.go: the selector
 * makes a list of requests; --tail defaults to 10 then: tailOf).
 */
function logsBySelector(selectorText: string, p: ReturnType<typeof parseFlags>, ctx: CommandContext, deps: KubectlDeps): CommandResult {
  const selector = parseSelector(selectorText);
  if ('error' in selector) return err(selector.error);
  const ns = p.flags.namespace ?? 'default';
  const pods = (ctx.sim.cluster.store.list('Pod', ns) as Pod[]).filter((o) => selector.matches(o.metadata.labels)).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (pods.length === 0) return err(`No resources found in ${ns} namespace.\n`, 0);
  const chunks: CommandResult['chunks'] = [];
  let exitCode = 0;
  for (const pod of pods) {
    const r = podLogs(pod, 1, p, ctx, deps);
    const c = (p.flags.container ? pod.spec.containers.find((x) => x.name === p.flags.container) : pod.spec.containers[0])?.name ?? '';
    for (const ch of r.chunks) {
      if (ch.stream === 'out' && p.bools.has('prefix')) chunks.push({ stream: 'out', text: ch.text.replace(/^(?=.)/gm, `[pod/${pod.metadata.name}/${c}] `) });
      else chunks.push(ch);
    }
    if (r.exitCode !== 0) exitCode = r.exitCode;
  }
  return { chunks, exitCode };
}

function podLogs(pod: Pod, podsFound: number, p: ReturnType<typeof parseFlags>, ctx: CommandContext, deps: KubectlDeps): CommandResult {
  const found = { found: podsFound };
  const name = pod.metadata.name;
  // logsforobject.go: "Found %v pods, using pod/%v" on stderr before the logs, when the selector found several.
  const foundNote = found.found > 1 ? [{ stream: 'err' as const, text: `Found ${found.found} pods, using pod/${name}\n` }] : [];
  const fail = (text: string): CommandResult => {
    const e = err(text);
    return { ...e, chunks: [...foundNote, ...e.chunks] };
  };
  const wanted = p.flags.container ?? p.positional[1];
  const c = wanted ? pod.spec.containers.find((x) => x.name === wanted) : pod.spec.containers[0];
  if (!c) return fail(`error: container ${wanted} is not valid for pod ${name}\n`);
  // A pod no node took has no log location: the API server streams nothing (pkg/registry/core/pod/strategy.go LogLocation, rest.LocationStreamer).
  if (!pod.spec.nodeName) return { chunks: foundNote, exitCode: 0 };
  const st = containerStatusesAt(pod, ctx.sim.cluster.clock.now()).find((s) => s.container === c)!;
  const previous = p.bools.has('previous');
  // The kubelet serves the current container's log, or the last one's while it waits to restart (kuberuntime_logs / kubelet_pods.go validateContainerLogStatus).
  if (previous && !st.lastState) return fail(`Error from server (BadRequest): previous terminated container "${c.name}" in pod "${name}" not found\n`);
  if (!st.created) {
    const reason = 'waiting' in st.state ? st.state.waiting.reason : 'ContainerCreating';
    return fail(`Error from server (BadRequest): container "${c.name}" in pod "${name}" is waiting to start: ${reason}\n`);
  }
  const coredns = c.image.split('@')[0]!.replace(/:[^/:]*$/, '').endsWith('/coredns');
  const text = coredns ? corednsLog(ctx, pod) : mainProcess(c).ends ? commandLog(ctx, deps, pod, c) : containerLog(c, pod.status.startTime ?? 0);
  const logs = out(tailLines(text, tailOf(p)));
  const defaulted = wanted || pod.spec.containers.length === 1 ? [] : [{ stream: 'err' as const, text: defaultedContainer(pod) }];
  return { chunks: [...foundNote, ...defaulted, ...logs.chunks], exitCode: 0 };
}

/**
 * --tail: the last N lines of each container's log; -1 (the default) all of them, except with a
 * selector, where kubectl asks for 10 (logs.go Complete: selectorTail).
 */
function tailOf(p: ReturnType<typeof parseFlags>): number {
  const given = p.flags.tail;
  if (given !== undefined && /^-?\d+$/.test(given)) return Number(given);
  return p.flags.selector !== undefined ? 10 : -1;
}

function tailLines(text: string, n: number): string {
  if (n < 0 || text === '') return text;
  if (n === 0) return '';
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  if (lines.length <= n) return text;
  return `${lines.slice(-n).join('\n')}${text.endsWith('\n') ? '\n' : ''}`;
}

/** CoreDNS's start lines, then what its reload and log plugins wrote since (sim/dns/coredns-state.ts). */
function corednsLog(ctx: CommandContext, pod: Pod): string {
  const state = ctx.sim.coredns;
  return corednsStartLog(state.startDigest(pod)) + state.logLines(pod).map((l) => `${l.text}\n`).join('');
}

/** kubectl picks the first container when none is named, and says so (podcmd.FindOrDefaultContainerByName). */
export function defaultedContainer(pod: Pod): string {
  const names = pod.spec.containers.map((c) => c.name);
  return `Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`;
}
