// The images tutorials serve from, answering as the real ones:
// nginx: docs/html/index.html (615 bytes), src/http/ngx_http_special_response.c (error pages: CRLF,
// "<hr><center>nginx/VERSION</center>"), ngx_http_header_filter_module.c (head order);
// echoserver:1.10 / 1.4: the pages kubernetes/website content/en/docs/tutorials/services/source-ip.md
// and minikube's handbook show; hello-app: kubernetes-engine-samples quickstarts/hello-app/main.go;
// hello-go-gke / hello-frontend: kubernetes/website .../connecting-frontend-backend.md.
import { describe, expect, it } from 'vitest';
import { apply, newSim, pod, podYaml, serviceYaml, svc } from '../../test-helpers';
import { createDataPlane } from '../data-plane';
import { performRequest } from '../request';
import { parseNginxConfig } from './nginx';

function setup(yaml: string) {
  const sim = newSim(3);
  apply(sim, `${podYaml('client', { app: 'client' }, { image: 'registry.k8s.io/e2e-test-images/agnhost:2.47', args: '["pause"]' })}\n---\n${yaml}`);
  return { sim, plane: createDataPlane(sim.cluster), client: { kind: 'pod' as const, pod: pod(sim, 'client') } };
}

describe('nginx', () => {
  it('serves the welcome page on / with its version in Server, and its 404 page elsewhere', () => {
    const { sim, plane, client } = setup(podYaml('web', { app: 'web' }, { image: 'nginx:1.14.2' }));
    const ip = pod(sim, 'web').status.podIP!;
    const ok = performRequest(sim, plane, client, `http://${ip}/`);
    expect(ok.answer!.body).toContain('<title>Welcome to nginx!</title>');
    expect(ok.answer!.body.length).toBe(615);
    expect(ok.answer!.headers!.slice(0, 4)).toEqual([['Server', 'nginx/1.14.2'], ['Date', ''], ['Content-Type', 'text/html'], ['Content-Length', '615']]);
    const missing = performRequest(sim, plane, client, `http://${ip}/nope`);
    expect(missing.answer!.status).toBe(404);
    expect(missing.answer!.body).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.14.2</center>\r\n</body>\r\n</html>\r\n');
    expect(missing.answer!.headers!.find(([k]) => k === 'Content-Length')![1]).toBe('153');
    expect(performRequest(sim, plane, client, `https://${ip}/`).failure!.reason).toBe('refused');
  });

  it('listens where the mounted conf.d says: 443 ssl only with the ConfigMap', () => {
    expect(parseNginxConfig('server {\n  listen 80 default_server;\n  listen [::]:80 default_server ipv6only=on;\n  listen 443 ssl;\n  ssl_certificate /etc/nginx/ssl/tls.crt;\n}\n')).toEqual([
      { port: 80, ssl: false },
      { port: 443, ssl: true, certificate: '/etc/nginx/ssl/tls.crt' },
    ]);
    expect(parseNginxConfig('upstream Backend {\n  server hello;\n}\nserver {\nlisten 80;\nlocation / {\n  proxy_pass http://Backend;\n}\n}\n')).toEqual([{ port: 80, ssl: false, proxyPass: 'http://hello' }]);
  });
});

describe('echoserver: client_address is the source the pod saw', () => {
  const echo = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: source-ip-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: source-ip-app
  template:
    metadata:
      labels:
        app: source-ip-app
    spec:
      containers:
      - name: echoserver
        image: registry.k8s.io/echoserver:1.10
        ports:
        - containerPort: 8080
---
${serviceYaml('clusterip', '  selector:\n    app: source-ip-app\n  ports:\n  - port: 80\n    targetPort: 8080\n')}
---
${serviceYaml('nodeport', '  type: NodePort\n  selector:\n    app: source-ip-app\n  ports:\n  - port: 80\n    targetPort: 8080\n')}`;

  it('ClusterIP from a pod: the pod IP, and the page as echoserver 1.10 prints it', () => {
    const { sim, plane, client } = setup(echo);
    const ip = svc(sim, 'clusterip').spec.clusterIP!;
    const r = performRequest(sim, plane, client, `http://${ip}/`);
    const server = sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'source-ip-app')!;
    expect(r.answer!.body).toBe(
      `\n\nHostname: ${server.metadata.name}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\n` +
        `Request Information:\n\tclient_address=${client.pod.status.podIP}\n\tmethod=GET\n\treal path=/\n\tquery=\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${ip}:8080/\n\n` +
        `Request Headers:\n\taccept=*/*\n\thost=${ip}\n\tuser-agent=curl/8.12.1\n\nRequest Body:\n\t-no body in request-\n\n`,
    );
  });

  it('NodePort, externalTrafficPolicy Cluster: the node IP (SNAT); Local: the client IP', () => {
    const { sim, plane } = setup(echo);
    const port = svc(sim, 'nodeport').spec.ports[0]!.nodePort!;
    const server = sim.cluster.store.list('Pod', 'default').find((p) => p.metadata.labels?.app === 'source-ip-app')!;
    const nodes = sim.cluster.store.list('Node');
    const nodeIP = (n: (typeof nodes)[number]) => n.status.addresses!.find((a) => a.type === 'InternalIP')!.address;
    const other = nodes.find((n) => n.metadata.name !== server.spec.nodeName && !n.metadata.name.includes('control-plane'))!;
    const viaOther = performRequest(sim, plane, { kind: 'workstation' }, `http://${nodeIP(other)}:${port}/`);
    expect(viaOther.answer!.body).toContain(`\tclient_address=${nodeIP(other)}\n`);
    const s = svc(sim, 'nodeport');
    s.spec.externalTrafficPolicy = 'Local';
    sim.cluster.update(s);
    sim.settle();
    const home = nodes.find((n) => n.metadata.name === server.spec.nodeName)!;
    const local = performRequest(sim, plane, { kind: 'workstation' }, `http://${nodeIP(home)}:${port}/`);
    expect(local.answer!.body).toContain('\tclient_address=172.18.0.1\n');
    expect(performRequest(sim, plane, { kind: 'workstation' }, `http://${nodeIP(other)}:${port}/`).ok).toBe(false);
  });

  it('echoserver:1.4 prints the older CLIENT VALUES layout', () => {
    const { sim, plane, client } = setup(podYaml('old', { app: 'old' }, { image: 'registry.k8s.io/echoserver:1.4' }));
    const ip = pod(sim, 'old').status.podIP!;
    const r = performRequest(sim, plane, client, `http://${ip}:8080/x?a=1`);
    expect(r.answer!.body).toBe(
      `CLIENT VALUES:\nclient_address=${client.pod.status.podIP}\ncommand=GET\nreal path=/x\nquery=a=1\nrequest_version=1.1\nrequest_uri=http://${ip}:8080/x?a=1\n\n` +
        `SERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\naccept=*/*\nhost=${ip}:8080\nuser-agent=curl/8.12.1\nBODY:\n-no body in request-`,
    );
  });
});

describe('hello-app, hello-go-gke and the hello-frontend proxy', () => {
  it('hello-app answers its version and hostname on 8080', () => {
    const { sim, plane, client } = setup(`${podYaml('h1', { app: 'h' }, { image: 'gcr.io/google-samples/hello-app:1.0' })}\n---\n${podYaml('h2', { app: 'h2' }, { image: 'us-docker.pkg.dev/google-samples/containers/gke/hello-app:2.0' })}`);
    expect(performRequest(sim, plane, client, `http://${pod(sim, 'h1').status.podIP}:8080/`).answer!.body).toBe('Hello, world!\nVersion: 1.0.0\nHostname: h1\n');
    expect(performRequest(sim, plane, client, `http://${pod(sim, 'h2').status.podIP}:8080/any`).answer!.body).toBe('Hello, world!\nVersion: 2.0.0\nHostname: h2\n');
  });

  const backend = `${podYaml('hello-1', { app: 'hello', tier: 'backend' }, { image: 'gcr.io/google-samples/hello-go-gke:1.0' })}\n---\n${podYaml('frontend-1', { app: 'hello', tier: 'frontend' }, { image: 'gcr.io/google-samples/hello-frontend:1.0' })}\n---\n${serviceYaml('frontend', '  selector:\n    app: hello\n    tier: frontend\n  ports:\n  - port: 80\n')}`;
  const helloSvc = serviceYaml('hello', '  selector:\n    app: hello\n    tier: backend\n  ports:\n  - port: 80\n    targetPort: 80\n');

  it('the frontend proxies / to the hello Service: the second request shows as hops, the backend answers', () => {
    const { sim, plane, client } = setup(`${backend}\n---\n${helloSvc}`);
    const r = performRequest(sim, plane, client, 'http://frontend/');
    expect(r.answer!.body).toBe('{"message":"Hello"}');
    expect(r.servedBy!.metadata.name).toBe('frontend-1');
    const proxied = r.hops.filter((h) => h.title.startsWith('(proxied by frontend-1)'));
    expect(proxied.some((h) => h.kind === 'dns-query' && h.title.includes('A? hello.default.svc.cluster.local'))).toBe(true);
    expect(proxied.some((h) => h.kind === 'deliver' && h.to === 'pod:default/hello-1')).toBe(true);
  });

  it('without the backend Service the frontend answers nginx 502 Bad Gateway', () => {
    const { sim, plane, client } = setup(backend);
    const r = performRequest(sim, plane, client, 'http://frontend/');
    expect(r.answer!.status).toBe(502);
    expect(r.answer!.body).toContain('<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.27.3</center>');
  });
});
