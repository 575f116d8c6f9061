/** kubectl run NAME --image=IMG [--labels=k=v,...] [--port=P] [--restart=Never] [--env=K=V] [--command] [-i -t --rm] [-- ARGS...]. */
import { setOwn } from '../../sim/model/own';
import type { Pod } from '../../sim/model/types';
import { execInPod } from '../pod-exec';
import { hasShell, isInteractiveShell, shellPrompt } from '../pod-shell';
import { imageTraits } from '../tools/image-traits';
import { err, out, type CommandContext, type CommandResult } from '../types';
import type { KubectlDeps } from './kubectl';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { podManifest } from './generators';
import { SUBMIT_FLAGS, submitManifest, submitOptions, withBareDryRun } from './submit';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS, '--image': 'image', '--labels': 'labels', '-l': 'labels', '--port': 'port', '--restart': 'restart', '--env': 'env' },
  bool: { '--expose': 'expose', '--command': 'command', '-i': 'stdin', '--stdin': 'stdin', '-t': 'tty', '--tty': 'tty', '-it': 'stdin', '-ti': 'stdin', '--rm': 'rm' },
};

export function kubectlRun(args: string[], ctx: CommandContext, deps: KubectlDeps): CommandResult {
  const p = parseFlags(withBareDryRun(args), SPEC, 'kubectl run');
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  const name = p.positional[0];
  if (!name) return err("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  if (!p.flags.image) return err("error: required flag(s) \"image\" not set\n");
  const attached = p.bools.has('stdin') || p.bools.has('tty');
  if (p.bools.has('rm') && !attached) return err('error: --rm should only be used for attached containers\n');
  let labels: Record<string, string> | undefined;
  if (p.flags.labels) {
    labels = {};
    for (const pair of p.flags.labels.split(',')) {
      const [k, v] = pair.split('=');
      if (!k || v === undefined) return err(`error: invalid label spec: ${pair}\n`);
      setOwn(labels, k, v);
    }
  }
  const restart = p.flags.restart;
  if (restart !== undefined && !['Always', 'OnFailure', 'Never'].includes(restart)) return err(`error: invalid restart policy: ${restart}\n`);
  const env = p.flags.env ? [{ name: p.flags.env.split('=')[0]!, value: p.flags.env.split('=').slice(1).join('=') }] : [];
  const manifest = podManifest(name, {
    image: p.flags.image,
    labels,
    port: p.flags.port !== undefined ? Number(p.flags.port) : undefined,
    restart,
    command: p.bools.has('command'),
    args: p.rest ?? p.positional.slice(1),
    env,
    namespace: p.flags.namespace,
    stdin: p.bools.has('stdin'),
    tty: p.bools.has('tty') || args.some((a) => a === '-it' || a === '-ti'),
  });
  if (p.bools.has('expose')) {
    if (p.flags.port === undefined) return err("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n");
    const service = exposedService(name, Number(p.flags.port), labels, p.flags.namespace);
    const svc = submitManifest(ctx, service, 'created', opts);
    if (svc.exitCode !== 0) return svc;
    const pod = submitManifest(ctx, manifest, 'created', opts);
    // cmd/run/run.go prints the Service, then the pod; -o yaml puts "---" twice between them (checked with the real client).
    const between: CommandResult['chunks'] = opts.output === 'yaml' ? [{ stream: 'out', text: '---\n---\n' }] : [];
    return { chunks: [...svc.chunks, ...(pod.exitCode === 0 ? between : []), ...pod.chunks], exitCode: pod.exitCode };
  }
  if (!attached || opts.dryRun !== 'none') return submitManifest(ctx, manifest, 'created', opts);
  const created = submitManifest(ctx, manifest, 'created', opts);
  if (created.exitCode !== 0) return created;
  const pod = ctx.sim.cluster.store.get('Pod', p.flags.namespace ?? 'default', name);
  if (!pod || pod.status.phase === 'Pending') return err('error: timed out waiting for the condition\n');
  return attachToRun(ctx, deps, pod, p.rest ?? p.positional.slice(1), p.bools.has('rm'));
}

/**
 * kubectl run -i/-t: attach to the new pod's main process (cmd/run/run.go, attach.go). A
 * shell gives the terminal its prompt until `exit`; a command that ends prints what it
 * wrote. --rm deletes the pod once the process is done.
 */
function attachToRun(ctx: CommandContext, deps: KubectlDeps, pod: Pod, args: string[], remove: boolean): CommandResult {
  const c = pod.spec.containers[0]!;
  const argv = args.length ? args : (imageTraits(c.image).shellCmd ? [imageTraits(c.image).shellCmd!] : []);
  if (isInteractiveShell(argv) && hasShell(c, argv[0]!)) {
    deps.attach(pod, undefined, shellPrompt(pod, c, argv[0]!), { remove, tty: c.tty === true });
    return out("If you don't see a command prompt, try pressing enter.\n");
  }
  // The container's stdout is a terminal when its spec asks for one (kubectl run -t).
  const tty = c.tty === true;
  const ran = argv.length ? execInPod({ sim: ctx.sim, plane: deps.plane, pod, tty, runLine: (line) => deps.runInPod(pod, undefined, line, tty) }, argv) : out('');
  const result = 'missing' in ran ? err(`exec: "${ran.missing}": executable file not found in $PATH\n`, 128) : ran;
  const chunks = [...result.chunks];
  if (remove) {
    ctx.sim.cluster.deletePod(pod);
    ctx.sim.settle();
    chunks.push({ stream: 'out', text: `pod "${pod.metadata.name}" deleted\n` });
  }
  if (result.exitCode !== 0) chunks.push({ stream: 'err', text: `pod ${pod.metadata.namespace}/${pod.metadata.name} terminated (Error)\n` });
  return { chunks, exitCode: result.exitCode === 0 ? 0 : 1 };
}

/**
 * run --expose: a ClusterIP Service named after the pod, selecting the pod's labels (run=NAME unless
 * --labels), on --port with the same targetPort; it carries --labels when given (cmd/run/run.go
 * generateService with ServiceGeneratorV2, checked with the real client).
 */
function exposedService(name: string, port: number, labels: Record<string, string> | undefined, namespace: string | undefined): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, ...(labels ? { labels } : {}), ...(namespace ? { namespace } : {}) },
    spec: { ports: [{ port, protocol: 'TCP', targetPort: port }], selector: labels ?? { run: name } },
  };
}
