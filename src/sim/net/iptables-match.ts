/**
 * Evaluates one iptables match against a packet, the way the kernel modules do: the IP
 * header checks (-s, -d, -p) first, then each `-m` module in rule order, stopping at the
 * first miss (so `-m statistic` draws a random number only when everything before it
 * matched, and `-m recent --set` only records when the rule is reached).
 */
import { kernelProbability } from '../proxy/iptables/format-rule';
import type { CtState, Match, Rule } from '../proxy/iptables/rules';
import { cidrContains, parseCidr, parseIPv4 } from './ip';
import type { Packet } from './packet';
import type { Draw } from './walk-cache';

/** xt_recent lists: "<list name>|<source IP>" -> time of the last --set, in seconds. */
export type RecentTable = Map<string, number>;

export function createRecentTable(): RecentTable {
  return new Map();
}

export interface MatchState {
  packet: Packet;
  mark: number;
  ctstates: ReadonlySet<CtState>;
  isLocal: (ip: string) => boolean;
  random: () => number;
  recent: RecentTable;
  now: number;
  /** When set, the walk notes its random draws and whether its outcome depends on more than its key (walk-cache.ts). */
  record?: WalkRecord;
}

export interface WalkRecord {
  draws: Draw[];
  uncacheable: boolean;
}

// Rules and packets repeat the same few addresses: parse each text once.
const CIDRS = new Map<string, ReturnType<typeof parseCidr>>();
const ADDRS = new Map<string, number | undefined>();

function cidrOf(text: string): ReturnType<typeof parseCidr> {
  if (CIDRS.has(text)) return CIDRS.get(text);
  const c = parseCidr(text.includes('/') ? text.trim() : `${text}/32`);
  if (CIDRS.size > 100_000) CIDRS.clear();
  CIDRS.set(text, c);
  return c;
}

function addrOf(ip: string): number | undefined {
  let a = ADDRS.get(ip);
  if (a === undefined && !ADDRS.has(ip)) {
    a = parseIPv4(ip);
    if (ADDRS.size > 100_000) ADDRS.clear();
    ADDRS.set(ip, a);
  }
  return a;
}

function inCidr(cidr: string, ip: string): boolean {
  const c = cidrOf(cidr);
  const a = addrOf(ip);
  return c !== undefined && a !== undefined && cidrContains(c, a);
}

const HEADER_KINDS = new Set(['src', 'dst', 'proto']);

function matchOne(m: Match, s: MatchState): boolean {
  const p = s.packet;
  switch (m.kind) {
    case 'src':
      return inCidr(m.cidr, p.src) !== !!m.invert;
    case 'dst':
      return inCidr(m.cidr, p.dst) !== !!m.invert;
    case 'proto':
      return p.protocol.toLowerCase() === m.proto;
    case 'comment':
    case 'nfacct':
      return true;
    case 'l4':
      if (m.sport !== undefined && s.record) s.record.uncacheable = true;
      return p.protocol.toLowerCase() === m.proto && (m.dport === undefined || m.dport === p.dport) && (m.sport === undefined || m.sport === p.sport);
    case 'addrtype': {
      const ok = (m.srcType === undefined || s.isLocal(p.src)) && (m.dstType === undefined || s.isLocal(p.dst));
      return ok !== !!m.invert;
    }
    case 'mark':
      return (((s.mark & m.mask) >>> 0) === m.value >>> 0) !== !!m.invert;
    case 'conntrack':
      return m.states.some((st) => s.ctstates.has(st)) !== !!m.invert;
    case 'statistic': {
      const value = s.random();
      const threshold = kernelProbability(m.probability);
      s.record?.draws.push({ value, threshold });
      return value < threshold;
    }
    case 'set':
      // ipvs mode's ipset rules are printed, never walked: the ipvs plane decides itself.
      return false;
    case 'recent': {
      if (s.record) s.record.uncacheable = true;
      const key = `${m.name}|${p.src}`;
      if (m.op === 'set') {
        s.recent.set(key, s.now);
        return true;
      }
      const last = s.recent.get(key);
      const fresh = last !== undefined && (m.seconds === undefined || s.now - last < m.seconds);
      if (!fresh && last !== undefined && m.reap) s.recent.delete(key);
      return fresh;
    }
  }
}

/** Whether every match of the rule holds (header fields first, then modules in order). */
export function ruleMatches(rule: Rule, s: MatchState): boolean {
  const ms = rule.matches;
  for (let i = 0; i < ms.length; i++) if (HEADER_KINDS.has(ms[i]!.kind) && !matchOne(ms[i]!, s)) return false;
  for (let i = 0; i < ms.length; i++) if (!HEADER_KINDS.has(ms[i]!.kind) && !matchOne(ms[i]!, s)) return false;
  return true;
}
