/**
 * What listens inside a pod, from its image and arguments, and what it
 * answers. agnhost's subcommands (k/k test/images/agnhost): serve-hostname
 * answers its hostname on 9376 (no trailing newline), netexec serves
 * /hostname, /echo, /clientip on 8080, pause serves nothing. nginx serves its
 * welcome page on 80; busybox serves nothing; any other image listens on its
 * declared containerPorts and answers with the pod's name.
 */
import type { Container, Pod } from '../model/types';

export interface HttpAnswer {
  status: number;
  body: string;
}

export type Server = (path: string, pod: Pod, clientAddr: string) => HttpAnswer;

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export function podHostname(pod: Pod): string {
  return pod.spec.hostname ?? pod.metadata.name;
}

function queryParam(query: string, key: string): string {
  for (const pair of query.split('&')) {
    const [k, v = ''] = pair.split('=');
    if (k === key) return decodeURIComponent(v.replace(/\+/g, ' '));
  }
  return '';
}

function flagValue(args: string[], flag: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === flag) return args[i + 1];
    if (a.startsWith(`${flag}=`)) return a.slice(flag.length + 1);
  }
  return undefined;
}

function agnhostServers(c: Container): Map<number, Server> {
  const args = [...(c.command ?? []).filter((x) => !x.endsWith('agnhost')), ...(c.args ?? [])];
  const sub = args[0];
  const servers = new Map<number, Server>();
  if (sub === 'serve-hostname') {
    const port = Number(flagValue(args, '--port') ?? 9376);
    servers.set(port, (_p, pod) => ({ status: 200, body: podHostname(pod) }));
  } else if (sub === 'netexec') {
    const port = Number(flagValue(args, '--http-port') ?? 8080);
    servers.set(port, (path, pod, client) => {
      const [route, query = ''] = path.split('?') as [string, string?];
      if (route === '/hostname' || route === '/hostName') return { status: 200, body: podHostname(pod) };
      if (route === '/clientip') return { status: 200, body: client };
      if (route === '/echo') return { status: 200, body: queryParam(query, 'msg') };
      return { status: 200, body: `NOW: ${'2026-01-01 00:00:00.000000000 +0000 UTC'}` };
    });
  }
  return servers;
}

/** The port -> server map of a pod's containers (they share the pod's network namespace). */
export function listeners(pod: Pod): Map<number, Server> {
  const all = new Map<number, Server>();
  for (const c of pod.spec.containers) {
    const image = c.image.split('@')[0]!;
    const repo = image.replace(/:[^/:]*$/, '');
    let servers: Map<number, Server>;
    if (repo.endsWith('agnhost')) servers = agnhostServers(c);
    else if (repo === 'nginx' || repo.endsWith('/nginx')) servers = new Map([[80, () => ({ status: 200, body: NGINX_WELCOME })]]);
    else if (repo === 'busybox' || repo.endsWith('/busybox') || repo.endsWith('/pause')) servers = new Map();
    else servers = new Map((c.ports ?? []).map((p) => [p.containerPort, (_path: string, pod: Pod) => ({ status: 200, body: podHostname(pod) })]));
    for (const [port, s] of servers) all.set(port, s);
  }
  return all;
}
