/**
 * kubectl on a kind node: the node image has /usr/bin/kubectl (kind's node image installs kubeadm,
 * kubelet and kubectl), but root has no kubeconfig (no KUBECONFIG, no ~/.kube/config), so kubectl
 * falls back to http://localhost:8080, where nothing listens. kubectl 1.33 logs discovery's failure
 * five times through klog ("E" + MMDD hh:mm:ss.uuuuuu, the thread id right-aligned in 7 columns,
 * memcache.go:265 "Unhandled Error") and ends with the connection hint. localhost is tried as ::1
 * first (kind's docker network has IPv6), so the error names [::1].
 * Departure: every subcommand answers so (kubectl version, config and help would not); the thread id
 * and microseconds are stand-ins.
 */
import { simTimeToIso } from '../../sim/clock';
import { err, type CommandResult } from '../types';

const KUBECTL_THREAD = 4821;

export function nodeKubectl(now: number): CommandResult {
  const iso = simTimeToIso(now);
  const stamp = `${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 19)}`;
  const line = (n: number) =>
    `E${stamp}.${String(310_412 + n * 1_187).padStart(6, '0')} ${String(KUBECTL_THREAD).padStart(7)} memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp [::1]:8080: connect: connection refused"\n`;
  const text = [0, 1, 2, 3, 4].map(line).join('') + 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n';
  return err(text, 1);
}
