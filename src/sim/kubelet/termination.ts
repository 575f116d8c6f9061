/**
 * How long a pod takes to go away once deleted. The kubelet sends SIGTERM,
 * waits for the containers to exit, and kills them when the grace period
 * (terminationGracePeriodSeconds, 30 by default) runs out. agnhost's
 * serve-hostname (and the standalone serve_hostname image) sleeps 60 s on SIGTERM (test/images/agnhost/serve-hostname),
 * and a shell running `sleep` as PID 1 ignores it, so both use the whole grace
 * period; pause, netexec and nginx exit at once (about a second for the
 * kubelet to notice and clean up).
 */
import type { Container, Pod } from '../model/types';

export const DEFAULT_GRACE_SECONDS = 30;
const CLEANUP_SECONDS = 1;

function ignoresSigterm(c: Container): boolean {
  const image = c.image.split('@')[0]!.replace(/:[^/:]*$/, '').split('/').pop()!;
  const words = [...(c.command ?? []), ...(c.args ?? [])];
  if (image === 'agnhost') return words.includes('serve-hostname');
  if (image === 'serve_hostname') return true;
  if (image === 'busybox' || image === 'alpine' || image === 'ubuntu' || image === 'debian') return words.some((w) => /\bsleep\b/.test(w));
  return false;
}

/** Seconds from the deletion request until the pod object is gone. */
export function secondsToTerminate(pod: Pod, grace = DEFAULT_GRACE_SECONDS): number {
  if (grace <= 0 || pod.status.phase !== 'Running') return 0;
  return pod.spec.containers.some(ignoresSigterm) ? grace : Math.min(grace, CLEANUP_SECONDS);
}
