/**
 * What listens inside a pod, from its image and arguments, and what it
 * answers. agnhost's subcommands (k/k test/images/agnhost): serve-hostname
 * answers its hostname on 9376 (no trailing newline; so does the older standalone
 * registry.k8s.io/serve_hostname image), netexec serves
 * /hostname, /echo, /clientip on 8080, pause serves nothing. nginx serves what its
 * config says (images/nginx.ts); the tutorials' sample images answer as they do
 * (images/samples.ts); busybox serves nothing; any other image listens on its
 * declared containerPorts and answers with the pod's name.
 */
import type { ObjectStore } from '../model/store';
import type { Container, Pod } from '../model/types';
import type { Server } from './images/http';
import { nginxServers } from './images/nginx';
import { echoserverServers, HELLO_FRONTEND_CONF, helloAppServers, helloGoGkeServers } from './images/samples';

export type { HttpAnswer, HttpRequest, Server, TlsConfig } from './images/http';

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

/** The servers one container's image runs. */
function containerServers(c: Container, store: ObjectStore | undefined, pod: Pod): Map<number, Server> {
  const image = c.image.split('@')[0]!;
  const repo = image.replace(/:[^/:]*$/, '');
  const name = repo.split('/').pop()!;
  if (repo.endsWith('agnhost')) return agnhostServers(c);
  // registry.k8s.io/serve_hostname (the Debug Services page's hostnames Deployment): the program agnhost's
  // serve-hostname came from, same flags (-port, default 9376; HTTP by default), same answer.
  if (name === 'serve_hostname') return agnhostServers({ ...c, command: [], args: ['serve-hostname', ...(c.command ?? []).slice(1), ...(c.args ?? [])].map((a) => a.replace(/^-(?=[a-z])/, '--')) });
  if (name === 'echoserver') return echoserverServers(c);
  if (name === 'hello-app') return helloAppServers(c);
  if (name === 'hello-go-gke') return helloGoGkeServers();
  if (name === 'hello-frontend') return nginxServers(store, pod, c, HELLO_FRONTEND_CONF);
  // bprashanth/nginxhttps:1.0, the "Connecting Applications with Services" tutorial's image: nginx
  // whose conf.d the tutorial replaces with its ConfigMap (departure: it reports our nginx version).
  if (repo === 'nginx' || repo.endsWith('/nginx') || name === 'nginxhttps') return nginxServers(store, pod, c);
  if (repo === 'busybox' || repo.endsWith('/busybox') || repo.endsWith('/pause')) return new Map();
  return new Map((c.ports ?? []).map((p) => [p.containerPort, (_path: string, pod: Pod) => ({ status: 200, body: podHostname(pod) })]));
}

/**
 * The port -> server map of a pod's containers (they share the pod's network namespace).
 * With the store, servers read their mounted config (nginx's conf.d and certificates).
 */
export function listeners(pod: Pod, store?: ObjectStore): Map<number, Server> {
  const all = new Map<number, Server>();
  for (const c of pod.spec.containers) {
    for (const [port, s] of containerServers(c, store, pod)) all.set(port, s);
  }
  return all;
}
