/**
 * The CoreDNS pods as servers: which Corefile each runs (coredns-runtime.ts, from the
 * history of the coredns ConfigMap kept here), which pod answers a query, and what the
 * log plugin wrote for each pod. Runtime state of the containers, not API objects.
 */
import type { Cluster } from '../cluster';
import type { ConfigMap, Pod } from '../model/types';
import { corednsAt, setupOf, type CorefileVersion, type LogLine, type RunningCoredns } from './coredns-runtime';
import type { CorednsConfig } from './corefile-config';
import type { DnsServer } from './records';
import { queryLogLine, type QueryClient } from './query-log';
import { createRng, type Rng } from '../rng';
import { MAX_COREFILE_CHARS } from '../limits';

/** Lines kept per pod: the simulator's bound on a container log (a real one rotates at 10 MiB). */
export const QUERY_LOG_LIMIT = 2000;

export class CorednsState {
  readonly history: CorefileVersion[] = [];
  private readonly queries = new Map<string, LogLine[]>();
  private memo = new Map<string, RunningCoredns>();
  private memoNow = -1;
  private memoEdits = -1;

  /** Its own draws (which pod, ports, ids, durations), so the cluster's other streams do not shift. */
  readonly rng: Rng;

  constructor(private readonly cluster: Cluster) {
    this.rng = createRng(cluster.seed ^ 0x5bd1e995);
  }

  /** Records the ConfigMap's Corefile when it changed (called after every settle). A deleted ConfigMap leaves the mounted file as it was. */
  observe(): void {
    const cm = this.cluster.store.get('ConfigMap', 'kube-system', 'coredns') as ConfigMap | undefined;
    const text = cm?.data?.['Corefile'];
    if (typeof text !== 'string') return;
    if (this.history[this.history.length - 1]?.text === text) return;
    if (text.length > MAX_COREFILE_CHARS) {
      const note = `simulator: the simulated CoreDNS reads Corefiles of at most ${MAX_COREFILE_CHARS} characters (a limit of the simulator, not of CoreDNS); it keeps the one it runs`;
      this.cluster.limitNotes.set(`${cm!.metadata.uid}/Corefile`, note);
      return;
    }
    this.history.push({ at: this.cluster.clock.now(), text });
  }

  /** The CoreDNS pods that serve: Running with an address, by name. */
  pods(): Pod[] {
    return (this.cluster.store.list('Pod', 'kube-system') as Pod[])
      .filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns' && p.status.phase === 'Running' && p.status.podIP && p.metadata.deletionTimestamp === undefined)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }

  /** What the pod's CoreDNS runs now, and what its reload plugin logged. */
  running(pod: Pod): RunningCoredns {
    const now = this.cluster.clock.now();
    if (now !== this.memoNow || this.history.length !== this.memoEdits) {
      this.memo = new Map();
      this.memoNow = now;
      this.memoEdits = this.history.length;
    }
    const uid = pod.metadata.uid;
    let r = this.memo.get(uid);
    if (!r) this.memo.set(uid, (r = corednsAt(uid, pod.status.startTime ?? pod.metadata.creationTimestamp ?? 0, this.history, now)));
    return r;
  }

  /** The configuration most queries meet: the first serving pod's (kubeadm's when none serves). */
  config(): CorednsConfig {
    const pod = this.pods()[0];
    if (pod) return this.running(pod).config;
    return (setupOf(this.history[0]!.text) as { config: CorednsConfig }).config;
  }

  private keyMemo = { now: -1, version: -1, edits: -1, key: '' };

  /** A key that changes when any serving pod's running Corefile does (memoized per clock time, cluster version and edit count: requests read it each). */
  key(): string {
    const m = this.keyMemo;
    const now = this.cluster.clock.now();
    if (m.now !== now || m.version !== this.cluster.version || m.edits !== this.history.length) {
      this.keyMemo = { now, version: this.cluster.version, edits: this.history.length, key: this.pods().map((p) => this.running(p).digest.slice(0, 16)).join(',') };
    }
    return this.keyMemo.key;
  }

  /**
   * The server a command's queries go to: one socket, so one source port and, through kube-proxy's
   * conntrack entry for that flow, one CoreDNS pod (drawn as kube-proxy would) for all of them
   * (busybox nslookup.c send_queries sends every query from one socket).
   */
  server(clientIP: string, edns?: QueryClient['edns']): () => DnsServer {
    let chosen: DnsServer | undefined;
    return () => {
      if (chosen) return chosen;
      const pods = this.pods();
      const rng = this.rng;
      const pod = pods.length ? pods[rng.int(pods.length)]! : undefined;
      const client: QueryClient = { ip: clientIP, port: 32768 + rng.int(60999 - 32768 + 1), edns };
      chosen = {
        config: pod ? this.running(pod).config : this.config(),
        answered: (qname, qtype, response) => {
          if (pod) this.logQuery(pod, client, 1 + rng.int(65535), qname, qtype, response);
        },
      };
      return chosen;
    };
  }

  /** Whether the pod's running Corefile has the log plugin. */
  logs(pod: Pod): boolean {
    return this.running(pod).config.log;
  }

  /** The log plugin's line for a query the pod answered, if its Corefile has `log`. */
  logQuery(pod: Pod, client: QueryClient, id: number, qname: string, qtype: Parameters<typeof queryLogLine>[3], response: Parameters<typeof queryLogLine>[4]): void {
    const running = this.running(pod);
    if (!running.config.log) return;
    const k8s = running.config.kubernetes;
    const zone = (k8s?.zones.find((z) => !z.endsWith('.arpa.')) ?? `${this.cluster.config.clusterDomain}.`).replace(/\.$/, '');
    const fromUpstream = response.plugin === 'forward' || response.plugin === 'none';
    const ns = fromUpstream ? 1_000_000 + this.rng.int(30_000_000) : 40_000 + this.rng.int(200_000);
    const line = queryLogLine(client, id, qname, qtype, response, zone, k8s?.ttl ?? 30, ns);
    let lines = this.queries.get(pod.metadata.uid);
    if (!lines) this.queries.set(pod.metadata.uid, (lines = []));
    lines.push({ at: this.cluster.clock.now(), text: line });
    if (lines.length > QUERY_LOG_LIMIT) lines.splice(0, lines.length - QUERY_LOG_LIMIT);
  }

  /** Everything the pod's CoreDNS logged after its start lines, in time order. */
  logLines(pod: Pod): LogLine[] {
    const reload = this.running(pod).lines;
    const queries = this.queries.get(pod.metadata.uid) ?? [];
    return [...reload, ...queries].sort((a, b) => a.at - b.at);
  }

  /** The digest of the Corefile the pod started with; undefined when it has no reload plugin (which logs it). */
  startDigest(pod: Pod): string | undefined {
    const started = pod.status.startTime ?? pod.metadata.creationTimestamp ?? 0;
    const first = corednsAt(pod.metadata.uid, started, this.history, started);
    return first.config.plugins.includes('reload') ? first.digest : undefined;
  }
}
