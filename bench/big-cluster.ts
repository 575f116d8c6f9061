/** A large scenario built in memory: N services, each selecting M pods of its own Deployment. */
export function bigClusterYaml(services: number, podsPerService: number): string {
  const docs: string[] = [];
  for (let i = 0; i < services; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: ${podsPerService}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["serve-hostname"]
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
  - port: 80
    targetPort: 9376`);
  }
  return docs.join('\n---\n') + '\n';
}

/** kind with enough nodes that 5,000 pods fit in /24 podCIDRs (about 110 pods a node, as kubelet's default max-pods). */
export function bigClusterConfig(workers: number, proxyMode = 'iptables'): string {
  return `kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
networking:
  kubeProxyMode: ${proxyMode}
nodes:
- role: control-plane
${Array.from({ length: workers }, () => '- role: worker').join('\n')}
`;
}

/** The pod load experiments send from (agnhost has curl). */
export const CLIENT_POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: client
    image: registry.k8s.io/e2e-test-images/agnhost:2.47
    args: ["pause"]
`;
