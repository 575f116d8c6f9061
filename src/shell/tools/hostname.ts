/**
 * hostname in a container: the pod's hostname (spec.hostname, else the pod name), and with -f
 * (busybox, and Debian's hostname also as --fqdn/--long) the canonical name the C library finds for
 * it in /etc/hosts: the first name on its line, which the kubelet writes as
 * <hostname>.<subdomain>.<ns>.svc.<zone> when the pod has a subdomain (k/k kubelet_pods.go
 * managedHostsFileContent), else the hostname itself. -s cuts at the first dot, -d prints what
 * follows it (busybox networking/hostname.c; Debian hostname.c alike for these).
 */
import type { Pod } from '../../sim/model/types';
import { podHostname } from '../../sim/net/servers';
import type { CommandResult } from '../types';

/** gethostbyname(hostname)->h_name through the pod's /etc/hosts. */
export function canonicalName(hostsFile: string, host: string): string {
  for (const line of hostsFile.split('\n')) {
    if (line.startsWith('#')) continue;
    const names = line.split(/\s+/).slice(1);
    if (names.includes(host)) return names[0]!;
  }
  return host;
}

/** busybox: whether the image's hostname is busybox's (its -i prints no trailing space; Debian's does). */
export function runHostname(pod: Pod, hostsFile: string, args: string[], busybox = false): CommandResult {
  const host = podHostname(pod);
  const say = (text: string): CommandResult => ({ chunks: [{ stream: 'out', text: `${text}\n` }], exitCode: 0 });
  const [opt, ...rest] = args;
  if (opt === undefined) return say(host);
  if (rest.length === 0) {
    // -i: the addresses of the host name (the pod IP, from /etc/hosts); Debian's hostname -i ends each with a space.
    if (opt === '-i' || opt === '-I' || opt === '--ip-address' || opt === '--all-ip-addresses') return say(busybox ? pod.status.podIP ?? '' : `${pod.status.podIP ?? ''} `);
    if (['-f', '--fqdn', '--long'].includes(opt)) return say(canonicalName(hostsFile, host));
    if (['-s', '--short'].includes(opt)) return say(host.split('.')[0]!);
    if (['-d', '--domain'].includes(opt)) return say(canonicalName(hostsFile, host).split('.').slice(1).join('.'));
  }
  return { chunks: [{ stream: 'err', text: 'hostname: this simulated hostname prints the name only (no option, -f, -s, -d or -i)\n' }], exitCode: 1 };
}
