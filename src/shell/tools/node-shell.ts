/**
 * A shell on a kind node (docker exec -it NODE bash): its prompt, environment and "not found".
 * The kindest/node image is Debian bookworm: /etc/bash.bashrc sets PS1 to '\u@\h:\w\$ ', so root in
 * / sees "root@NODE:/#"; Debian's sh is dash, whose root prompt is "#". docker exec gives the
 * process the image's ENV (PATH, container=docker, kind's base image Dockerfile), HOSTNAME, HOME of
 * the user, and TERM=xterm with -t.
 */
import { err, type CommandResult } from '../types';
import type { NodeShell } from './docker';

export function nodePrompt(node: string, shell: NodeShell): string {
  return shell === 'bash' ? `root@${node}:/#` : '#';
}

export function nodeEnvVars(node: string, tty: boolean): [string, string][] {
  return [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['container', 'docker'],
    ['HOSTNAME', node],
    ['HOME', '/root'],
    ...(tty ? [['TERM', 'xterm'] as [string, string]] : []),
  ];
}

/** bash's "command not found", or dash's "not found" with the line number (1 here). */
export function nodeNotFound(shell: NodeShell, name: string): CommandResult {
  return err(shell === 'bash' ? `bash: ${name}: command not found\n` : `sh: 1: ${name}: not found\n`, 127);
}
