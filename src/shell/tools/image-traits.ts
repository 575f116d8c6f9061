/**
 * What an image's filesystem adds beyond tools/images.ts's Toolset: the base system (busybox,
 * Alpine or Debian), the network programs it carries (busybox applets, iproute2, iputils), the
 * shells, the working directory and the default command; and the DNS debugging images tutorials
 * use, with their Dockerfiles:
 * - registry.k8s.io/e2e-test-images/jessie-dnsutils (k/k test/images/jessie-dnsutils/Dockerfile:
 *   Debian jessie + `apt-get install -y dnsutils`: BIND's dig, nslookup, host; no curl, wget, ip, ping);
 * - tutum/dnsutils (Ubuntu 14.04 + dnsutils);
 * - infoblox/dnstools (infobloxopen/dnstools Dockerfile: alpine + `apk add bind-tools curl`,
 *   ENTRYPOINT /bin/sh);
 * - nicolaka/netshoot (its Dockerfile: alpine + bash, bind-tools, curl, iproute2, iputils,
 *   netcat-openbsd, iptables, conntrack-tools...; WORKDIR /root; CMD zsh);
 * - agnhost (k/k test/images/agnhost/Dockerfile: alpine + bind-tools curl netcat-openbsd iproute2 iperf bash).
 * Alpine images keep busybox's applets (ip, ping, ifconfig, netstat, traceroute, hostname).
 */
import type { Toolset } from './images';

export type BaseSystem = 'busybox' | 'alpine' | 'debian' | 'none';

export interface ImageTraits {
  base: BaseSystem;
  /** Network programs besides Toolset's (ip, ping, ifconfig, netstat, traceroute). */
  programs: readonly string[];
  /** iproute2's ip instead of busybox's (Alpine images that `apk add iproute2`). */
  iproute2?: boolean;
  /** iputils' ping instead of busybox's. */
  iputils?: boolean;
  /** bash's version when the image has bash (its default prompt is \s-\v\$ without a bashrc). */
  bash?: string;
  workdir: string;
  /** The default command when it is an interactive shell (kubectl run -it without a command). */
  shellCmd?: string;
}

const BUSYBOX_NET = ['ip', 'ping', 'ifconfig', 'netstat', 'traceroute'];

export function imageRef(image: string): { name: string; tag: string } {
  const ref = image.split('@')[0]!;
  const repo = ref.replace(/:[^/:]*$/, '');
  return { name: repo.split('/').pop()!, tag: ref.slice(repo.length + 1) };
}

/** The dnsutils-style images' Toolsets (undefined for other images). */
export function dnsImageToolset(name: string): Toolset | undefined {
  if (name === 'jessie-dnsutils' || name === 'dnsutils') return { nslookup: 'bind', curl: false, dig: true, wget: false, nc: false, shell: true, libc: 'glibc' };
  if (name === 'dnstools') return { nslookup: 'bind', curl: true, dig: true, wget: true, nc: false, shell: true, libc: 'musl' };
  if (name === 'netshoot') return { nslookup: 'bind', curl: true, dig: true, wget: true, nc: true, shell: true, libc: 'musl' };
  return undefined;
}

export function imageTraits(image: string): ImageTraits {
  const { name } = imageRef(image);
  switch (name) {
    case 'busybox':
      return { base: 'busybox', programs: BUSYBOX_NET, workdir: '/', shellCmd: 'sh' };
    case 'alpine':
      return { base: 'alpine', programs: BUSYBOX_NET, workdir: '/', shellCmd: 'sh' };
    case 'dnstools':
      return { base: 'alpine', programs: BUSYBOX_NET, workdir: '/', shellCmd: 'sh' };
    case 'curl':
      return { base: 'alpine', programs: BUSYBOX_NET, workdir: '/' };
    case 'agnhost':
      return { base: 'alpine', programs: BUSYBOX_NET, iproute2: true, bash: '5.2', workdir: '/' };
    case 'netshoot':
      return { base: 'alpine', programs: BUSYBOX_NET, iproute2: true, iputils: true, bash: '5.2', workdir: '/root' };
    case 'jessie-dnsutils':
    case 'dnsutils':
      return { base: 'debian', programs: [], bash: 'debian', workdir: '/' };
    default:
      return { base: 'debian', programs: [], bash: 'debian', workdir: '/' };
  }
}
