/**
 * The objects kubectl's imperative commands build before sending them.
 * Compared with real `kubectl create deployment|service ... --dry-run=client -o yaml`
 * (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go,
 * create_service.go, pkg/cmd/run/run.go).
 */

type Raw = Record<string, unknown>;

/** The container name kubectl derives from an image: its last path part without tag or digest. */
export function containerNameFromImage(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.split('@')[0]!.split(':')[0]!;
}

/**
 * create_deployment.go sanitizeAndUniquify: a name with "_" or "." (registry.k8s.io/serve_hostname)
 * gets them turned into "-" and a random 5-character suffix (utilrand.String), to be a DNS-1123 label.
 */
export function sanitizeAndUniquify(name: string, suffix: () => string): string {
  if (!/[_.]/.test(name)) return name;
  return `${name.replace(/[_.]/g, '-')}-${suffix()}`;
}

export function deploymentManifest(name: string, images: string[], replicas: number, port?: number, namespace?: string, suffix: () => string = () => 'xxxxx'): Raw {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { labels: { app: name }, name, ...(namespace ? { namespace } : {}) },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: images.map((image) => ({
            image,
            name: sanitizeAndUniquify(containerNameFromImage(image), suffix),
            ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}),
          })),
        },
      },
    },
  };
}

export interface RunOptions {
  image: string;
  labels?: Record<string, string>;
  port?: number;
  restart?: string;
  command: boolean;
  args: string[];
  env: { name: string; value: string }[];
  namespace?: string;
  /** -i: stdin kept open for the attach (stdinOnce: closed when the attach ends); -t: a tty. */
  stdin?: boolean;
  tty?: boolean;
}

export function podManifest(name: string, o: RunOptions): Raw {
  const container: Raw = { image: o.image, name };
  if (o.args.length) container[o.command ? 'command' : 'args'] = o.args;
  if (o.env.length) container.env = o.env;
  if (o.port !== undefined) container.ports = [{ containerPort: o.port }];
  if (o.stdin) Object.assign(container, { stdin: true, stdinOnce: true });
  if (o.tty) container.tty = true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels: o.labels ?? { run: name }, name, ...(o.namespace ? { namespace: o.namespace } : {}) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: o.restart ?? 'Always' },
  };
}

export interface ServicePortArg {
  port: number;
  targetPort: number | string;
  nodePort?: number;
}

/** `kubectl create service TYPE NAME --tcp=port:target`: ports named "<port>-<target>", selector app=NAME. */
export function createServiceManifest(type: string, name: string, ports: ServicePortArg[], namespace?: string, externalName?: string): Raw {
  const spec: Raw = { type, selector: { app: name } };
  if (type === 'ExternalName') spec.externalName = externalName;
  else if (ports.length) spec.ports = ports.map((p) => ({ name: `${p.port}-${p.targetPort}`, port: p.port, protocol: 'TCP', targetPort: p.targetPort, ...(p.nodePort ? { nodePort: p.nodePort } : {}) }));
  if (type === 'ClusterIP' && ports.length === 0) spec.clusterIP = 'None';
  return { apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: name }, name, ...(namespace ? { namespace } : {}) }, spec };
}
