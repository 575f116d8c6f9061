// Defaults applied on decode: k/k pkg/apis/core/v1/defaults.go (SetDefaults_Service, SetDefaults_PodSpec,
// SetDefaults_Pod, SetDefaults_Namespace) and pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment).
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Deployment, Namespace, Pod, Service } from '../model/types';
import { checkKind, decodeManifest, type ApplyKind } from './decode';

function decode<T>(yaml: string): T {
  const raw = parse(yaml) as Record<string, unknown>;
  const kind = checkKind(raw, 'app.yaml');
  if (!kind.ok) throw new Error(kind.message);
  const r = decodeManifest(raw, kind.kind as ApplyKind, 0);
  if (!r.ok) throw new Error(r.message);
  return r.object as T;
}
const service = (spec: string) => decode<Service>(`apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n${spec}`);

describe('SetDefaults_Service', () => {
  it('ClusterIP, None affinity, TCP, targetPort = port, Cluster internal policy, SingleStack IPv4', () => {
    const s = service('  ports:\n  - port: 80\n');
    expect(s.metadata.namespace).toBe('default');
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
    expect(s.spec.sessionAffinityConfig).toBeUndefined();
  });

  it('targetPort 0 or "" defaults to port; a named targetPort stays a string', () => {
    const s = service('  ports:\n  - name: a\n    port: 80\n    targetPort: 0\n  - name: b\n    port: 81\n    targetPort: ""\n  - name: c\n    port: 82\n    targetPort: http\n');
    expect(s.spec.ports.map((p) => p.targetPort)).toEqual([80, 81, 'http']);
  });

  it('a quoted numeric targetPort stays a string (IntOrString keeps the JSON type)', () => {
    expect(service('  ports:\n  - port: 80\n    targetPort: "8080"\n').spec.ports[0]!.targetPort).toBe('8080');
  });

  it('externalTrafficPolicy Cluster for NodePort, LoadBalancer and ClusterIP with externalIPs', () => {
    expect(service('  type: NodePort\n  ports:\n  - port: 80\n').spec.externalTrafficPolicy).toBe('Cluster');
    expect(service('  type: LoadBalancer\n  ports:\n  - port: 80\n').spec.externalTrafficPolicy).toBe('Cluster');
    expect(service('  externalIPs: ["198.51.100.7"]\n  ports:\n  - port: 80\n').spec.externalTrafficPolicy).toBe('Cluster');
  });

  it('allocateLoadBalancerNodePorts true for LoadBalancer only', () => {
    expect(service('  type: LoadBalancer\n  ports:\n  - port: 80\n').spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(service('  type: NodePort\n  ports:\n  - port: 80\n').spec.allocateLoadBalancerNodePorts).toBeUndefined();
  });

  it('ClientIP affinity without config gets timeoutSeconds 10800 (DefaultClientIPServiceAffinitySeconds)', () => {
    expect(service('  sessionAffinity: ClientIP\n  ports:\n  - port: 80\n').spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });

  it('ExternalName gets no internalTrafficPolicy and no IP families', () => {
    const s = service('  type: ExternalName\n  externalName: db.example.com\n');
    expect(s.spec.internalTrafficPolicy).toBeUndefined();
    expect(s.spec.ipFamilies).toBeUndefined();
  });

  it('a string where an int32 belongs is a decode error in encoding/json words', () => {
    const raw = parse('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: "80"\n') as Record<string, unknown>;
    const r = decodeManifest(raw, 'Service', 0);
    expect(r).toEqual({
      ok: false,
      field: 'spec.ports[0].port',
      message: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    });
  });
});

describe('Pod and Deployment defaults', () => {
  it('ClusterFirst, Always, enableServiceLinks true, container port protocol TCP', () => {
    const p = decode<Pod>('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 80\n');
    expect(p.spec).toMatchObject({ dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', enableServiceLinks: true });
    expect(p.spec.containers[0]!.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(p.status).toEqual({ phase: 'Pending', ready: false });
  });

  it('replicas defaults to 1', () => {
    const d = decode<Deployment>('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: b\n  template:\n    metadata:\n      labels:\n        a: b\n    spec:\n      containers:\n      - name: c\n        image: nginx\n');
    expect(d.spec.replicas).toBe(1);
  });
});

describe('SetDefaults_Namespace', () => {
  it('adds kubernetes.io/metadata.name', () => {
    const ns = decode<Namespace>('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n  labels:\n    env: dev\n');
    expect(ns.metadata.labels).toEqual({ env: 'dev', 'kubernetes.io/metadata.name': 'team-a' });
    expect(ns.metadata.namespace).toBeUndefined();
  });
});

describe('checkKind (kubectl discovery)', () => {
  it('an unknown kind gives the RESTMapper error', () => {
    expect(checkKind({ apiVersion: 'v1', kind: 'Ingress', metadata: { name: 'x' } }, 'app.yaml')).toEqual({
      ok: false,
      field: 'kind',
      message: 'error: resource mapping not found for name: "x" namespace: "" from "app.yaml": no matches for kind "Ingress" in version "v1"\nensure CRDs are installed first',
    });
  });

  it('a kind v1.33 serves but the simulator does not model gets no "ensure CRDs" (api/discovery/apis__batch__v1.json serves Job)', () => {
    const r = checkKind({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' } }, 'job.yaml');
    expect(!r.ok && r.message).toBe('error: this simulator does not model jobs.batch (kind "Job" in version "batch/v1"), which a real cluster serves: "pi" from "job.yaml" was not created');
  });

  it('a missing apiVersion is a client-side validation error', () => {
    const r = checkKind({ kind: 'Pod' }, 'app.yaml');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('error: error validating "app.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false');
  });
});

// Containers keep their liveness and startup probes and their resources; quantities are stored
// canonical after SetDefaults_ResourceList's RoundUp(-3) (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go).
describe('container probes and resources', () => {
  const pod = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx\n${container}`;

  it('keeps liveness and startup probes with every count written', () => {
    const p = decode<Pod>(pod('    livenessProbe:\n      httpGet:\n        port: 80\n      timeoutSeconds: 3\n      successThreshold: 1\n      failureThreshold: 6\n    startupProbe:\n      tcpSocket:\n        port: 80\n      periodSeconds: 2\n'));
    expect(p.spec.containers[0]!.livenessProbe).toEqual({ httpGet: { port: 80 }, timeoutSeconds: 3, successThreshold: 1, failureThreshold: 6 });
    expect(p.spec.containers[0]!.startupProbe).toEqual({ tcpSocket: { port: 80 }, periodSeconds: 2 });
  });

  it('keeps requests and limits, each quantity canonical', () => {
    const p = decode<Pod>(pod('    resources:\n      requests:\n        cpu: 0.25\n        memory: 1024Mi\n      limits:\n        cpu: "1"\n        memory: 2Gi\n'));
    expect(p.spec.containers[0]!.resources).toEqual({ requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } });
  });

  it('answers a bad count or quantity as the decoder does', () => {
    const raw = (yaml: string) => parse(yaml) as Record<string, unknown>;
    expect(decodeManifest(raw(pod('    livenessProbe:\n      exec:\n        command: [true]\n      timeoutSeconds: "3"\n')), 'Pod', 0)).toEqual({
      ok: false,
      field: 'spec.containers[0].livenessProbe.timeoutSeconds',
      message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Probe.spec.containers.livenessProbe.timeoutSeconds of type int32',
    });
    expect(decodeManifest(raw(pod('    resources:\n      limits:\n        memory: 1GB\n')), 'Pod', 0)).toEqual({
      ok: false,
      field: 'spec.containers[0].resources.limits.memory',
      message: "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    });
  });
});

describe('EndpointSlice defaults (pkg/apis/discovery/v1/defaults.go SetDefaults_EndpointPort)', () => {
  it('a port without protocol or name gets TCP and ""', () => {
    const s = decode<{ ports: unknown[] }>('apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: peers-1\n  labels:\n    kubernetes.io/service-name: peers\naddressType: IPv4\nports:\n- port: 5432\nendpoints:\n- addresses: ["192.168.10.5"]\n');
    expect(s.ports).toEqual([{ name: '', protocol: 'TCP', port: 5432 }]);
  });
});
