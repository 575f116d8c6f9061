/**
 * Which programs an image ships, so a missing tool fails as it would, and which C library
 * they use (it spells the socket errors they print: print/strerror.ts).
 * agnhost is Alpine with bind-tools, curl and netcat-openbsd added
 * (k/k test/images/agnhost/Dockerfile: `apk --update add ...`); busybox has its applets
 * and Docker Hub's busybox tags without a libc suffix are the glibc build
 * (docker-library/official-images library/busybox: latest, 1.36, 1.37 -> latest/glibc);
 * nginx is Debian with curl (nginx:*alpine* is Alpine); curlimages/curl is Alpine;
 * CoreDNS and pause images are distroless.
 */
import type { Libc } from '../print/strerror';
import { dnsImageToolset } from './image-traits';

export type Toolset = { nslookup?: 'bind' | 'busybox' | 'busybox-1.28'; curl: boolean; dig: boolean; wget: boolean; nc: boolean; shell: boolean; libc: Libc };

const BASIC: Toolset = { curl: false, dig: false, wget: false, nc: false, shell: true, libc: 'glibc' };

export function toolsetOf(image: string): Toolset | null {
  const ref = image.split('@')[0]!;
  const repo = ref.replace(/:[^/:]*$/, '');
  const tag = ref.slice(repo.length + 1);
  const name = repo.split('/').pop()!;
  const dns = dnsImageToolset(name);
  if (dns) return dns;
  if (name === 'agnhost') return { nslookup: 'bind', curl: true, dig: true, wget: true, nc: true, shell: true, libc: 'musl' };
  if (name === 'busybox') return { nslookup: oldBusybox(tag) ? 'busybox-1.28' : 'busybox', curl: false, dig: false, wget: true, nc: true, shell: true, libc: /(^|-)musl$/.test(tag) ? 'musl' : 'glibc' };
  if (name === 'alpine') return { nslookup: 'busybox', curl: false, dig: false, wget: true, nc: true, shell: true, libc: 'musl' };
  // radial/busyboxplus:curl (the "Connecting Applications with Services" tutorial's client): busybox plus curl.
  if (name === 'busyboxplus') return { nslookup: 'busybox', curl: true, dig: false, wget: true, nc: true, shell: true, libc: 'glibc' };
  if (name === 'nginx' || name === 'nginxhttps') return { ...BASIC, curl: true, libc: tag.includes('alpine') ? 'musl' : 'glibc' };
  if (name === 'curl') return { nslookup: 'busybox', curl: true, dig: false, wget: true, nc: true, shell: true, libc: 'musl' };
  if (name === 'coredns' || name === 'pause' || name.startsWith('kube-') || name === 'etcd' || name === 'kindnetd' || name === 'local-path-provisioner') return null;
  return BASIC;
}

/**
 * busybox 1.28 and older: nslookup is the small libc-based applet (networking/nslookup.c was
 * rewritten with its own resolver in 1.29: tools/nslookup-old.ts).
 */
function oldBusybox(tag: string): boolean {
  const m = /^1\.(\d+)(?:\.|-|$)/.exec(tag);
  return !!m && Number(m[1]) <= 28;
}

export function hasProgram(tools: Toolset | null, program: string): boolean {
  if (['cat', 'env', 'printenv', 'hostname', 'sh', 'echo', 'sleep', 'ls', 'true', 'false', 'touch', 'rm', 'test', 'exit'].includes(program)) return tools !== null && tools.shell;
  if (!tools) return false;
  if (program === 'nslookup') return tools.nslookup !== undefined;
  if (program === 'curl') return tools.curl;
  if (program === 'dig') return tools.dig;
  // host comes with dig in bind-tools.
  if (program === 'host') return tools.dig;
  if (program === 'wget') return tools.wget;
  if (program === 'nc') return tools.nc;
  return false;
}
