import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';
import { sandboxID } from './crictl';

const NGINX = `apiVersion: v1
kind: Pod
metadata:
  name: web-nginx
spec:
  nodeName: kind-worker
  containers:
  - name: nginx
    image: nginx:1.27
  - name: sidecar
    image: busybox:1.36
    command: ["sleep", "infinity"]
`;

/** The rows of a ps table as [columns..., command] split on runs of spaces (the command kept whole). */
function rows(text: string, columns: number): string[][] {
  return text.trimEnd().split('\n').slice(1).map((l) => {
    const parts = l.trim().split(/ +/);
    return [...parts.slice(0, columns - 1), parts.slice(columns - 1).join(' ')];
  });
}

describe('ps on a kind node (docker exec NODE ps ...)', () => {
  // procps-ng 4 ps/output.c: USER is 8 wide and left-aligned, PID 7 (pid_max 4194304), %CPU/%MEM 4,
  // VSZ 6, RSS 5, TTY 8 (left), STAT 4 (left), START 5, TIME 6, then COMMAND.
  it('ps aux: procps headers; systemd is PID 1, then journald, containerd and the kubelet with kind flags', () => {
    const t = appliedShell();
    const text = t.stdout('docker exec kind-worker ps aux');
    const lines = text.split('\n');
    expect(lines[0]).toBe('USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    // START is pr_stime: the node came up on Dec 31 and the clock reads 2026-01-01 00:00, so the year.
    expect(lines[1]).toMatch(/^root {11}1 {2}\d\.\d {2}\d\.\d +\d+ +\d+ \? {8}Ss {4}2025 {3}0:\d\d \/sbin\/init$/);
    expect(text).toContain(' /lib/systemd/systemd-journald\n');
    expect(text).toContain(' /usr/local/bin/containerd\n');
    // kind images/base/files/etc/systemd/system/kubelet.service.d/10-kubeadm.conf (KUBELET_KUBECONFIG_ARGS,
    // KUBELET_CONFIG_ARGS) + kubeadm-flags.env with kind's kubeletExtraArgs (pkg/cluster/internal/kubeadm/config.go).
    expect(text).toContain(' /usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///run/containerd/containerd.sock --node-ip=172.18.0.3 --node-labels= --pod-infra-container-image=registry.k8s.io/pause:3.10 --provider-id=kind://docker/kind/kind-worker\n');
    // A VSZ wider than its column pushes RSS right; TTY takes the excess back.
    expect(text).toMatch(/^root +108 +\d\.\d +\d\.\d \d{7} \d{5} \? {7}Ssl /m);
    expect(lines.at(-2)).toMatch(/^root +\d+ +0\.0 +0\.\d +\d+ +\d+ \? +Rs +00:00 +0:00 ps aux$/);
    // The same day: %H:%M; another day of the same year: %b%d.
    t.sim.advance(3600);
    expect(t.stdout('docker exec kind-worker ps aux').split('\n').at(-2)).toMatch(/ Rs +01:00 +0:\d\d ps aux$/);
    t.sim.advance(86400);
    expect(t.stdout('docker exec kind-worker ps -ef')).toMatch(/^root +\d+ +\d+ +0 Jan01 \? +00:00:00 \/agnhost serve-hostname\n/m);
  });

  it('one containerd-shim per sandbox crictl lists, with its /pause and container processes as children', () => {
    const t = appliedShell();
    const procs = rows(t.stdout('docker exec kind-worker ps -ef'), 8);
    const pods = t.stdout('docker exec kind-worker crictl pods -q').trim().split('\n');
    const shims = procs.filter((r) => r[7]!.startsWith('/usr/local/bin/containerd-shim-runc-v2 '));
    expect(shims.map((r) => /-id ([0-9a-f]{64}) /.exec(r[7]!)![1]).sort()).toEqual([...pods].sort());
    for (const shim of shims) {
      expect(shim[7]).toMatch(/^\/usr\/local\/bin\/containerd-shim-runc-v2 -namespace k8s\.io -id [0-9a-f]{64} -address \/run\/containerd\/containerd\.sock$/);
      expect(shim[2]).toBe('1');
      const children = procs.filter((r) => r[2] === shim[1]);
      expect(children[0]).toEqual(['65535', expect.any(String), shim[1], '0', expect.any(String), '?', '00:00:00', '/pause']);
      expect(children.length).toBeGreaterThanOrEqual(2);
    }
    // kubeadm's kube-proxy DaemonSet command; the default scenario's app runs agnhost serve-hostname.
    expect(procs.map((r) => r[7])).toContain('/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=kind-worker');
    expect(procs.map((r) => r[7])).toContain('/bin/kindnetd');
    expect(procs.map((r) => r[7])).toContain('/agnhost serve-hostname');
    // PIDs ascend (readdir order of /proc); the exec'd ps has PPID 0.
    const pids = procs.map((r) => Number(r[1]));
    expect(pids).toEqual([...pids].sort((a, b) => a - b));
    expect(procs.at(-1)!.slice(1, 3)).toEqual([String(pids.at(-1)), '0']);
  });

  it('the control-plane node runs etcd and the kubeadm static pods with their flags, and CoreDNS as 65532', () => {
    const t = appliedShell();
    const text = t.stdout('docker exec kind-control-plane ps aux');
    expect(text).toMatch(/ etcd --advertise-client-urls=https:\/\/172\.18\.0\.2:2379 .* --name=kind-control-plane /);
    expect(text).toMatch(/ kube-apiserver --advertise-address=172\.18\.0\.2 .* --service-cluster-ip-range=10\.96\.0\.0\/16 /);
    expect(text).toMatch(/ kube-controller-manager --allocate-node-cidrs=true .* --cluster-cidr=10\.244\.0\.0\/16 .* --enable-hostpath-provisioner=true /);
    expect(text).toContain(' kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf ');
    expect(text).toMatch(/^65532 +\d+ .* \/coredns -conf \/etc\/coredns\/Corefile$/m);
    expect(text).toContain(' local-path-provisioner --debug start --helper-image docker.io/kindest/local-path-helper:v20241212-8ac705d0 --config /etc/config/config.json\n');
    expect(t.stdout('docker exec kind-worker ps aux')).not.toContain('kube-apiserver');
  });

  it('nginx: the master keeps its command line, one worker per CPU as its child; a second container beside it', () => {
    const s = appliedShellWith({ 'nginx.yaml': NGINX });
    const text = s.stdout('docker exec kind-worker ps -ef');
    const procs = rows(text, 8);
    const master = procs.find((r) => r[7] === 'nginx: master process nginx -g daemon off;')!;
    expect(master[0]).toBe('root');
    const workers = procs.filter((r) => r[7] === 'nginx: worker process');
    expect(workers.length).toBe(4);
    for (const w of workers) expect([w[0], w[2]]).toEqual(['101', master[1]]);
    // The sidecar is the shim's child too; no PID is used twice.
    const sidecar = procs.find((r) => r[7] === 'sleep infinity')!;
    expect(sidecar[2]).toBe(procs.find((r) => r[1] === master[2])![1]);
    const pids = procs.map((r) => r[1]);
    expect(new Set(pids).size).toBe(pids.length);
  });

  it('busybox sleep 3600 shows as the pod spec says; a deleted pod leaves no processes', () => {
    const s = appliedShellWith({}, 'bb.yaml');
    const pod = s.sim.cluster.store.get('Pod', 'default', 'bb')!;
    const node = pod.spec.nodeName!;
    const before = s.stdout(`docker exec ${node} ps aux`);
    expect(before).toMatch(/ sleep 3600\n/);
    expect(before).toContain(`-id ${sandboxID(pod)} `);
    s.run('kubectl delete pod bb --grace-period=0 --force');
    s.sim.advance(60);
    const after = s.stdout(`docker exec ${node} ps aux`);
    expect(after).not.toContain('sleep 3600');
    expect(after).not.toContain(sandboxID(pod));
  });

  it('ps and ps -e print comm (15 characters); plain ps only root processes without a terminal', () => {
    const t = appliedShell();
    const plain = t.stdout('docker exec kind-worker ps');
    expect(plain.split('\n')[0]).toBe('    PID TTY          TIME CMD');
    expect(plain).toContain('      1 ?        00:00:00 systemd\n');
    expect(plain).toContain(' systemd-journal\n');
    expect(plain).toContain(' containerd-shim\n');
    expect(plain).not.toContain(' pause\n');
    expect(t.stdout('docker exec kind-worker ps -e')).toContain(' pause\n');
    // docker exec -t: ps is on pts/0, alone there.
    expect(t.stdout('docker exec -t kind-worker ps')).toMatch(/^ {4}PID TTY {10}TIME CMD\n +\d+ pts\/0 {4}00:00:00 ps\n$/);
    expect(t.stdout('docker exec -t kind-worker ps aux')).toMatch(/ pts\/0 +Rs\+ +\d\d:\d\d +0:00 ps aux\n$/);
  });

  it('through a pipe: grep pause finds one /pause per pod on the node', () => {
    const t = appliedShell();
    const pods = t.stdout('docker exec kind-worker crictl pods -q').trim().split('\n').length;
    const text = t.stdout('docker exec kind-worker ps aux | grep pause');
    // The kubelet's --pod-infra-container-image line matches too.
    expect(text.split('\n').filter((l) => l.endsWith(' /pause')).length).toBe(pods);
    expect(t.result('docker exec kind-worker ps --nope').exitCode).toBe(1);
  });
});

/** The default scenario applied, then each extra file. */
function appliedShellWith(files: Record<string, string>, ...extra: string[]) {
  const t = testShell(files);
  t.run('kubectl apply -f app.yaml');
  for (const f of [...Object.keys(files), ...extra]) t.run(`kubectl apply -f ${f}`);
  return t;
}
