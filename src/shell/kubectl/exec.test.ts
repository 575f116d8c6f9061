import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

describe('kubectl exec', () => {
  const t = appliedShell('bb.yaml');

  it('runs the command in the pod and passes its output through', () => {
    expect(t.result('kubectl exec client -- hostname')).toEqual({ chunks: [{ stream: 'out', text: 'client\n' }], exitCode: 0 });
  });

  it('adds "command terminated with exit code N" when the command fails', () => {
    const r = t.result('kubectl exec client -- curl -s http://empty-nope/');
    expect(r.exitCode).toBe(6);
    expect(r.chunks.at(-1)).toEqual({ stream: 'err', text: 'command terminated with exit code 6\n' });
  });

  it('reports a program the image lacks as the OCI runtime does, with no exit-code line', () => {
    const text = t.run('kubectl exec bb -- curl http://web/');
    expect(text).toMatch(
      /^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('refuses `exec POD CMD` without -- (kubectl >= 1.31) and a missing command', () => {
    expect(t.run('kubectl exec client ls')).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
    expect(t.run('kubectl exec client')).toBe('error: you must specify at least one command for the container\n');
    expect(t.run('kubectl exec client --')).toBe('error: you must specify at least one command for the container\n');
  });

  it('says NotFound for a missing pod', () => {
    expect(t.run('kubectl exec nope -- ls')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('accepts pod/NAME and -n', () => {
    expect(t.run('kubectl exec pod/client -- hostname')).toBe('client\n');
    expect(t.run('kubectl exec -n default client -- hostname')).toBe('client\n');
  });

  it('runs sh -c lines inside the pod, with sh\'s "not found" for unknown programs', () => {
    expect(t.run('kubectl exec client -- sh -c "hostname; echo hi"')).toBe('client\nhi\n');
    expect(t.run('kubectl exec bb -- sh -c "hostname && cat /etc/hostname"')).toBe('bb\nbb\n');
    const r = t.result('kubectl exec client -- sh -c "foo"');
    expect(r.chunks.map((c) => c.text).join('')).toBe('sh: foo: not found\ncommand terminated with exit code 127\n');
  });
});

describe('kubectl exec TYPE/NAME', () => {
  it('runs in the first pod a Deployment or Service selects (polymorphichelpers AttachablePodForObjectFn)', () => {
    const t = appliedShell();
    expect(t.run('kubectl exec deploy/web -- hostname')).toMatch(/^web-\w+-\w{5}\n$/);
    expect(t.run('kubectl exec svc/web -- hostname')).toMatch(/^web-\w+-\w{5}\n$/);
    expect(t.run('kubectl exec pod/client -- hostname')).toBe('client\n');
    expect(t.run('kubectl exec deploy/nope -- hostname')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});

describe('the environment inside a pod', () => {
  it('printenv prints the named variables (exit 1 for a missing one), and sh expands them', () => {
    const t = appliedShell();
    const ip = t.sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP;
    expect(t.run('kubectl exec client -- printenv WEB_SERVICE_HOST WEB_SERVICE_PORT')).toBe(`${ip}\n80\n`);
    expect(t.run('kubectl exec client -- printenv NOPE')).toBe('command terminated with exit code 1\n');
    expect(t.run(`kubectl exec client -- sh -c 'echo $WEB_SERVICE_HOST:\${WEB_SERVICE_PORT}'`)).toBe(`${ip}:80\n`);
    expect(t.run(`kubectl exec client -- sh -c 'wget -qO- http://$WEB_SERVICE_HOST/'`)).toMatch(/^web-\w+-\w{5}$/);
  });
});

// kubectl exec -i streams kubectl's own stdin to the command (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go,
// StreamOptions.Stdin); without -i the command's stdin is empty. busybox's applets read files or stdin.
describe('kubectl exec with standard input and busybox applets', () => {
  const t = appliedShell('bb.yaml');

  it('-i hands the pipe to the command; without -i it reads nothing', () => {
    expect(t.run('echo hello | kubectl exec -i bb -- cat')).toBe('hello\n');
    expect(t.run('echo hello | kubectl exec -i bb -- cat -')).toBe('hello\n');
    expect(t.run('echo hello | kubectl exec bb -- cat')).toBe('');
    expect(t.run("printf 'a\\nb\\n' | kubectl exec -i bb -- grep b")).toBe('b\n');
  });

  it('a shell given a script on stdin runs it and ends, instead of attaching the terminal', () => {
    const r = t.result("printf 'echo one\\necho two\\nexit 3\\necho never\\n' | kubectl exec -i bb -- sh");
    expect(r.chunks.map((c) => c.text).join('')).toBe('one\ntwo\ncommand terminated with exit code 3\n');
    expect(r.exitCode).toBe(3);
    expect(t.run('kubectl get pod bb -o name')).toBe('pod/bb\n');
  });

  it('runs busybox text applets on the pod files', () => {
    expect(t.run('kubectl exec bb -- grep nameserver /etc/resolv.conf')).toBe('nameserver 10.96.0.10\n');
    expect(t.run('kubectl exec bb -- wc -l /etc/resolv.conf')).toBe('3 /etc/resolv.conf\n');
    expect(t.run('kubectl exec bb -- head -n 1 /etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\n');
  });
});
