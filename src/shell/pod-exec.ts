/**
 * Runs a program inside a pod's container, as `kubectl exec` does: the
 * program must exist in the image, and it sees the pod's files, environment
 * and network.
 */
import type { Pod } from '../sim/model/types';
import type { DataPlane } from '../sim/net/packet';
import type { Simulation } from '../sim/simulation';
import { runCurl } from './tools/curl';
import { runNetstat } from './tools/netstat';
import { podLs } from './tools/ls';
import { runTraceroute } from './tools/traceroute';
import { runDig } from './tools/dig';
import { runHost } from './tools/host';
import { hasProgram, toolsetOf } from './tools/images';
import { bindNslookup, busyboxNslookup } from './tools/nslookup';
import { busybox128Nslookup } from './tools/nslookup-old';
import { runHostname } from './tools/hostname';
import { podEnvVars, podEnv, podFile, resolvConfFor } from './tools/pod-files';
import { runWget } from './tools/wget';
import { runNc } from './tools/nc';
import { imageTraits } from './tools/image-traits';
import { runIfconfig, runIp } from './tools/ip-command';
import { podLinks, podRoutes } from './tools/net-links';
import { runPing } from './tools/ping';
import { textTool } from './text-tools';
import type { CommandResult } from './types';
import { runScriptLines } from './script-lines';

export interface PodExecContext {
  sim: Simulation;
  plane: DataPlane;
  pod: Pod;
  container?: string;
  /** Whether the program's stdout is a terminal (kubectl exec -t, an attached shell). */
  tty?: boolean;
  /** Runs a shell line (for sh -c). */
  runLine(line: string): CommandResult;
  /** What the program reads on its standard input (kubectl exec -i, a pipe in the pod's shell); none without. */
  stdin?: string;
}

export function execInPod(ctx: PodExecContext, argv: string[]): CommandResult | { missing: string } {
  const [program, ...args] = argv;
  if (!program) return { chunks: [], exitCode: 0 };
  const c = ctx.pod.spec.containers.find((x) => x.name === ctx.container) ?? ctx.pod.spec.containers[0]!;
  const tools = toolsetOf(c.image);
  const base = program.split('/').pop()!;
  const traits = imageTraits(c.image);
  const extra = !!tools?.shell && (traits.programs.includes(base) || (base === 'bash' && traits.bash !== undefined));
  if (!hasProgram(tools, base) && !extra) return textApplet(ctx, c.image, base, args) ?? { missing: program };
  const out = (text: string, code = 0): CommandResult => ({ chunks: text ? [{ stream: 'out', text }] : [], exitCode: code });
  switch (base) {
    case 'hostname':
      return runHostname(ctx.pod, podFile(ctx.sim, ctx.pod, '/etc/hosts') ?? '', args, tools!.nslookup?.startsWith('busybox') ?? false);
    case 'env':
      return out(podEnv(ctx.pod, c.name));
    case 'printenv': {
      // printenv NAME...: each value on its line; exit 1 when one is not set (coreutils and busybox alike).
      if (args.length === 0) return out(podEnv(ctx.pod, c.name));
      const vars = new Map(podEnvVars(ctx.pod, c.name));
      const found = args.filter((a) => vars.has(a));
      return out(found.map((a) => `${vars.get(a)}\n`).join(''), found.length === args.length ? 0 : 1);
    }
    case 'echo':
      return out(args.join(' ') + '\n');
    case 'true':
      return out('');
    case 'false':
      return out('', 1);
    case 'exit':
      // The shell builtin: its status (the rest of a line is not cut short here).
      return out('', Number(args[0] ?? 0) || 0);
    case 'sleep':
      return out('');
    case 'ls':
      return podLs(ctx.sim, ctx.pod, c, args);
    case 'touch':
    case 'rm':
    case 'test':
      return fileCommand(ctx, base, args);
    case 'cat': {
      // No file, or "-": standard input (empty without kubectl exec -i).
      if (args.length === 0) return out(ctx.stdin ?? '');
      let text = '';
      for (const path of args) {
        if (path === '-') {
          text += ctx.stdin ?? '';
          continue;
        }
        const content = podFile(ctx.sim, ctx.pod, path, c.name) ?? ((ctx.pod.status.files ?? []).includes(path) ? '' : undefined);
        if (content === undefined) return { chunks: [...(text ? [{ stream: 'out' as const, text }] : []), { stream: 'err', text: `cat: can't open '${path}': No such file or directory\n` }], exitCode: 1 };
        text += content;
      }
      return out(text);
    }
    case 'ip':
      return runIp(args, podLinks(ctx.sim, ctx.pod), podRoutes(ctx.sim, ctx.pod), traits.iproute2 ? 'iproute2' : 'busybox');
    case 'ifconfig':
      return runIfconfig(podLinks(ctx.sim, ctx.pod));
    case 'ping':
      return runPing(ctx.sim, ctx.pod, args, traits.iputils ? 'iputils' : 'busybox');
    case 'netstat':
      return runNetstat(ctx.sim, ctx.plane, ctx.pod, c.image, args, tools!.libc);
    case 'traceroute':
      return runTraceroute(ctx.sim, ctx.pod, args);
    case 'bash':
    case 'sh': {
      if (args[0] === '-c' && args[1] !== undefined) return ctx.runLine(args[1]);
      // A script on standard input (kubectl exec -i POD -- sh < script.sh), line by line.
      return ctx.stdin ? runScriptLines(ctx.stdin, ctx.runLine) : out('');
    }
    case 'nslookup': {
      const conf = resolvConfFor(ctx.sim, ctx.pod);
      const dns = ctx.sim.dnsContextFor(conf, { ip: ctx.pod.status.podIP ?? '' });
      if (tools!.nslookup === 'busybox-1.28') return busybox128Nslookup(dns, conf, args);
      return tools!.nslookup === 'bind' ? bindNslookup(dns, conf, args) : busyboxNslookup(dns, conf, args);
    }
    case 'host': {
      const conf = resolvConfFor(ctx.sim, ctx.pod);
      return runHost(ctx.sim.dnsContextFor(conf, { ip: ctx.pod.status.podIP ?? '' }), conf, args);
    }
    case 'dig':
      return runDig(ctx.sim, resolvConfFor(ctx.sim, ctx.pod), args, ctx.pod.status.podIP ?? '');
    case 'curl':
      return runCurl(ctx.sim, ctx.plane, { kind: 'pod', pod: ctx.pod }, args, tools!.libc, undefined, ctx.tty ?? false, (p) => podFile(ctx.sim, ctx.pod, p, ctx.container));
    case 'wget':
      return runWget(ctx.sim, ctx.plane, { kind: 'pod', pod: ctx.pod }, args, tools!.libc);
    case 'nc':
      return runNc(ctx.sim, ctx.plane, { kind: 'pod', pod: ctx.pod }, args, tools!.nslookup === 'bind' ? 'openbsd' : 'busybox', tools!.libc);
    default:
      return textApplet(ctx, c.image, base, args) ?? { missing: program };
  }
}

/** grep, head, wc, sort...: busybox applets in any image with a shell. */
function textApplet(ctx: PodExecContext, image: string, name: string, args: string[]): CommandResult | undefined {
  if (!toolsetOf(image)?.shell) return undefined;
  return textTool(name, args, ctx.stdin ?? '', (path) => podFile(ctx.sim, ctx.pod, path, ctx.container));
}


/**
 * touch, rm and test on the container's own files: what exec readiness
 * probes look at, so a learner can make a pod unready and ready again.
 */
function fileCommand(ctx: PodExecContext, program: string, args: string[]): CommandResult {
  const paths = args.filter((a) => !a.startsWith('-'));
  const files = new Set(ctx.pod.status.files ?? []);
  if (program === 'test') {
    const path = paths[paths.length - 1];
    return { chunks: [], exitCode: path !== undefined && (files.has(path) || podFile(ctx.sim, ctx.pod, path) !== undefined) ? 0 : 1 };
  }
  if (paths.length === 0) return { chunks: [{ stream: 'err', text: `${program}: missing operand\n` }], exitCode: 1 };
  for (const path of paths) {
    if (program === 'touch') files.add(path);
    else if (files.has(path)) files.delete(path);
    else if (!args.includes('-f')) return { chunks: [{ stream: 'err', text: `rm: can't remove '${path}': No such file or directory\n` }], exitCode: 1 };
  }
  ctx.pod.status.files = [...files];
  ctx.sim.cluster.noticed(ctx.pod);
  ctx.sim.settle();
  return { chunks: [], exitCode: 0 };
}
