/**
 * The world outside the simulation, as CoreDNS's `forward . /etc/resolv.conf` reaches it.
 * There is no internet here, so a name the simulator does not know resolves to a stand-in:
 * an address drawn from the name (FNV-1a, so the same name always gets the same address)
 * in the documentation ranges TEST-NET-2 and TEST-NET-3 (RFC 5737), which no real host holds.
 * A name can only exist under a delegated top-level domain: single labels (a mistyped
 * Service name that fell out of the search list), the special-use names of RFC 6761 and
 * RFC 6762 (test, invalid, example, localhost, local) and anything not in the root zone
 * get NXDOMAIN, as a real recursive resolver answers them, and so do unknown names under
 * IANA's example.com/net/org (RFC 2606), which publish no wildcard.
 * Departure: every name under a real TLD "exists"; the real world has fewer.
 */
import { own } from '../model/own';

/** Names the simulated upstream knows by their real (or long-standing) addresses. */
export const KNOWN_UPSTREAM_HOSTS: Record<string, string> = {
  'example.com': '93.184.215.14',
  'www.example.com': '93.184.215.14',
  'db.example.com': '93.184.215.20',
  'kubernetes.io': '15.197.167.90',
};

/** The special-use TLDs no public resolver delegates (RFC 6761 §6.2-6.4, RFC 6762 .local, RFC 8375 home.arpa's home). */
const RESERVED_TLDS = new Set(['test', 'invalid', 'example', 'localhost', 'local', 'internal', 'lan', 'home', 'corp', 'localdomain']);

/** Generic TLDs of the root zone a lesson may meet (IANA root zone database). */
const GENERIC_TLDS = new Set([
  'com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'info', 'biz', 'name', 'pro', 'mobi', 'aero', 'coop', 'museum', 'jobs', 'travel',
  'io', 'ai', 'app', 'dev', 'cloud', 'xyz', 'online', 'site', 'tech', 'store', 'shop', 'blog', 'page', 'google', 'goog', 'docker', 'github',
  'amazon', 'aws', 'microsoft', 'azure', 'run', 'sh', 'to', 'ly', 'gg', 'me', 'tv', 'cc', 'ws', 'fm', 'so', 'news', 'email', 'network', 'systems',
  'services', 'software', 'digital', 'global', 'world', 'website', 'space', 'live', 'codes', 'tools', 'host', 'hosting', 'foo', 'zip', 'mov',
]);

/** ISO 3166 country-code TLDs (every two-letter label in the root zone). */
const CCTLDS = new Set(
  ('ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz ' +
    'de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it ' +
    'je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz ' +
    'om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ' +
    'ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw').split(' '),
);

/** FNV-1a (32 bit) of the name's characters. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

/** Whether a public resolver could have an answer for this name (lower case, no trailing dot). */
export function mayExistUpstream(name: string): boolean {
  const labels = name.split('.');
  if (labels.length < 2 || name.length > 253) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  const tld = labels[labels.length - 1]!;
  if (RESERVED_TLDS.has(tld)) return false;
  // RFC 2606 §3: example.com/net/org are IANA's; only the names it publishes exist (KNOWN_UPSTREAM_HOSTS).
  if (labels.length >= 2 && labels[labels.length - 2] === 'example' && ['com', 'net', 'org'].includes(tld)) return false;
  return GENERIC_TLDS.has(tld) || CCTLDS.has(tld);
}

/** The stand-in address of an outside name: 198.51.100.1-254 or 203.0.113.1-254, from the name. */
export function standInAddress(name: string): string {
  const h = fnv1a(name) % 508;
  return h < 254 ? `198.51.100.${h + 1}` : `203.0.113.${h - 254 + 1}`;
}

export function isStandInAddress(ip: string): boolean {
  return /^(198\.51\.100|203\.0\.113)\.\d+$/.test(ip);
}

/** The A record the upstream resolver gives for `name` (lower case, no trailing dot), or undefined for NXDOMAIN. */
export function upstreamAddress(known: Record<string, string>, name: string): string | undefined {
  const ip = own(known, name);
  if (ip !== undefined) return ip;
  return mayExistUpstream(name) ? standInAddress(name) : undefined;
}
