import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const DNSUTILS = `apiVersion: v1
kind: Pod
metadata:
  name: dnsutils
  namespace: default
spec:
  containers:
  - name: dnsutils
    image: registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3
    command:
      - sleep
      - "infinity"
    imagePullPolicy: IfNotPresent
  restartPolicy: Always
`;

describe('the DNS debugging images', () => {
  // kubernetes/website content/en/examples/admin/dns/dnsutils.yaml; the image is Debian jessie
  // with dnsutils (k/k test/images/jessie-dnsutils/Dockerfile): BIND's nslookup, no curl.
  const t = testShell({ 'dnsutils.yaml': DNSUTILS });
  t.run('kubectl apply -f dnsutils.yaml');

  it("jessie-dnsutils has BIND's nslookup, which applies the search list", () => {
    expect(t.run('kubectl exec -i -t dnsutils -- nslookup kubernetes.default')).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n',
    );
  });

  it('jessie-dnsutils has no curl: the runtime says so', () => {
    expect(t.run('kubectl exec dnsutils -- curl http://kubernetes')).toContain('exec: "curl": executable file not found in $PATH: unknown\n');
  });

  it("jessie-dnsutils's bash prompt is Debian's root@HOSTNAME:/#", () => {
    t.run('kubectl exec -it dnsutils -- bash');
    expect(t.shell.prompt).toBe('root@dnsutils:/#');
    t.run('exit');
  });

  // nicolaka/netshoot's Dockerfile: alpine + bash (no bashrc: bash's default PS1 \s-\v\$), bind-tools, curl.
  it('nicolaka/netshoot attaches bash with its built-in prompt and has dig', () => {
    t.run('kubectl run tmp -it --rm --image=nicolaka/netshoot -- bash');
    expect(t.shell.prompt).toBe('bash-5.2#');
    expect(t.run('dig +short kubernetes.default.svc.cluster.local')).toBe('10.96.0.1\n');
    t.run('exit');
  });

  // infobloxopen/dnstools Dockerfile: alpine + bind-tools curl, ENTRYPOINT ["/bin/sh"].
  it('infoblox/dnstools runs its sh entrypoint with no command given, and has host', () => {
    t.run('kubectl run dt -it --rm --restart=Never --image=infoblox/dnstools:latest');
    expect(t.shell.prompt).toBe('/ #');
    expect(t.run('host kubernetes')).toBe('kubernetes.default.svc.cluster.local has address 10.96.0.1\n');
    t.run('exit');
  });
});
