/**
 * The kubernetes.io example manifests that the Service tutorials apply by URL
 * (`kubectl apply -f https://k8s.io/examples/PATH`). The simulated workstation has
 * no internet, so it carries these: the same objects as the files under
 * kubernetes/website content/en/examples/PATH (names, labels, images, ports),
 * written out here in plain YAML. What kubectl makes of a file does not depend
 * on its layout: both decode to the same objects.
 */

/** Where each example lives, by its path under examples/. */
const EXAMPLES: Record<string, string> = {
  // "Use a Service to Access an Application in a Cluster"
  'service/access/hello-application.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello-world
spec:
  selector:
    matchLabels:
      run: load-balancer-example
  replicas: 2
  template:
    metadata:
      labels:
        run: load-balancer-example
    spec:
      containers:
      - name: hello-world
        image: us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0
        ports:
        - containerPort: 8080
          protocol: TCP
`,
  // "Exposing an External IP Address to Access an Application in a Cluster"
  'service/load-balancer-example.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app.kubernetes.io/name: load-balancer-example
  name: hello-world
spec:
  replicas: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: load-balancer-example
  template:
    metadata:
      labels:
        app.kubernetes.io/name: load-balancer-example
    spec:
      containers:
      - image: gcr.io/google-samples/hello-app:2.0
        name: hello-world
        ports:
        - containerPort: 8080
`,
  // "Connect a Frontend to a Backend Using Services"
  'service/access/backend-deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: backend
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: hello
      tier: backend
      track: stable
  replicas: 3
  template:
    metadata:
      labels:
        app.kubernetes.io/name: hello
        tier: backend
        track: stable
    spec:
      containers:
      - name: hello
        image: gcr.io/google-samples/hello-go-gke:1.0
        ports:
        - name: http
          containerPort: 80
`,
  'service/access/backend-service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  selector:
    app.kubernetes.io/name: hello
    tier: backend
  ports:
  - protocol: TCP
    port: 80
    targetPort: http
`,
  'service/access/frontend-deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: hello
      tier: frontend
      track: stable
  replicas: 1
  template:
    metadata:
      labels:
        app.kubernetes.io/name: hello
        tier: frontend
        track: stable
    spec:
      containers:
      - name: nginx
        image: gcr.io/google-samples/hello-frontend:1.0
        lifecycle:
          preStop:
            exec:
              command: ["/usr/sbin/nginx", "-s", "quit"]
`,
  'service/access/frontend-service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: frontend
spec:
  selector:
    app.kubernetes.io/name: hello
    tier: frontend
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
  type: LoadBalancer
`,
  // "Connecting Applications with Services"
  'service/networking/run-my-nginx.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  selector:
    matchLabels:
      run: my-nginx
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
        ports:
        - containerPort: 80
`,
  'service/networking/nginx-svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
  labels:
    run: my-nginx
spec:
  ports:
  - port: 80
    protocol: TCP
  selector:
    run: my-nginx
`,
  // "Debugging DNS Resolution"
  'admin/dns/dnsutils.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: dnsutils
  namespace: default
spec:
  containers:
  - name: dnsutils
    image: registry.k8s.io/e2e-test-images/agnhost:2.39
    imagePullPolicy: IfNotPresent
  restartPolicy: Always
`,
  'admin/dns/busybox.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: busybox
  namespace: default
spec:
  containers:
  - name: busybox
    image: busybox:1.28
    command: ["sleep", "3600"]
    imagePullPolicy: IfNotPresent
  restartPolicy: Always
`,
  // "Run a Stateless Application Using a Deployment", the Deployments and ReplicaSet concept pages
  'application/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  selector:
    matchLabels:
      app: nginx
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.15
        ports:
        - containerPort: 80
`,
  'controllers/nginx-deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
  labels:
    app.kubernetes.io/name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app.kubernetes.io/name: nginx
  template:
    metadata:
      labels:
        app.kubernetes.io/name: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
`,
  'controllers/frontend.yaml': `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: nginx
    tier: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: nginx
        image: nginx
`,
  // "StatefulSet Basics"
  'application/web/web.yaml': `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
`,
};

/** The hosts that serve those files: k8s.io redirects to kubernetes.io, which serves the website's examples. */
const PREFIXES = [
  /^https?:\/\/(?:www\.)?k8s\.io\/examples\//,
  /^https?:\/\/(?:www\.)?kubernetes\.io\/examples\//,
  /^https:\/\/raw\.githubusercontent\.com\/kubernetes\/website\/main\/content\/en\/examples\//,
];

/** Whether kubectl's builder takes this -f value as a URL (cli-runtime visitor.go: an http or https scheme). */
export const isUrl = (path: string): boolean => /^https?:\/\//.test(path);

/** The text behind an example URL, or undefined for any other URL. */
export function exampleManifest(url: string): string | undefined {
  for (const prefix of PREFIXES) {
    if (prefix.test(url)) return EXAMPLES[url.replace(prefix, '').replace(/[?#].*$/, '')];
  }
  return undefined;
}

/** The example paths, for tests and the README. */
export const examplePaths = (): string[] => Object.keys(EXAMPLES).sort();
