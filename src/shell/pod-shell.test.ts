import { describe, expect, it } from 'vitest';
import { appliedShell } from './test-shell';

describe('interactive shells in pods', () => {
  it('kubectl exec -it POD -- sh attaches: lines run in the pod under its prompt until exit', () => {
    const t = appliedShell();
    expect(t.run('kubectl exec -it client -- sh')).toBe('');
    expect(t.shell.prompt).toBe('/ #');
    expect(t.run('hostname')).toBe('client\n');
    expect(t.run('kubectl get pods')).toBe('sh: kubectl: not found\n');
    expect(t.run('exit')).toBe('');
    expect(t.shell.prompt).toBe('$');
    expect(t.run('hostname')).toBe('bash: hostname: command not found\n');
  });

  it('exit N from the pod shell is reported as kubectl reports a failed command', () => {
    const t = appliedShell();
    t.run('kubectl exec -it client -- sh');
    const r = t.result('exit 3');
    expect(r.exitCode).toBe(3);
    expect(r.chunks).toEqual([{ stream: 'err', text: 'command terminated with exit code 3\n' }]);
  });

  it('a shell the image lacks fails as containerd does (no bash in busybox)', () => {
    const t = appliedShell('bb.yaml');
    expect(t.run('kubectl exec -it bb -- bash')).toMatch(/exec: "bash": executable file not found in \$PATH: unknown\n$/);
    expect(t.shell.prompt).toBe('$');
  });

  // k/k test/images/agnhost/Dockerfile: `apk --update add ... iproute2 iperf bash`; no bashrc, so
  // bash's built-in PS1 "\s-\v\$ ".
  it('agnhost has bash (its Dockerfile adds it), with bash\'s default prompt', () => {
    const t = appliedShell();
    t.run('kubectl exec -it client -- bash');
    expect(t.shell.prompt).toBe('bash-5.2#');
  });

  // The shell is the container's main process (k/k staging/src/k8s.io/kubectl/pkg/cmd/run/run.go):
  // once it exits no container runs, so the pod goes at once and the name can be run again.
  it('kubectl run -it --rm ... -- sh attaches to the new pod and deletes it on exit', () => {
    const t = appliedShell();
    expect(t.run('kubectl run tmp --rm -it --image=busybox:1.36 --restart=Never -- sh')).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(t.run('wget -qO- http://web/')).toMatch(/^web-\w+-\w{5}$/);
    expect(t.run('exit')).toBe('pod "tmp" deleted\n');
    expect(t.sim.cluster.store.get('Pod', 'default', 'tmp')).toBeUndefined();
    expect(t.run('kubectl run tmp --rm -it --image=busybox:1.36 --restart=Never -- sh')).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(t.run('exit')).toBe('pod "tmp" deleted\n');
  });

  it('kubectl run -i --rm with a command prints its output, then the deletion, and reports a failure', () => {
    const t = appliedShell();
    expect(t.run('kubectl run once --rm -i --image=busybox:1.36 --restart=Never -- wget -qO- http://web/')).toMatch(/^web-\w+-\w{5}pod "once" deleted\n$/);
    expect(t.run('kubectl run fails --rm -i --image=busybox:1.36 --restart=Never -- false')).toBe('pod "fails" deleted\npod default/fails terminated (Error)\n');
    expect(t.run('kubectl run plain --rm --image=busybox:1.36 -- true')).toBe('error: --rm should only be used for attached containers\n');
  });

  it('busybox runs sh when no command is given', () => {
    const t = appliedShell();
    expect(t.run('kubectl run sh1 -it --image=busybox:1.36')).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(t.shell.prompt).toBe('/ #');
  });
});

describe('a reloaded session', () => {
  it('starts at bash even when its history opened a pod shell', async () => {
    const { createSession } = await import('../worker/session');
    const { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } = await import('../sim/scenario/default-scenario');
    const api = createSession();
    await api.load({ yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED, history: [{ op: 'run', line: 'kubectl exec -it client -- sh' }] });
    expect((await api.run('hostname')).output).toBe('bash: hostname: command not found\n');
  });
});
