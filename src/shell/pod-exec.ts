/**
 * Runs a program inside a pod's container, as `kubectl exec` does: the
 * program must exist in the image, and it sees the pod's files, environment
 * and network.
 */
import type { Pod } from '../sim/model/types';
import type { DataPlane } from '../sim/net/packet';
import type { Simulation } from '../sim/simulation';
import { runCurl } from './tools/curl';
import { runDig } from './tools/dig';
import { runHost } from './tools/host';
import { hasProgram, toolsetOf } from './tools/images';
import { bindNslookup, busyboxNslookup } from './tools/nslookup';
import { podDir, podEnvVars, podEnv, podFile, resolvConfFor } from './tools/pod-files';
import { podHostname } from '../sim/net/servers';
import { runWget } from './tools/wget';
import { runNc } from './tools/nc';
import type { CommandResult } from './types';

export interface PodExecContext {
  sim: Simulation;
  plane: DataPlane;
  pod: Pod;
  container?: string;
  /** Runs a shell line (for sh -c). */
  runLine(line: string): CommandResult;
}

export function execInPod(ctx: PodExecContext, argv: string[]): CommandResult | { missing: string } {
  const [program, ...args] = argv;
  if (!program) return { chunks: [], exitCode: 0 };
  const c = ctx.pod.spec.containers.find((x) => x.name === ctx.container) ?? ctx.pod.spec.containers[0]!;
  const tools = toolsetOf(c.image);
  const base = program.split('/').pop()!;
  if (!hasProgram(tools, base)) return { missing: program };
  const out = (text: string, code = 0): CommandResult => ({ chunks: text ? [{ stream: 'out', text }] : [], exitCode: code });
  switch (base) {
    case 'hostname':
      return out(podHostname(ctx.pod) + '\n');
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
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'));
      if (paths.length === 1) {
        const dir = podDir(ctx.sim, ctx.pod, c.name, paths[0]!);
        if (dir) return out(dir.map((f) => `${f}\n`).join(''));
        if (podFile(ctx.sim, ctx.pod, paths[0]!, c.name) !== undefined) return out(`${paths[0]}\n`);
      }
      return out('bin\ndev\netc\nhome\nlib\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n');
    }
    case 'touch':
    case 'rm':
    case 'test':
      return fileCommand(ctx, base, args);
    case 'cat': {
      let text = '';
      for (const path of args) {
        const content = podFile(ctx.sim, ctx.pod, path, c.name) ?? ((ctx.pod.status.files ?? []).includes(path) ? '' : undefined);
        if (content === undefined) return { chunks: [...(text ? [{ stream: 'out' as const, text }] : []), { stream: 'err', text: `cat: can't open '${path}': No such file or directory\n` }], exitCode: 1 };
        text += content;
      }
      return out(text);
    }
    case 'sh': {
      if (args[0] === '-c' && args[1] !== undefined) return ctx.runLine(args[1]);
      return out('');
    }
    case 'nslookup': {
      const conf = resolvConfFor(ctx.sim, ctx.pod);
      const dns = ctx.sim.dnsContextFor(conf, { ip: ctx.pod.status.podIP ?? '' });
      return tools!.nslookup === 'bind' ? bindNslookup(dns, conf, args) : busyboxNslookup(dns, conf, args);
    }
    case 'host': {
      const conf = resolvConfFor(ctx.sim, ctx.pod);
      return runHost(ctx.sim.dnsContextFor(conf, { ip: ctx.pod.status.podIP ?? '' }), conf, args);
    }
    case 'dig':
      return runDig(ctx.sim, resolvConfFor(ctx.sim, ctx.pod), args, ctx.pod.status.podIP ?? '');
    case 'curl':
      return runCurl(ctx.sim, ctx.plane, { kind: 'pod', pod: ctx.pod }, args, tools!.libc, (p) => podFile(ctx.sim, ctx.pod, p, ctx.container));
    case 'wget':
      return runWget(ctx.sim, ctx.plane, { kind: 'pod', pod: ctx.pod }, args, tools!.libc);
    case 'nc':
      return runNc(ctx.sim, ctx.plane, { kind: 'pod', pod: ctx.pod }, args, tools!.nslookup === 'bind' ? 'openbsd' : 'busybox', tools!.libc);
    default:
      return { missing: program };
  }
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
