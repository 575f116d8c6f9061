/**
 * Walks one connection's first packet through a node's iptables rules, as netfilter does:
 * nat at the entry hook (PREROUTING for a packet from a pod or from outside, OUTPUT for
 * one made on the node), then filter (INPUT when the new destination is local, FORWARD
 * otherwise, OUTPUT for local packets), then nat POSTROUTING unless delivered locally.
 * Jumps, gotos and RETURN follow iptables semantics (a RETURN after -g goes back to the
 * chain that jumped); built-in chain policies are ACCEPT, as on a kind node.
 * Imitates the packet traces of k/k pkg/proxy/iptables/proxier_test.go (runPacketFlowTests).
 */
import { formatRuleCached } from '../proxy/iptables/format-rule';
import type { CtState, Rule, Ruleset, Table, TableName } from '../proxy/iptables/rules';
import { ruleMatches, type MatchState, type RecentTable, type WalkRecord } from './iptables-match';
import type { Packet } from './packet';

export { createRecentTable, type RecentTable } from './iptables-match';

export type Hook = 'PREROUTING' | 'OUTPUT';
export type Verdict = 'ACCEPT' | 'REJECT' | 'DROP';

export interface WalkContext {
  ruleset: Ruleset;
  /** The node's own addresses (addrtype LOCAL); 127.0.0.0/8 is always local. */
  localAddresses: Iterable<string>;
  /** Draws for `-m statistic`; pass a seeded generator. */
  random: () => number;
  /** The node's xt_recent lists, kept across walks. */
  recent: RecentTable;
  /** Simulation time in seconds. */
  now: number;
  /** Source address MASQUERADE picks (the outgoing interface's); the node IP on kind. */
  masqueradeAddress: string;
  /** MASQUERADE's source by the packet's (translated) destination: its outgoing interface's address. */
  masqueradeFor?: (dst: string) => string;
  /** kube-proxy's masquerade mark (1 << --iptables-masquerade-bit). */
  masqueradeMark?: number;
  /** Collects the walk's random draws for the walk cache. */
  record?: WalkRecord;
}

export interface TraceStep {
  table: TableName;
  chain: string;
  rule: Rule;
  /** The rule as `iptables-save` prints it. */
  line: string;
}

export interface WalkResult {
  packet: Packet;
  verdict: Verdict;
  /** Marked by KUBE-MARK-MASQ on the way in (KUBE-POSTROUTING masquerades it on the way out). */
  markedForMasquerade: boolean;
  /** Source NAT applied in POSTROUTING (MASQUERADE or SNAT), if any. */
  snat?: string;
  /** The rules that matched and acted, in order. */
  trace: TraceStep[];
}

const MAX_STEPS = 10_000;

interface TableOutcome { verdict?: Verdict | 'ACCEPT-TABLE' }

// Rules indexed by chain once per rendered table (tables are immutable once rendered),
// so a walk does not regroup every rule on every traversal.
const CHAIN_INDEX = new WeakMap<Table, Map<string, Rule[]>>();

function byChain(table: Table): Map<string, Rule[]> {
  let m = CHAIN_INDEX.get(table);
  if (!m) CHAIN_INDEX.set(table, (m = new Map()));
  else return m;
  for (const r of table.rules) {
    const list = m.get(r.chain);
    if (list) list.push(r);
    else m.set(r.chain, [r]);
  }
  return m;
}

/** Traverses one table from a built-in chain; mutates the state's packet and mark. */
function traverse(table: Table, hook: string, s: MatchState, trace: TraceStep[], ct: Set<CtState>, masqAddr: string, masqFor?: (dst: string) => string): TableOutcome {
  const chains = byChain(table);
  const stack: { chain: string; index: number }[] = [];
  let frame = { chain: hook, index: 0 };
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const rule = chains.get(frame.chain)?.[frame.index];
    if (!rule) {
      const caller = stack.pop();
      if (!caller) return {};
      frame = caller;
      continue;
    }
    frame.index++;
    if (!ruleMatches(rule, s)) continue;
    trace.push({ table: table.name, chain: rule.chain, rule, line: formatRuleCached(rule) });
    const t = rule.target;
    if (!t) continue;
    switch (t.kind) {
      case 'jump':
        stack.push(frame);
        frame = { chain: t.chain, index: 0 };
        break;
      case 'goto':
        frame = { chain: t.chain, index: 0 };
        break;
      case 'RETURN': {
        const caller = stack.pop();
        if (!caller) return {};
        frame = caller;
        break;
      }
      case 'MARK':
        s.mark = ((s.mark & ~t.mask) ^ t.value) >>> 0;
        break;
      case 'DNAT': {
        const [ip, port] = t.to.split(':');
        s.packet = { ...s.packet, dst: ip!, dport: port ? Number(port) : s.packet.dport };
        ct.add('DNAT');
        return { verdict: 'ACCEPT-TABLE' };
      }
      case 'REDIRECT':
        // To the primary address of the incoming interface: the node's own address here.
        s.packet = { ...s.packet, dst: masqAddr, dport: t.toPorts };
        ct.add('DNAT');
        return { verdict: 'ACCEPT-TABLE' };
      case 'SNAT':
      case 'MASQUERADE': {
        const [ip, port] = t.kind === 'SNAT' ? t.to.split(':') : [masqFor?.(s.packet.dst) ?? masqAddr];
        s.packet = { ...s.packet, src: ip || s.packet.src, sport: port ? Number(port) : s.packet.sport };
        return { verdict: 'ACCEPT-TABLE' };
      }
      case 'ACCEPT':
        return { verdict: 'ACCEPT-TABLE' };
      case 'DROP':
      case 'REJECT':
        return { verdict: t.kind };
    }
  }
  throw new Error(`iptables walk: loop in ${table.name} ${hook}`);
}

/** Walks a new connection's first packet; imitates netfilter's nat/filter traversal. */
export function walkIptables(packet: Packet, hook: Hook, ctx: WalkContext): WalkResult {
  const local = new Set(ctx.localAddresses);
  const isLocal = (ip: string) => local.has(ip) || ip.startsWith('127.');
  const ct = new Set<CtState>(['NEW']);
  const s: MatchState = { packet, mark: 0, ctstates: ct, isLocal, random: ctx.random, recent: ctx.recent, now: ctx.now, ...(ctx.record ? { record: ctx.record } : {}) };
  const trace: TraceStep[] = [];
  const masqMark = ctx.masqueradeMark ?? 0x4000;

  const nat = traverse(ctx.ruleset.nat, hook, s, trace, ct, ctx.masqueradeAddress);
  const markedForMasquerade = (s.mark & masqMark) !== 0;
  const done = (verdict: Verdict, snat?: string): WalkResult => ({ packet: s.packet, verdict, markedForMasquerade, trace, ...(snat ? { snat } : {}) });
  if (nat.verdict === 'DROP' || nat.verdict === 'REJECT') return done(nat.verdict);

  const deliveredLocally = hook === 'PREROUTING' && isLocal(s.packet.dst);
  const filterHook = hook === 'OUTPUT' ? 'OUTPUT' : deliveredLocally ? 'INPUT' : 'FORWARD';
  const filter = traverse(ctx.ruleset.filter, filterHook, s, trace, ct, ctx.masqueradeAddress);
  if (filter.verdict === 'DROP' || filter.verdict === 'REJECT') return done(filter.verdict);
  if (deliveredLocally) return done('ACCEPT');

  const before = s.packet.src;
  const post = traverse(ctx.ruleset.nat, 'POSTROUTING', s, trace, ct, ctx.masqueradeAddress, ctx.masqueradeFor);
  if (post.verdict === 'DROP' || post.verdict === 'REJECT') return done(post.verdict);
  return done('ACCEPT', s.packet.src !== before ? s.packet.src : undefined);
}
