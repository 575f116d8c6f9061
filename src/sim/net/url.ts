/** The parts of a URL that curl and wget need, without the DOM's URL class. */
export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  path: string;
}

export function parseUrl(text: string): ParsedUrl | { error: string } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]*)(?::(\d*))?([/?#][^\s]*)?$/.exec(text);
  if (!m) return { error: 'URL rejected: Malformed input to a URL function' };
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { error: `Protocol "${scheme}" not supported` };
  const host = m[2] ?? '';
  if (!host) return { error: 'URL rejected: No host part in the URL' };
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port > 65535) return { error: 'URL rejected: Port number was not a decimal number between 0 and 65535' };
  return { scheme, host: host.toLowerCase(), port, path: m[4] ?? '/' };
}
