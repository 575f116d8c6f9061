/**
 * The object an imperative command builds, as `--dry-run=client` prints it: what kubectl
 * made and nothing the server would add, except the empty fields Go's encoder writes for
 * the struct fields that are not omitempty (creationTimestamp: null, resources: {},
 * strategy: {}, status: {}). Checked against real `kubectl create deployment|service|
 * namespace ... --dry-run=client -o yaml|json`.
 */

type Raw = Record<string, unknown>;

export function clientObject(raw: Raw): Raw {
  const obj = JSON.parse(JSON.stringify(raw)) as Raw;
  const meta = (m: Raw) => ({ ...m, creationTimestamp: null });
  obj.metadata = meta(obj.metadata as Raw);
  const withResources = (spec: Raw | undefined) => {
    for (const c of (spec?.containers as Raw[] | undefined) ?? []) c.resources ??= {};
  };
  const spec = obj.spec as Raw | undefined;
  switch (obj.kind) {
    case 'Deployment': {
      const template = spec!.template as Raw;
      template.metadata = meta((template.metadata as Raw | undefined) ?? {});
      withResources(template.spec as Raw);
      spec!.strategy ??= {};
      obj.status = {};
      break;
    }
    case 'Pod':
      withResources(spec);
      obj.status = {};
      break;
    case 'Service':
      obj.status = { loadBalancer: {} };
      break;
    case 'Namespace':
      obj.spec = {};
      obj.status = {};
      break;
  }
  return obj;
}

/** Field order of the Go structs these objects are (k8s.io/api core/v1 and apps/v1 types.go). */
const ORDER: Record<string, string[]> = {
  root: ['kind', 'apiVersion', 'metadata', 'spec', 'status'],
  metadata: ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'labels', 'annotations'],
  deploymentSpec: ['replicas', 'selector', 'template', 'strategy'],
  template: ['metadata', 'spec'],
  podSpec: ['volumes', 'initContainers', 'containers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector'],
  container: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources'],
  containerPort: ['name', 'hostPort', 'containerPort', 'protocol'],
  env: ['name', 'value'],
  serviceSpec: ['ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'externalName'],
  servicePort: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'],
};

function ordered(value: Raw, order: string[], child: (key: string, v: unknown) => unknown): Raw {
  const out: Raw = {};
  const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
  for (const k of keys) out[k] = child(k, value[k]);
  return out;
}

function each<T>(v: unknown, f: (x: Raw) => T): unknown {
  return Array.isArray(v) ? v.map((x) => f(x as Raw)) : v;
}

function container(c: Raw): Raw {
  return ordered(c, ORDER.container!, (k, v) => (k === 'ports' ? each(v, (p) => ordered(p, ORDER.containerPort!, (_, x) => x)) : k === 'env' ? each(v, (e) => ordered(e, ORDER.env!, (_, x) => x)) : v));
}

function podSpec(s: Raw): Raw {
  return ordered(s, ORDER.podSpec!, (k, v) => (k === 'containers' || k === 'initContainers' ? each(v, container) : v));
}

const metadata = (m: unknown) => ordered(m as Raw, ORDER.metadata!, (_, x) => x);

/** `-o json` of a dry-run object: 4-space indent, fields in Go struct order. */
export function goOrderedJson(obj: Raw): string {
  const spec = (s: unknown): unknown => {
    const raw = s as Raw;
    if (obj.kind === 'Deployment') return ordered(raw, ORDER.deploymentSpec!, (k, v) => (k === 'template' ? ordered(v as Raw, ORDER.template!, (tk, tv) => (tk === 'metadata' ? metadata(tv) : podSpec(tv as Raw))) : v));
    if (obj.kind === 'Pod') return podSpec(raw);
    if (obj.kind === 'Service') return ordered(raw, ORDER.serviceSpec!, (k, v) => (k === 'ports' ? each(v, (p) => ordered(p, ORDER.servicePort!, (_, x) => x)) : v));
    return raw;
  };
  const doc = ordered(obj, ORDER.root!, (k, v) => (k === 'metadata' ? metadata(v) : k === 'spec' ? spec(v) : v));
  return JSON.stringify(doc, null, 4) + '\n';
}

