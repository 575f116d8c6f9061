/**
 * `ps` on a kind node (`docker exec NODE ps aux|-ef|-e|ax`, plain `ps`): procps-ng 4 (Debian
 * bookworm, the kindest/node base) listing the node's processes.
 *
 * What runs (kubernetes-sigs/kind images/base: the entrypoint execs /sbin/init, systemd;
 * files/etc/systemd/system/containerd.service runs /usr/local/bin/containerd;
 * kubelet.service.d/10-kubeadm.conf: `/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS
 * $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS`, the first two fixed there, the kubeadm ones from
 * /var/lib/kubelet/kubeadm-flags.env: kubeadm's --container-runtime-endpoint and
 * --pod-infra-container-image plus kind's kubeletExtraArgs node-ip, node-labels, provider-id
 * (kind pkg/cluster/internal/kubeadm/config.go), sorted by name as kubeadm writes them):
 * systemd, systemd-journald, containerd, the kubelet; per pod sandbox one containerd-shim-runc-v2
 * (`-namespace k8s.io -id SANDBOX -address /run/containerd/containerd.sock`, parent 1 once it
 * daemonizes), its /pause (uid 65535, the pause image's user) and each running container's main
 * process, children of the shim. Sandbox IDs are crictl's (`sandboxID`), pods those crictl lists.
 * Control-plane commands are kubeadm's static pod manifests' (cmd/kubeadm/app/phases/controlplane
 * and etcd/local.go) with kind's extra args (enable-hostpath-provisioner, runtime-config=);
 * kube-proxy's is kubeadm's DaemonSet command; coredns runs as the image's nonroot user 65532.
 *
 * procps formats (ps/output.c): `ps aux` USER(8,left) PID(7) %CPU(4) %MEM(4) VSZ(6) RSS(5)
 * TTY(8,left) STAT(4,left) START(5) TIME(6, M:SS) COMMAND; `ps -ef` UID PID PPID C(2) STIME(5)
 * TTY TIME(8, [D-]HH:MM:SS) CMD; `ps`/`ps -e` PID TTY TIME CMD (comm, 15 characters); `ps ax` PID
 * TTY STAT TIME COMMAND. A value wider than its column pushes the line right and later columns
 * take the excess back from their padding (show_one_proc's correct/actual). `aux` is the OL_u macro
 * (user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args), `-f` Std_f
 * (uid_hack,pid,ppid,c,stime,tname,time,cmd): both START and STIME are pr_stime, %H:%M the same day,
 * %b%d the same year, else the year (UTC, the node's zone). %CPU (pr_pcpu) is CPU time over
 * elapsed time, C the same in whole percents (at most 99), %MEM (pr_pmem) RSS over MemTotal. Plain `ps` shows the caller's uid and terminal:
 * without -t, every root process without a terminal.
 * The exec'd ps is PID 0's child (runc setns), session leader: Rs (Rs+ on docker exec -t's pts/0).
 *
 * Departures (stand-ins): PIDs are deterministic (allocated by start time), CPU and memory figures
 * are plausible stand-ins per program (the node taken as 4 CPUs, 8 GiB), nginx starts one worker
 * per CPU (worker_processes auto); uids without a name on the node (101 for nginx's workers) print
 * as numbers; output is never cut to a terminal's width.
 */
import type { Container, Node, Pod } from '../../sim/model/types';
import type { Simulation } from '../../sim/simulation';
import { simTimeToIso } from '../../sim/clock';
import { imageBaseName } from '../../sim/kubelet/main-process';
import { sha256, utf8Bytes } from '../../sim/proxy/hash';
import { containerStatusesAt } from '../print/pod-runtime';
import { podsOn, sandboxID, started } from './crictl';
import { err, out, type CommandResult } from '../types';

export interface NodeProcess {
  pid: number;
  ppid: number;
  user: string;
  /** Start, in simulation seconds. */
  start: number;
  /** Share of one CPU the process uses on average (stand-in). */
  cpu: number;
  vsz: number;
  rss: number;
  stat: string;
  tty: string;
  args: string;
  comm: string;
}

const CPUS = 4;
const MEM_TOTAL_KB = 8_148_084;
const SOCK = '/run/containerd/containerd.sock';
const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
const LOCAL_PATH_HELPER = 'docker.io/kindest/local-path-helper:v20241212-8ac705d0';

const small = (key: string, mod: number) => sha256(utf8Bytes(key))[0]! % mod;
const comm = (argv0: string) => argv0.split('/').pop()!.slice(0, 15);

interface Figures { cpu: number; vsz: number; rss: number; stat: string; user?: string }

/** Stand-in figures per program (VSZ/RSS in KiB), of the order a kind node shows. */
const FIGURES: Record<string, Figures> = {
  systemd: { cpu: 0.002, vsz: 20_996, rss: 11_776, stat: 'Ss' },
  'systemd-journald': { cpu: 0.001, vsz: 25_792, rss: 9_472, stat: 'Ss' },
  containerd: { cpu: 0.012, vsz: 2_479_112, rss: 50_432, stat: 'Ssl' },
  kubelet: { cpu: 0.022, vsz: 3_156_864, rss: 84_992, stat: 'Ssl' },
  'containerd-shim-runc-v2': { cpu: 0.0005, vsz: 1_233_548, rss: 11_904, stat: 'Sl' },
  pause: { cpu: 0, vsz: 1_020, rss: 512, stat: 'Ss', user: '65535' },
  'kube-proxy': { cpu: 0.002, vsz: 1_290_432, rss: 26_368, stat: 'Ssl' },
  kindnetd: { cpu: 0.002, vsz: 1_282_176, rss: 23_808, stat: 'Ssl' },
  coredns: { cpu: 0.004, vsz: 1_284_600, rss: 27_904, stat: 'Ssl', user: '65532' },
  'local-path-provisioner': { cpu: 0.001, vsz: 1_268_228, rss: 16_128, stat: 'Ssl' },
  etcd: { cpu: 0.028, vsz: 11_741_696, rss: 58_880, stat: 'Ssl' },
  'kube-apiserver': { cpu: 0.075, vsz: 1_585_500, rss: 275_968, stat: 'Ssl' },
  'kube-controller-manager': { cpu: 0.018, vsz: 1_303_260, rss: 61_952, stat: 'Ssl' },
  'kube-scheduler': { cpu: 0.005, vsz: 1_290_228, rss: 30_464, stat: 'Ssl' },
  nginx: { cpu: 0, vsz: 11_404, rss: 7_424, stat: 'Ss' },
  agnhost: { cpu: 0, vsz: 745_684, rss: 9_472, stat: 'Ssl' },
};
const GENERIC: Figures = { cpu: 0, vsz: 4_396, rss: 1_152, stat: 'Ss' };

function kubeletArgs(node: Node, ip: string): string {
  return [
    '/usr/bin/kubelet',
    '--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf',
    '--kubeconfig=/etc/kubernetes/kubelet.conf',
    '--config=/var/lib/kubelet/config.yaml',
    `--container-runtime-endpoint=unix://${SOCK}`,
    `--node-ip=${ip}`,
    '--node-labels=',
    `--pod-infra-container-image=${PAUSE_IMAGE}`,
    `--provider-id=kind://docker/kind/${node.metadata.name}`,
  ].join(' ');
}

function controlPlaneArgv(component: string, sim: Simulation, node: string, ip: string): string[] | undefined {
  const pki = '/etc/kubernetes/pki';
  const services = sim.config.serviceSubnet.text;
  switch (component) {
    case 'etcd':
      return ['etcd', `--advertise-client-urls=https://${ip}:2379`, `--cert-file=${pki}/etcd/server.crt`, '--client-cert-auth=true', '--data-dir=/var/lib/etcd', '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s', `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=${node}=https://${ip}:2380`, `--key-file=${pki}/etcd/server.key`, `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`, `--name=${node}`, `--peer-cert-file=${pki}/etcd/peer.crt`, '--peer-client-cert-auth=true', `--peer-key-file=${pki}/etcd/peer.key`, `--peer-trusted-ca-file=${pki}/etcd/ca.crt`, '--snapshot-count=10000', `--trusted-ca-file=${pki}/etcd/ca.crt`];
    case 'kube-apiserver':
      return ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', `--client-ca-file=${pki}/ca.crt`, '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', `--etcd-cafile=${pki}/etcd/ca.crt`, `--etcd-certfile=${pki}/apiserver-etcd-client.crt`, `--etcd-keyfile=${pki}/apiserver-etcd-client.key`, '--etcd-servers=https://127.0.0.1:2379', `--kubelet-client-certificate=${pki}/apiserver-kubelet-client.crt`, `--kubelet-client-key=${pki}/apiserver-kubelet-client.key`, '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', `--proxy-client-cert-file=${pki}/front-proxy-client.crt`, `--proxy-client-key-file=${pki}/front-proxy-client.key`, '--requestheader-allowed-names=front-proxy-client', `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`, '--requestheader-extra-headers-prefix=X-Remote-Extra-', '--requestheader-group-headers=X-Remote-Group', '--requestheader-username-headers=X-Remote-User', '--runtime-config=', '--secure-port=6443', `--service-account-issuer=https://kubernetes.default.svc.${sim.config.clusterDomain}`, `--service-account-key-file=${pki}/sa.pub`, `--service-account-signing-key-file=${pki}/sa.key`, `--service-cluster-ip-range=${services}`, `--tls-cert-file=${pki}/apiserver.crt`, `--tls-private-key-file=${pki}/apiserver.key`];
    case 'kube-controller-manager':
      return ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf', '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', `--client-ca-file=${pki}/ca.crt`, `--cluster-cidr=${sim.config.podSubnet.text}`, `--cluster-name=${sim.config.name}`, `--cluster-signing-cert-file=${pki}/ca.crt`, `--cluster-signing-key-file=${pki}/ca.key`, '--controllers=*,bootstrapsigner,tokencleaner', '--enable-hostpath-provisioner=true', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', `--requestheader-client-ca-file=${pki}/front-proxy-ca.crt`, `--root-ca-file=${pki}/ca.crt`, `--service-account-private-key-file=${pki}/sa.key`, `--service-cluster-ip-range=${services}`, '--use-service-account-credentials=true'];
    case 'kube-scheduler':
      return ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'];
    default:
      return undefined;
  }
}

/** The container's main process argv as the runtime starts it (image entrypoint + command/args). */
export function containerArgv(c: Container, sim: Simulation, node: string, ip: string): string[] {
  const image = imageBaseName(c.image);
  const cp = controlPlaneArgv(image, sim, node, ip);
  if (cp) return cp;
  if (image === 'kube-proxy') return ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', `--hostname-override=${node}`];
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  switch (image) {
    case 'kindnetd':
      // The image's entrypoint; kind's DaemonSet (pkg/build/nodeimage/const_cni.go) sets no command.
      return ['/bin/kindnetd'];
    case 'coredns':
      return ['/coredns', ...(c.args ?? [])];
    case 'local-path-provisioner':
      // kind pkg/build/nodeimage/const_storage.go: the Deployment's command (the helper image is the one
      // scenario/system-configmaps.ts's helperPod.yaml names).
      return ['local-path-provisioner', '--debug', 'start', '--helper-image', LOCAL_PATH_HELPER, '--config', '/etc/config/config.json'];
    case 'pause':
      return ['/pause'];
    case 'agnhost':
      return ['/agnhost', ...(c.args ?? [])];
    case 'nginx':
      return c.args?.length ? c.args : ['nginx', '-g', 'daemon off;'];
    case 'busybox':
    case 'alpine':
    case 'ubuntu':
    case 'debian':
    case 'netshoot':
      return c.args?.length ? c.args : ['sh'];
    default:
      return c.args?.length ? [`/${image}`, ...c.args] : [`/${image}`];
  }
}

function figuresOf(argv0: string): Figures {
  return FIGURES[argv0.split('/').pop()!] ?? GENERIC;
}

/** The node's processes (without ps itself), by PID. */
export function nodeProcesses(sim: Simulation, node: Node): NodeProcess[] {
  const name = node.metadata.name;
  const ip = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
  const now = sim.cluster.clock.now();
  const boot = node.metadata.creationTimestamp - 8;
  const procs: NodeProcess[] = [];
  const add = (pid: number, ppid: number, start: number, argv: string[], f: Figures, extra: Partial<NodeProcess> = {}) => {
    const jitter = small(`${name}/${pid}`, 64) * 4;
    procs.push({ pid, ppid, user: f.user ?? 'root', start, cpu: f.cpu, vsz: f.vsz + (f.vsz > 100_000 ? jitter * 8 : 0), rss: f.rss + jitter, stat: f.stat, tty: '?', args: argv.join(' '), comm: comm(argv[0]!), ...extra });
  };
  add(1, 0, boot, ['/sbin/init'], FIGURES.systemd!, { comm: 'systemd' });
  add(94, 1, boot + 1, ['/lib/systemd/systemd-journald'], FIGURES['systemd-journald']!);
  add(108, 1, boot + 1, ['/usr/local/bin/containerd'], FIGURES.containerd!);
  add(201, 1, boot + 3, kubeletArgs(node, ip).split(' '), FIGURES.kubelet!);
  const pods = podsOn(sim, name).sort((a, b) => started(a) - started(b) || a.metadata.creationTimestamp - b.metadata.creationTimestamp || a.metadata.name.localeCompare(b.metadata.name));
  let next = 280;
  for (const pod of pods) {
    const t = started(pod);
    const shim = Math.max(next, 280 + Math.max(0, Math.floor(t - boot)) * 8);
    const used = addPod(pod, shim, t);
    next = Math.max(shim + 60 + small(pod.metadata.uid, 40), used + 20);
  }
  /** Adds the pod's processes; returns the highest PID they use. */
  function addPod(pod: Pod, shim: number, t: number): number {
    add(shim, 1, t, ['/usr/local/bin/containerd-shim-runc-v2', '-namespace', 'k8s.io', '-id', sandboxID(pod), '-address', SOCK], FIGURES['containerd-shim-runc-v2']!);
    const pause = shim + 10 + small(`pause/${pod.metadata.uid}`, 12);
    add(pause, shim, t, ['/pause'], FIGURES.pause!);
    let pid = pause + 20 + small(`c/${pod.metadata.uid}`, 16);
    let highest = pause;
    for (const st of containerStatusesAt(pod, now)) {
      if (!('running' in st.state)) continue;
      const startedAt = st.state.running.startedAt ?? t;
      const argv = containerArgv(st.container, sim, name, ip);
      const self = pid + st.restartCount * 7;
      const f = figuresOf(argv[0]!);
      if (comm(argv[0]!) === 'nginx' && !argv[0]!.startsWith('nginx:')) {
        // nginx retitles its processes (ngx_setproctitle): the master keeps its command line after "master process".
        add(self, shim, startedAt, [`nginx: master process ${argv.join(' ')}`], f, { comm: 'nginx' });
        for (let w = 1; w <= CPUS; w++) add(self + w, self, startedAt, ['nginx: worker process'], { cpu: 0, vsz: 11_868, rss: 2_880, stat: 'S', user: '101' }, { comm: 'nginx' });
      } else {
        add(self, shim, startedAt, argv, f);
      }
      highest = self + CPUS;
      pid = self + 12 + CPUS;
    }
    return highest;
  }
  return procs.sort((a, b) => a.pid - b.pid);
}

// ---- procps formatting ----

interface Column { head: string; width: number; left?: boolean; value: (p: NodeProcess) => string }

function cpuTicks(p: NodeProcess, now: number): number {
  return Math.floor(Math.max(0, now - p.start) * 100 * p.cpu);
}
function pcpuPermille(p: NodeProcess, now: number): number {
  const elapsed = Math.floor(now - p.start);
  return elapsed > 0 ? Math.floor((cpuTicks(p, now) * 10) / elapsed) : 0;
}
const tenths = (permille: number) => `${Math.floor(permille / 10)}.${permille % 10}`;
const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** pr_stime: %H:%M the same day, %b%d the same year, else %Y. */
function stime(start: number, now: number): string {
  const d = new Date(simTimeToIso(start));
  const n = new Date(simTimeToIso(now));
  if (d.getUTCFullYear() !== n.getUTCFullYear()) return String(d.getUTCFullYear());
  if (d.getUTCMonth() !== n.getUTCMonth() || d.getUTCDate() !== n.getUTCDate()) return `${MONTHS[d.getUTCMonth()]}${pad2(d.getUTCDate())}`;
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}
function cputimeHMS(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  const hms = `${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}:${pad2(rest % 60)}`;
  return days ? `${days}-${hms}` : hms;
}

/** show_one_proc: each column ends where it should unless an earlier one pushed the line right. */
function render(columns: Column[], rows: NodeProcess[]): string {
  const line = (cells: string[]) => {
    let text = '';
    let ideal = 0;
    columns.forEach((col, i) => {
      const cell = cells[i]!;
      const sep = i === 0 ? '' : ' ';
      ideal += (i === 0 ? 0 : 1) + col.width;
      if (col.left) {
        const startAt = Math.max(text.length + sep.length, ideal - col.width);
        text = text.padEnd(startAt, ' ') + cell;
      } else {
        const lead = Math.max(0, ideal - (text.length + sep.length) - cell.length);
        text += sep + ' '.repeat(lead) + cell;
      }
    });
    return text.trimEnd();
  };
  return [line(columns.map((c) => c.head)), ...rows.map((p) => line(columns.map((c) => c.value(p))))].map((l) => `${l}\n`).join('');
}

const USAGE = 'ps: this simulator answers ps, ps -e (-A), ps -ef, ps aux, ps ax on a node\n';

export function nodePs(sim: Simulation, node: Node, args: string[], tty: boolean): CommandResult {
  const now = sim.cluster.clock.now();
  const procs = nodeProcesses(sim, node);
  const last = procs[procs.length - 1]!.pid;
  const self: NodeProcess = { pid: last + 30 + (Math.floor(now) % 97), ppid: 0, user: 'root', start: now, cpu: 0, vsz: 8_096, rss: 4_096, stat: tty ? 'Rs+' : 'Rs', tty: tty ? 'pts/0' : '?', args: ['ps', ...args].join(' '), comm: 'ps' };
  const all = [...procs, self];
  const spec = args.join(' ');
  const ticks = (p: NodeProcess) => Math.floor(cpuTicks(p, now) / 100);
  const pid: Column = { head: 'PID', width: 7, value: (p) => String(p.pid) };
  const ttyCol: Column = { head: 'TTY', width: 8, left: true, value: (p) => p.tty };
  const time8: Column = { head: 'TIME', width: 8, value: (p) => cputimeHMS(ticks(p)) };
  const cmd: Column = { head: 'CMD', width: 0, left: true, value: (p) => p.comm };
  if (/^(aux|axu|uax|auxw+|-aux)$/.test(spec)) {
    return out(render([
      { head: 'USER', width: 8, left: true, value: (p) => p.user },
      pid,
      { head: '%CPU', width: 4, value: (p) => tenths(pcpuPermille(p, now)) },
      { head: '%MEM', width: 4, value: (p) => tenths(Math.floor((p.rss * 1000) / MEM_TOTAL_KB)) },
      { head: 'VSZ', width: 6, value: (p) => String(p.vsz) },
      { head: 'RSS', width: 5, value: (p) => String(p.rss) },
      ttyCol,
      { head: 'STAT', width: 4, left: true, value: (p) => p.stat },
      { head: 'START', width: 5, value: (p) => stime(p.start, now) },
      { head: 'TIME', width: 6, value: (p) => `${Math.floor(ticks(p) / 60)}:${pad2(ticks(p) % 60)}` },
      { head: 'COMMAND', width: 0, left: true, value: (p) => p.args },
    ], all));
  }
  if (/^(ax|axw+)$/.test(spec)) {
    return out(render([pid, ttyCol, { head: 'STAT', width: 4, left: true, value: (p) => p.stat }, { head: 'TIME', width: 6, value: (p) => `${Math.floor(ticks(p) / 60)}:${pad2(ticks(p) % 60)}` }, { head: 'COMMAND', width: 0, left: true, value: (p) => p.args }], all));
  }
  if (/^(-ef|-fe|-e -f|-f -e|-Af|-fA)$/.test(spec)) {
    return out(render([
      { head: 'UID', width: 8, left: true, value: (p) => p.user },
      pid,
      { head: 'PPID', width: 7, value: (p) => String(p.ppid) },
      { head: 'C', width: 2, value: (p) => String(Math.min(99, Math.floor(pcpuPermille(p, now) / 10))) },
      { head: 'STIME', width: 5, value: (p) => stime(p.start, now) },
      ttyCol,
      time8,
      { head: 'CMD', width: 0, left: true, value: (p) => p.args },
    ], all));
  }
  if (/^(-e|-A)$/.test(spec)) return out(render([pid, ttyCol, time8, cmd], all));
  // The caller's uid (root) and terminal: with -t only ps itself is on pts/0.
  if (spec === '') return out(render([pid, ttyCol, time8, cmd], all.filter((p) => p.user === 'root' && p.tty === self.tty)));
  return err(USAGE, 1);
}
