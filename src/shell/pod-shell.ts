/**
 * Interactive shells in a pod (kubectl exec -it POD -- sh, kubectl run -it ... -- sh):
 * which programs count as a shell, which image has which, and the prompt each prints.
 * busybox's and Alpine's ash print "/ # " for root in /, Debian's dash "# ", and bash
 * "root@HOSTNAME:/# ".
 */
import type { Container, Pod } from '../sim/model/types';
import { podHostname } from '../sim/net/servers';
import { toolsetOf } from './tools/images';

const SHELLS = new Set(['sh', 'bash', 'ash']);

/** A lone shell with no script: the learner wants a prompt. */
export function isInteractiveShell(argv: string[]): boolean {
  return argv.length === 1 && SHELLS.has(argv[0]!.split('/').pop()!);
}

/** Debian-based images (nginx without an alpine tag, ubuntu, debian) have bash; busybox and Alpine only ash as sh. */
function isDebian(c: Container): boolean {
  const tools = toolsetOf(c.image);
  const repo = c.image.split('@')[0]!.replace(/:[^/:]*$/, '').split('/').pop()!;
  return !!tools && tools.libc === 'glibc' && repo !== 'busybox';
}

export function hasShell(c: Container, program: string): boolean {
  const base = program.split('/').pop()!;
  if (!toolsetOf(c.image)?.shell) return false;
  if (base === 'bash') return isDebian(c);
  return base === 'sh' || (base === 'ash' && !isDebian(c));
}

export function shellPrompt(pod: Pod, c: Container, program: string): string {
  const base = program.split('/').pop()!;
  if (!isDebian(c)) return '/ #';
  return base === 'bash' ? `root@${podHostname(pod)}:/#` : '#';
}

/** The container a command runs in: the one named, else the first. */
export function containerOf(pod: Pod, name: string | undefined): Container {
  return pod.spec.containers.find((x) => x.name === name) ?? pod.spec.containers[0]!;
}
