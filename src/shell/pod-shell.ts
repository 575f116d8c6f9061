/**
 * Interactive shells in a pod (kubectl exec -it POD -- sh, kubectl run -it ... -- sh):
 * which programs count as a shell, which image has which, and the prompt each prints.
 */
import type { Container, Pod } from '../sim/model/types';
import { podHostname } from '../sim/net/servers';
import { toolsetOf } from './tools/images';
import { imageTraits } from './tools/image-traits';

const SHELLS = new Set(['sh', 'bash', 'ash']);

/** A lone shell with no script: the learner wants a prompt. */
export function isInteractiveShell(argv: string[]): boolean {
  return argv.length === 1 && SHELLS.has(argv[0]!.split('/').pop()!);
}

export function hasShell(c: Container, program: string): boolean {
  const base = program.split('/').pop()!;
  if (!toolsetOf(c.image)?.shell) return false;
  const traits = imageTraits(c.image);
  if (base === 'bash') return traits.bash !== undefined;
  return base === 'sh' || (base === 'ash' && traits.base !== 'debian');
}

/**
 * The prompt an interactive shell prints: ash's default PS1 "\w \$ " (so "/ #" in /, "~ #" in
 * /root), Debian's dash "#", Debian's bash with root's .bashrc "root@HOSTNAME:/#", and bash
 * without a bashrc (Alpine images that add bash) its built-in "\s-\v\$ ": "bash-5.2#".
 */
export function shellPrompt(pod: Pod, c: Container, program: string): string {
  const base = program.split('/').pop()!;
  const traits = imageTraits(c.image);
  const dir = traits.workdir === '/root' ? '~' : traits.workdir;
  if (traits.base !== 'debian') return base === 'bash' ? `bash-${traits.bash}#` : `${dir} #`;
  return base === 'bash' ? `root@${podHostname(pod)}:${dir}#` : '#';
}

/** The container a command runs in: the one named, else the first. */
export function containerOf(pod: Pod, name: string | undefined): Container {
  return pod.spec.containers.find((x) => x.name === name) ?? pod.spec.containers[0]!;
}
