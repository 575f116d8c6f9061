/** kubectl run NAME --image=IMG [--labels=k=v,...] [--port=P] [--restart=Never] [--env=K=V] [--command] [-- ARGS...]. */
import { err, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { podManifest } from './generators';
import { SUBMIT_FLAGS, submitManifest, submitOptions, withBareDryRun } from './submit';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS, '--image': 'image', '--labels': 'labels', '-l': 'labels', '--port': 'port', '--restart': 'restart', '--env': 'env' },
  bool: { '--command': 'command', '-i': 'stdin', '--stdin': 'stdin', '-t': 'tty', '--tty': 'tty', '-it': 'stdin', '--rm': 'rm' },
};

export function kubectlRun(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(withBareDryRun(args), SPEC, 'kubectl run');
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  const name = p.positional[0];
  if (!name) return err("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
  if (!p.flags.image) return err("error: required flag(s) \"image\" not set\n");
  if (p.bools.has('stdin')) return err('error: interactive sessions (-it) are not supported here; run the pod, then kubectl exec NAME -- CMD\n');
  let labels: Record<string, string> | undefined;
  if (p.flags.labels) {
    labels = {};
    for (const pair of p.flags.labels.split(',')) {
      const [k, v] = pair.split('=');
      if (!k || v === undefined) return err(`error: invalid label spec: ${pair}\n`);
      labels[k] = v;
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
  });
  return submitManifest(ctx, manifest, 'created', opts);
}
