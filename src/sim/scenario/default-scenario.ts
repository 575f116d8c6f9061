/**
 * The built-in scenario the app opens with: a Deployment of three agnhost
 * serve-hostname pods (each answers with its own pod name on port 9376), a
 * ClusterIP Service in front of them, and a client pod to send requests from.
 */
export const DEFAULT_SCENARIO_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["serve-hostname"]
        ports:
        - containerPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 9376
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  containers:
  - name: client
    image: registry.k8s.io/e2e-test-images/agnhost:2.47
    args: ["pause"]
`;

export const DEFAULT_SEED = 1;
