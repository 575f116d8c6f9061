/**
 * The simulation as the shell and the worker use it: a cluster plus the
 * operations that change it (apply, delete, time) and settle it afterwards.
 */
import { applyManifest, type ApplyOutcome } from './apiserver/apply';
import { collectGarbage, deleteObject, type DeleteOptions } from './apiserver/delete';
import type { Cluster } from './cluster';
import { settle } from './controllers/reconcile';
import { statefulSetWakeAt } from './controllers/statefulset';

/** The most StatefulSet wake-ups one advance stops at (each is a pod created, available or gone). */
const WAKE_LIMIT = 1000;
import type { Kind, KubeObject } from './model/types';
import { bootstrapCluster, dnsServiceIP } from './scenario/bootstrap';
import type { ClusterConfig } from './scenario/cluster-config';
import { parseManifests, type Manifest } from './scenario/manifests';
import type { DnsContext } from './dns/records';
import { CorednsState } from './dns/coredns-state';
import type { QueryClient } from './dns/query-log';
import { KNOWN_UPSTREAM_HOSTS } from './dns/upstream';
import type { Diagnostic } from './view/snapshot';
import type { Client, RequestResult } from './net/request-types';

export interface ManifestResult {
  manifest: Manifest;
  outcome: ApplyOutcome;
}

export interface ApplyReport {
  /** One line per object in kubectl's words, errors included, in order. */
  results: ManifestResult[];
  syntaxErrors: Diagnostic[];
}

/** Outside names the simulated upstream DNS knows by address (there is no internet here; others get a stand-in: dns/upstream.ts). */
export const UPSTREAM_HOSTS: Record<string, string> = KNOWN_UPSTREAM_HOSTS;

/** Told of every request traced (curl, wget, nc, the request bar): a lesson's goals read them. */
export type RequestObserver = (client: Client, result: RequestResult) => void;

export class Simulation {
  readonly cluster: Cluster;

  requestObserver?: RequestObserver;

  /** The kube-dns Service's ClusterIP, the nameserver in every pod's resolv.conf. */
  readonly dnsIP: string;

  /** The CoreDNS pods as servers: the Corefile each runs (reloads included) and their query logs. */
  readonly coredns: CorednsState;

  constructor(readonly config: ClusterConfig, readonly seed: number) {
    this.cluster = bootstrapCluster(config, seed);
    this.dnsIP = dnsServiceIP(config);
    this.coredns = new CorednsState(this.cluster);
    this.coredns.observe();
  }

  /** CoreDNS as the first serving pod runs it (no query log): what a traced request's lookups use. */
  dnsContext(): DnsContext {
    return { store: this.cluster.store, zone: this.config.clusterDomain, upstream: UPSTREAM_HOSTS, rng: this.cluster.trafficRng, config: this.coredns.config() };
  }

  /**
   * The resolver a pod's resolv.conf names first: CoreDNS when it is the cluster DNS, else one outside
   * the cluster. With a client, each query goes to a CoreDNS pod drawn as kube-proxy would and is
   * answered with that pod's Corefile, which logs it when it has `log`.
   */
  dnsContextFor(conf: { nameservers: string[] }, client?: { ip: string; edns?: QueryClient['edns'] }): DnsContext {
    const ctx = this.dnsContext();
    if (conf.nameservers[0] !== this.dnsIP) return { ...ctx, outsideCluster: true };
    return client ? { ...ctx, server: this.coredns.server(client.ip, client.edns) } : ctx;
  }

  /** kubectl apply/create -f: every document in order, then the controllers settle. */
  applyText(text: string, source: string, mode: 'apply' | 'create'): ApplyReport {
    const parsed = parseManifests(text, source);
    const results: ManifestResult[] = [];
    if (parsed.errors.length === 0) {
      for (const manifest of parsed.manifests) {
        results.push({ manifest, outcome: applyManifest(this.cluster, manifest.raw, { mode, source }) });
      }
      this.settle();
    }
    return { results, syntaxErrors: parsed.errors };
  }

  delete(kind: Kind, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject | undefined {
    const obj = deleteObject(this.cluster, kind, namespace, name, opts);
    this.settle();
    return obj;
  }

  /** `sleep N`: time passes, probes fire, timeouts expire. */
  advance(seconds: number): void {
    const target = this.cluster.clock.now() + Math.max(0, seconds);
    // Stop at each StatefulSet wake-up on the way (a bounded number: each one is a pod's step).
    for (let i = 0; i < WAKE_LIMIT; i++) {
      const wake = statefulSetWakeAt(this.cluster);
      if (wake === undefined || wake >= target) break;
      this.cluster.clock.advance(wake - this.cluster.clock.now());
      this.settle();
    }
    this.cluster.clock.advance(target - this.cluster.clock.now());
    this.settle();
  }

  private settling = false;

  /**
   * Runs the controllers to a fixpoint. A command an exec probe runs may write (a `touch`)
   * and settle from inside a pass: the pass already under way picks that up.
   */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      collectGarbage(this.cluster);
      settle(this.cluster);
      this.coredns.observe();
    } finally {
      this.settling = false;
    }
  }
}
