import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

const SA = '/var/run/secrets/kubernetes.io/serviceaccount';

// k/k pkg/volume/util/atomic_writer.go: files in "..YYYY_MM_DD_HH_MM_SS.<uint32>", "..data" -> it,
// each name -> "..data/NAME". busybox coreutils/ls.c -l: "%-10s %4lu %-8.8s %-8.8s %9lu Mmm dd HH:MM NAME".
// tmpfs (secret, projected) directory sizes: 20 bytes an entry (mm/shmem.c BOGO_DIRENT_SIZE).
describe("the service account volume (the ServiceAccount admission plugin's kube-api-access-*)", () => {
  const t = appliedShell('bb.yaml');

  it('ls lists ca.crt, namespace and token', () => {
    expect(t.run(`kubectl exec bb -- ls ${SA}`)).toBe('ca.crt\nnamespace\ntoken\n');
  });

  it('ls -la shows the atomic writer: the timestamped directory, ..data and the symlinks, on a tmpfs', () => {
    const lines = t.run(`kubectl exec bb -- ls -la ${SA}`).split('\n');
    expect(lines[0]).toBe('total 4');
    expect(lines[1]).toMatch(/^drwxrwxrwt {4}3 root {5}root {11}140 \w{3} [ \d]\d \d\d:\d\d \.$/);
    expect(lines[3]).toMatch(/^drwxr-xr-x {4}2 root {5}root {11}100 .* \.\.(\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+)$/);
    const ts = /(\.\.\d{4}_[\d_]+\.\d+)$/.exec(lines[3]!)![1]!;
    expect(lines[4]).toMatch(new RegExp(`^lrwxrwxrwx {4}1 root {5}root {9}${String(ts.length).padStart(5)} .* \\.\\.data -> ${ts.replace(/\./g, '\\.')}$`));
    expect(lines.slice(5, 8).map((l) => l.replace(/^.* (\S+ -> \S+)$/, '$1'))).toEqual(['ca.crt -> ..data/ca.crt', 'namespace -> ..data/namespace', 'token -> ..data/token']);
  });

  it('ls -l without -a: the three symlinks, total 0', () => {
    const lines = t.run(`kubectl exec bb -- ls -l ${SA}`).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('total 0');
  });

  it('namespace holds the namespace without a newline; ca.crt the cluster CA; token a bound JWT', () => {
    expect(t.stdout(`kubectl exec bb -- cat ${SA}/namespace`)).toBe('default');
    expect(t.stdout(`kubectl exec bb -- cat ${SA}/..data/ca.crt`)).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);
    const token = t.stdout(`kubectl exec bb -- cat ${SA}/token`);
    const [header, claims] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toMatchObject({ alg: 'RS256' });
    // k/k pkg/serviceaccount/claims.go: the private "kubernetes.io" claim names the pod, its node and the service account.
    expect(Object.keys(claims!)).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    expect(claims).toMatchObject({ iss: 'https://kubernetes.default.svc.cluster.local', sub: 'system:serviceaccount:default:default', 'kubernetes.io': { namespace: 'default', pod: { name: 'bb' } } });
  });
});

describe('a ConfigMap volume', () => {
  const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: game
data:
  game.properties: "lives=3\\n"
  ui.properties: "color=blue\\n"
---
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
  - name: bb
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - name: config
      mountPath: /etc/config
  volumes:
  - name: config
    configMap:
      name: game
`;
  it('ls -la: the node-disk directory (4096) with ..data and one symlink per key; cat through ..data', () => {
    const t = appliedShell();
    t.sim.applyText(CM, 'cm.yaml', 'apply');
    t.sim.settle();
    const lines = t.run('kubectl exec reader -- ls -la /etc/config').trimEnd().split('\n');
    expect(lines[0]).toBe('total 12');
    expect(lines[1]).toMatch(/^drwxrwxrwx {4}3 root {5}root {10}4096 .* \.$/);
    expect(lines.slice(5)).toHaveLength(2);
    expect(lines[5]).toMatch(/ game\.properties -> \.\.data\/game\.properties$/);
    expect(t.run('kubectl exec reader -- ls /etc/config')).toBe('game.properties\nui.properties\n');
    expect(t.stdout('kubectl exec reader -- cat /etc/config/..data/ui.properties')).toBe('color=blue\n');
  });
});

// busybox:1.36's root as `ls` shows it (bin dev etc home lib lib64 proc root sys tmp usr var);
// Alpine's alpine-baselayout; a mount adds its top directory. coreutils/ls.c: "ls: PATH: No such file or directory".
describe('ls / in a pod', () => {
  const t = appliedShell('bb.yaml');

  it("lists the image's top-level directories", () => {
    expect(t.run('kubectl exec bb -- ls /')).toBe('bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n');
    expect(t.run('kubectl exec bb -- ls')).toBe(t.run('kubectl exec bb -- ls /'));
    expect(t.run('kubectl exec client -- ls /')).toBe('bin\ndev\netc\nhome\nlib\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n');
  });

  it('a path that does not exist is an error; a real directory the simulator does not model says so', () => {
    expect(t.run('kubectl exec bb -- ls /nope')).toBe('ls: /nope: No such file or directory\ncommand terminated with exit code 1\n');
    expect(t.result('kubectl exec bb -- ls /usr/bin').chunks[0]!.text).toMatch(/this simulator lists/);
  });
});
