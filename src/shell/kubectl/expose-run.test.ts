/**
 * kubectl expose -f FILE (each object of the file as the builder reads it; selector, labels, ports from
 * polymorphichelpers MapBasedSelectorForObject / PortsForObject; several ports named port-1, port-2) and
 * kubectl run --port --expose (cmd/run/run.go generateService: the Service first, selecting run=NAME).
 * Every expected text below is what the real kubectl client printed for the same line and files
 * (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go, cmd/run/run.go).
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const FILES: Record<string, string> = {
  "dep.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-nginx\n  labels:\n    app: nginx\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      run: my-nginx\n  template:\n    metadata:\n      labels:\n        run: my-nginx\n    spec:\n      containers:\n      - name: my-nginx\n        image: nginx\n        ports:\n        - containerPort: 80\n        - containerPort: 443\n          protocol: TCP\n",
  "rc.yaml": "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: nginx\nspec:\n  replicas: 1\n  selector:\n    app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n        ports:\n        - containerPort: 80\n",
  "pod.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\n  labels:\n    app: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n",
  "svc.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: s1\n  labels:\n    team: a\nspec:\n  selector:\n    app: p\n  ports:\n  - port: 80\n    targetPort: 8080\n",
  "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n",
  "nolabels.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p2\nspec:\n  containers:\n  - name: c\n    image: nginx\n"
};

const CASES: [string, string][] = [
  ["kubectl run web --image=nginx --port=80 --expose --dry-run=client -o yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: web\nstatus:\n  loadBalancer: {}\n---\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n"],
  ["kubectl run web --image=nginx --port=80 --labels=app=x,tier=y --expose --dry-run=client -o yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: x\n    tier: \"y\"\n  name: web\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: x\n    tier: \"y\"\nstatus:\n  loadBalancer: {}\n---\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: x\n    tier: \"y\"\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n"],
  ["kubectl run web --image=nginx --port=80 --expose --dry-run=client -o name", "service/web\npod/web\n"],
  ["kubectl run web --image=nginx --port=80 --expose --dry-run=client", "service/web created (dry run)\npod/web created (dry run)\n"],
  ["kubectl run web --image=nginx --expose --dry-run=client", "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n"],
  ["kubectl expose -f dep.yaml --port=8080 --target-port=80 --dry-run=client -o yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: nginx\n  name: my-nginx\nspec:\n  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 80\n  selector:\n    run: my-nginx\nstatus:\n  loadBalancer: {}\n"],
  ["kubectl expose -f dep.yaml --dry-run=client -o yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: nginx\n  name: my-nginx\nspec:\n  ports:\n  - name: port-1\n    port: 80\n    protocol: TCP\n    targetPort: 80\n  - name: port-2\n    port: 443\n    protocol: TCP\n    targetPort: 443\n  selector:\n    run: my-nginx\nstatus:\n  loadBalancer: {}\n"],
  ["kubectl expose -f dep.yaml --dry-run=client", "service/my-nginx exposed (dry run)\n"],
  ["kubectl expose -f rc.yaml --port=80 --name=rcsvc --type=NodePort --dry-run=client -o yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: rcsvc\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: nginx\n  type: NodePort\nstatus:\n  loadBalancer: {}\n"],
  ["kubectl expose -f pod.yaml --port=80 --dry-run=client -o yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: p\n  name: p1\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: p\nstatus:\n  loadBalancer: {}\n"],
  ["kubectl expose -f svc.yaml --port=443 --name=svc2 --dry-run=client -o yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    team: a\n  name: svc2\nspec:\n  ports:\n  - port: 443\n    protocol: TCP\n    targetPort: 443\n  selector:\n    app: p\nstatus:\n  loadBalancer: {}\n"],
  ["kubectl expose -f cm.yaml --port=80 --dry-run=client", "error: cannot expose a ConfigMap\n"],
  // The seed's `kubectl expose rs -f rs/go-demo-2.yml`: resource arguments beside -f (real client, cli-runtime builder.go).
  ["kubectl expose rs -f dep.yaml --port=80 --dry-run=client", "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n"],
  ["kubectl expose -f nolabels.yaml --port=80 --dry-run=client", "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"],
];

describe('expose -f and run --expose, as the real client prints them', () => {
  for (const [line, expected] of CASES) it(line, () => expect(testShell(FILES).run(line)).toBe(expected));
});

describe('without a dry run', () => {
  it('run --expose creates the Service, then the pod, and the Service finds it', () => {
    const t = testShell();
    expect(t.run('kubectl run web --image=nginx --port=80 --expose')).toBe('service/web created\npod/web created\n');
    const svc = t.sim.cluster.store.get('Service', 'default', 'web')!;
    expect(svc.spec.selector).toEqual({ run: 'web' });
    const eps = t.sim.cluster.store.get('Endpoints', 'default', 'web')!;
    expect(eps.subsets?.[0]?.addresses?.[0]?.targetRef?.name).toBe('web');
  });

  it('expose -f creates one Service per object of the file, named after it', () => {
    const t = testShell(FILES);
    expect(t.run('kubectl apply -f dep.yaml')).toBe('deployment.apps/my-nginx created\n');
    expect(t.run('kubectl expose -f dep.yaml --port=8080 --target-port=80 --type=NodePort')).toBe('service/my-nginx exposed\n');
    expect(t.sim.cluster.store.get('Service', 'default', 'my-nginx')!.spec.type).toBe('NodePort');
  });
});
