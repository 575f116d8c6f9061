/** IPv4 arithmetic on 32-bit unsigned integers. */

export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n >>> 0;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

export interface Cidr {
  readonly base: number;
  readonly bits: number;
  readonly text: string;
}

export function parseCidr(text: string): Cidr | undefined {
  const [ip, bitsText] = text.split('/');
  if (ip === undefined || bitsText === undefined || !/^\d{1,2}$/.test(bitsText)) return undefined;
  const addr = parseIPv4(ip);
  const bits = Number(bitsText);
  if (addr === undefined || bits > 32) return undefined;
  const base = (addr & maskOf(bits)) >>> 0;
  return { base, bits, text: `${formatIPv4(base)}/${bits}` };
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.bits);
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.bits)) >>> 0) === c.base;
}

/** The i-th address of a CIDR (0 is the network address). */
export function cidrAddress(c: Cidr, offset: number): number {
  return (c.base + offset) >>> 0;
}

/** The i-th subnet of size `bits` carved from `c`, as node IPAM does. */
export function subnetAt(c: Cidr, bits: number, index: number): Cidr {
  const base = (c.base + index * 2 ** (32 - bits)) >>> 0;
  return { base, bits, text: `${formatIPv4(base)}/${bits}` };
}
