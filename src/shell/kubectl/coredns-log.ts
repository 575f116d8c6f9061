/**
 * What a CoreDNS v1.12.0 container (kind v1.33: kubeadm's constants.CoreDNSVersion) prints when it
 * starts: automaxprocs' line, each server block's address (".:53"), the reload plugin's digest of
 * the Corefile it loaded (plugin/reload/setup.go: "Running configuration SHA512 = %x"), then
 * coremain's version banner (coremain/run.go showVersion: "CoreDNS-1.12.0" and
 * "linux/amd64, go1.23.3, 51e11f1", the release build's Go version and commit), as
 * `kubectl logs -n kube-system -l k8s-app=kube-dns` shows on real kind clusters.
 * The digest is that of the Corefile the pod started with (dns/corefile.ts corefileDigest); a Corefile
 * without `reload` has no such line (the reload plugin's startup hook writes it).
 * Departure: GOMAXPROCS is 8 (the host's CPUs are not modelled).
 */
export function corednsStartLog(digest: string | undefined): string {
  return (
    'maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined\n' +
    '.:53\n' +
    (digest ? `[INFO] plugin/reload: Running configuration SHA512 = ${digest}\n` : '') +
    'CoreDNS-1.12.0\n' +
    'linux/amd64, go1.23.3, 51e11f1\n'
  );
}
