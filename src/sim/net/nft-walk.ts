/**
 * Walks a new connection's first packet through kube-proxy's nftables table, as the
 * kernel runs base chains: at each hook, by priority (prerouting: filter -110 then nat
 * -100 which DNATs; then input or forward at -110 on the translated packet; output:
 * filter -110, nat -100, filter-output-post-dnat -90; postrouting: nat 100). Verdict-map
 * lookups go through the index (no scan of all rules); jump/goto/return follow nft.
 * Imitates the packet tracer of k/k pkg/proxy/nftables/helpers_test.go (nftablesTracer).
 */
import { formatNftRule } from '../proxy/nftables/format';
import type { NftChain, NftHook, NftIndex, NftVerdict } from '../proxy/nftables/model';
import { evalStmt, type State } from './nft-eval';
import type { Packet } from './packet';

/** Dynamic set contents (affinity sets): set name -> source IP -> expiry (sim seconds). */
export type NftDynamicSets = Map<string, Map<string, number>>;

export interface NftWalkContext {
  index: NftIndex;
  localAddresses: Iterable<string>;
  random: () => number;
  dynamic: NftDynamicSets;
  now: number;
  masqueradeAddress: string;
  /** masquerade's source by the packet's (translated) destination: its outgoing interface's address. */
  masqueradeFor?: (dst: string) => string;
  masqueradeMark?: number;
}

export interface NftTraceStep {
  chain: string;
  /** The rule (or the map element that decided) as `nft list ruleset` prints it. */
  line: string;
}

export interface NftWalkResult {
  packet: Packet;
  verdict: 'ACCEPT' | 'REJECT' | 'DROP';
  markedForMasquerade: boolean;
  snat?: string;
  trace: NftTraceStep[];
}

// A rendered rule never changes, so its `nft list` text is built once.
const LINES = new WeakMap<object, string>();
function lineOf(rule: Parameters<typeof formatNftRule>[0]): string {
  let l = LINES.get(rule);
  if (l === undefined) LINES.set(rule, (l = formatNftRule(rule)));
  return l;
}

type Outcome = 'continue' | 'accept' | 'drop' | 'reject';

const MAX_STEPS = 10_000;

/** Runs one base chain to its verdict. */
function runBase(base: NftChain, s: State): Outcome {
  const stack: { chain: NftChain; index: number }[] = [];
  let frame = { chain: base, index: 0 };
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const rule = frame.chain.rules[frame.index++];
    if (!rule) {
      const caller = stack.pop();
      if (!caller) return 'continue';
      frame = caller;
      continue;
    }
    let verdict: NftVerdict | undefined;
    let matched = true;
    const at = s.trace.length;
    for (const st of rule.stmts) {
      const r = evalStmt(st, s);
      if (r === false) { matched = false; break; }
      if (r !== true) { verdict = r; break; }
    }
    if (!matched) {
      s.trace.length = at;
      continue;
    }
    // The rule first, then the map element its lookup found.
    s.trace.splice(at, 0, { chain: frame.chain.name, line: lineOf(rule) });
    if (!verdict) continue;
    if (verdict.kind === 'jump' || verdict.kind === 'goto') {
      const next = s.ctx.index.chains.get(verdict.chain);
      if (!next) continue;
      if (verdict.kind === 'jump') stack.push(frame);
      frame = { chain: next, index: 0 };
    } else if (verdict.kind === 'return') {
      const caller = stack.pop();
      if (!caller) return 'continue';
      frame = caller;
    } else return verdict.kind;
  }
  throw new Error(`nftables walk: loop from ${base.name}`);
}

/** Runs every base chain of a hook in priority order; stops at drop or reject. */
function runHook(hook: NftHook, s: State): Outcome {
  for (const c of s.ctx.index.hooks.get(hook) ?? []) {
    const out = runBase(c, s);
    if (out === 'drop' || out === 'reject') return out;
  }
  return 'accept';
}

/** Walks a new connection's first packet through the table (netfilter hook order). */
export function walkNftables(packet: Packet, hook: 'PREROUTING' | 'OUTPUT', ctx: NftWalkContext): NftWalkResult {
  const local = new Set(ctx.localAddresses);
  const s: State = { packet, mark: 0, isLocal: (ip) => local.has(ip) || ip.startsWith('127.'), ctx, trace: [] };
  const masqMark = ctx.masqueradeMark ?? 0x4000;
  let marked = false;
  const done = (verdict: NftWalkResult['verdict'], snat?: string): NftWalkResult => ({
    packet: s.packet, verdict, markedForMasquerade: marked, trace: s.trace, ...(snat ? { snat } : {}),
  });
  const first = runHook(hook === 'OUTPUT' ? 'output' : 'prerouting', s);
  marked = (s.mark & masqMark) !== 0;
  if (first !== 'accept') return done(first === 'drop' ? 'DROP' : 'REJECT');
  const deliveredLocally = hook === 'PREROUTING' && s.isLocal(s.packet.dst);
  if (hook === 'PREROUTING') {
    const second = runHook(deliveredLocally ? 'input' : 'forward', s);
    if (second !== 'accept') return done(second === 'drop' ? 'DROP' : 'REJECT');
  }
  if (deliveredLocally) return done('ACCEPT');
  const before = s.packet.src;
  runHook('postrouting', s);
  return done('ACCEPT', s.packet.src !== before ? s.packet.src : undefined);
}
