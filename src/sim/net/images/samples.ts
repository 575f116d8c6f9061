/**
 * The sample images Kubernetes tutorials serve from.
 * - registry.k8s.io/echoserver:1.10 (nginx 1.13.3 + lua, port 8080): its page names the pod
 *   (HOSTNAME), the connection's peer as nginx saw it ($remote_addr: after kube-proxy's DNAT and
 *   any SNAT, the point of the "Using Source IP" tutorial), the request and its headers sorted
 *   by name. echoserver:1.4 (nginx 1.10.0 + lua) prints the older CLIENT VALUES layout.
 *   Format: the page as the tutorials and minikube's docs show it (kubernetes/website
 *   content/en/docs/tutorials/services/source-ip.md, minikube handbook).
 * - gcr.io/google-samples/hello-app:1.0/2.0 (and the us-docker.pkg.dev copy): "Hello, world!",
 *   the version and the hostname on $PORT, default 8080 (GoogleCloudPlatform/kubernetes-engine-samples
 *   quickstarts/hello-app/main.go).
 * - gcr.io/google-samples/hello-go-gke:1.0: the backend of "Connect a Frontend to a Backend Using
 *   Services" (kubernetes/website content/en/docs/tasks/access-application-cluster/
 *   connecting-frontend-backend.md), `{"message":"Hello"}` on 80; hello-frontend:1.0 is nginx
 *   proxying / to http://hello (its frontend.conf: `upstream Backend { server hello; }`).
 */
import type { Container, Pod } from '../../model/types';
import { requestOf, type HttpAnswer, type HttpRequest, type Server } from './http';
import type { NginxListen } from './nginx';

function envValue(c: Container, name: string): string | undefined {
  return c.env?.find((e) => e.name === name)?.value;
}

function hostnameOf(pod: Pod): string {
  return pod.spec.hostname ?? pod.metadata.name;
}

/** ngx.var.host: the Host header's name, lower case, without the port. */
function hostVar(req: HttpRequest): string {
  return req.host.replace(/:\d+$/, '').toLowerCase();
}

function sortedHeaders(req: HttpRequest): [string, string][] {
  const all: [string, string][] = [['host', req.host], ...req.headers.map(([k, v]) => [k.toLowerCase(), v] as [string, string])];
  return all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function echo110(pod: Pod, client: string, req: HttpRequest): string {
  const [route, query = ''] = req.path.split('?') as [string, string?];
  return (
    `\n\nHostname: ${hostnameOf(pod)}\n\nPod Information:\n\t-no pod information available-\n\n` +
    'Server values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\n' +
    `Request Information:\n\tclient_address=${client}\n\tmethod=${req.method}\n\treal path=${route}\n\tquery=${query}\n\trequest_version=1.1\n\trequest_scheme=${req.scheme}\n\trequest_uri=${req.scheme}://${hostVar(req)}:${req.port}${req.path}\n\n` +
    `Request Headers:\n${sortedHeaders(req).map(([k, v]) => `\t${k}=${v}\n`).join('')}\n` +
    'Request Body:\n\t-no body in request-\n\n'
  );
}

function echo14(client: string, req: HttpRequest): string {
  const [route, query] = req.path.split('?') as [string, string?];
  return (
    `CLIENT VALUES:\nclient_address=${client}\ncommand=${req.method}\nreal path=${route}\nquery=${query ?? 'nil'}\nrequest_version=1.1\nrequest_uri=${req.scheme}://${hostVar(req)}:${req.port}${req.path}\n\n` +
    'SERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\n' +
    `HEADERS RECEIVED:\n${sortedHeaders(req).map(([k, v]) => `${k}=${v}\n`).join('')}` +
    'BODY:\n-no body in request-'
  );
}

export function echoserverServers(c: Container): Map<number, Server> {
  const old = /:1\.4$/.test(c.image.split('@')[0]!);
  const server: Server = (path, pod, client, r) => {
    const req = requestOf(path, pod, 8080, r);
    const ip = client.replace(/:\d+$/, '');
    const body = old ? echo14(ip, req) : echo110(pod, ip, req);
    const headers: [string, string][] = [['Date', ''], ['Content-Type', 'text/plain'], ['Transfer-Encoding', 'chunked'], ['Connection', 'keep-alive'], ['Server', 'echoserver']];
    return { status: 200, body, headers };
  };
  return new Map([[8080, server]]);
}

export function helloAppServers(c: Container): Map<number, Server> {
  const tag = /:([^/:@]+)(@|$)/.exec(c.image)?.[1] ?? '1.0';
  const version = tag.startsWith('2') ? '2.0.0' : '1.0.0';
  const port = Number(envValue(c, 'PORT') ?? 8080);
  const server: Server = (_path, pod): HttpAnswer => ({ status: 200, body: `Hello, world!\nVersion: ${version}\nHostname: ${hostnameOf(pod)}\n` });
  return new Map([[Number.isInteger(port) ? port : 8080, server]]);
}

export function helloGoGkeServers(): Map<number, Server> {
  const server: Server = () => ({ status: 200, body: '{"message":"Hello"}', headers: [['Content-Type', 'application/json'], ['Date', ''], ['Content-Length', '19']] });
  return new Map([[80, server]]);
}

/** hello-frontend's baked-in config: nginx on 80 proxying to the `hello` Service. */
export const HELLO_FRONTEND_CONF: NginxListen[] = [{ port: 80, ssl: false, proxyPass: 'http://hello' }];
