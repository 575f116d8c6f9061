/** IPv4 arithmetic on 32-bit unsigned integers. */

/** Dotted quad to a number, without allocating (it runs for every address sort). */
export function parseIPv4(text: string): number | undefined {
  let n = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else if (c === 46 && digits > 0 && dots < 3) {
      n = n * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return (n * 256 + octet) >>> 0;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

/** Whether Go's net.ParseIP takes it as an IPv6 address (hex groups, one `::`, an optional dotted-quad tail). */
export function isIPv6(text: string): boolean {
  if (!text.includes(':')) return false;
  let groups = text.split(':');
  const tail = groups[groups.length - 1]!;
  let width = 8;
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    groups = groups.slice(0, -1).concat(['0']);
    width = 7;
    groups = groups.slice(0, -1);
  }
  const joined = groups.join(':');
  const halves = joined.split('::');
  if (halves.length > 2) return false;
  const part = (h: string) => (h === '' ? [] : h.split(':'));
  const hex = (g: string) => /^[0-9a-fA-F]{1,4}$/.test(g);
  if (halves.length === 2) {
    const all = [...part(halves[0]!), ...part(halves[1]!)];
    return all.length < width && all.every(hex);
  }
  const all = part(joined);
  return all.length === width && all.every(hex);
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
