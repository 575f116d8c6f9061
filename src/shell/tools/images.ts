/**
 * Which programs an image ships, so a missing tool fails as it would.
 * agnhost is Alpine with bind-tools, curl and netcat added
 * (k/k test/images/agnhost/Dockerfile); busybox has its applets; nginx is
 * Debian with curl; CoreDNS and pause images are distroless.
 */
export type Toolset = { nslookup?: 'bind' | 'busybox'; curl: boolean; dig: boolean; wget: boolean; nc: boolean; shell: boolean };

const BASIC: Toolset = { curl: false, dig: false, wget: false, nc: false, shell: true };

export function toolsetOf(image: string): Toolset | null {
  const repo = image.split('@')[0]!.replace(/:[^/:]*$/, '');
  const name = repo.split('/').pop()!;
  if (name === 'agnhost') return { nslookup: 'bind', curl: true, dig: true, wget: true, nc: true, shell: true };
  if (name === 'busybox') return { nslookup: 'busybox', curl: false, dig: false, wget: true, nc: true, shell: true };
  if (name === 'alpine') return { nslookup: 'busybox', curl: false, dig: false, wget: true, nc: true, shell: true };
  if (name === 'nginx') return { ...BASIC, curl: true };
  if (name === 'curl') return { nslookup: 'busybox', curl: true, dig: false, wget: true, nc: true, shell: true };
  if (name === 'coredns' || name === 'pause' || name.startsWith('kube-') || name === 'etcd' || name === 'kindnetd' || name === 'local-path-provisioner') return null;
  return BASIC;
}

export function hasProgram(tools: Toolset | null, program: string): boolean {
  if (['cat', 'env', 'hostname', 'sh', 'echo', 'sleep', 'ls', 'true', 'false', 'touch', 'rm', 'test'].includes(program)) return tools !== null && tools.shell;
  if (!tools) return false;
  if (program === 'nslookup') return tools.nslookup !== undefined;
  if (program === 'curl') return tools.curl;
  if (program === 'dig') return tools.dig;
  if (program === 'wget') return tools.wget;
  if (program === 'nc') return tools.nc;
  return false;
}
