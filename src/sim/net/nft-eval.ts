/**
 * Evaluates one nftables statement against a packet, as the kernel expressions do
 * (payload/meta compares, set and verdict-map lookups, numgen, mark, dynset update,
 * nat). Used by nft-walk.ts; lookups go through the table index, never a scan.
 */
import { formatVerdict } from '../proxy/nftables/format';
import { elementKey, type NftStmt, type NftVerdict } from '../proxy/nftables/model';
import { cidrContains, parseCidr, parseIPv4 } from './ip';
import type { NftTraceStep, NftWalkContext } from './nft-walk';
import type { Packet } from './packet';

export interface State {
  packet: Packet;
  mark: number;
  isLocal: (ip: string) => boolean;
  ctx: NftWalkContext;
  trace: NftTraceStep[];
}

function inAddrs(values: string[], ip: string): boolean {
  const a = parseIPv4(ip);
  return a !== undefined && values.some((v) => {
    const c = parseCidr(v.includes('/') ? v : `${v}/32`);
    return c !== undefined && cidrContains(c, a);
  });
}

function lookup(s: State, map: string, key: string[]): NftVerdict | undefined {
  const el = s.ctx.index.elements.get(map)?.get(elementKey(key));
  if (!el?.value) return undefined;
  s.trace.push({ chain: `@${map}`, line: `${key.join(' . ')}${el.comment ? ` comment "${el.comment}"` : ''} : ${formatVerdict(el.value)}` });
  return el.value;
}

/** Evaluates one statement: true (matched, go on), false (no match), or a verdict. */
export function evalStmt(st: NftStmt, s: State): boolean | NftVerdict {
  const p = s.packet;
  const proto = p.protocol.toLowerCase();
  switch (st.kind) {
    case 'ct-new': return true;
    case 'addr': return inAddrs(st.values, st.field === 'saddr' ? p.src : p.dst) !== !!st.negate;
    case 'addr-in-set': {
      const ip = st.field === 'saddr' ? p.src : p.dst;
      const dyn = s.ctx.dynamic.get(st.set);
      if (dyn) return (dyn.get(ip) ?? -Infinity) > s.ctx.now;
      return s.ctx.index.elements.get(st.set)?.has(ip) ?? false;
    }
    case 'dport': return proto === st.proto && p.dport === st.port;
    case 'fib-local': return s.isLocal(st.field === 'saddr' ? p.src : p.dst);
    case 'mark-clear': return (s.mark & st.mask) === 0;
    case 'l4proto': return proto === st.proto;
    case 'vmap': {
      const key = st.key === 'ip-proto-port' ? [p.dst, proto, String(p.dport)] : [proto, String(p.dport)];
      return lookup(s, st.map, key) ?? false;
    }
    case 'numgen': {
      const i = Math.min(st.targets.length - 1, Math.floor(s.ctx.random() * st.targets.length));
      return { kind: 'goto', chain: st.targets[i]! };
    }
    case 'mark-set': s.mark = (st.op === '|' ? s.mark | st.value : s.mark ^ st.value) >>> 0; return true;
    case 'update-saddr': {
      const set = s.ctx.index.sets.get(st.set);
      let dyn = s.ctx.dynamic.get(st.set);
      if (!dyn) s.ctx.dynamic.set(st.set, (dyn = new Map()));
      dyn.set(p.src, s.ctx.now + (set?.timeout ?? 0));
      return true;
    }
    case 'dnat': {
      const [ip, port] = st.to.split(':');
      s.packet = { ...p, dst: ip!, dport: Number(port) };
      return { kind: 'accept' };
    }
    case 'masquerade':
      // fully-random (NF_NAT_RANGE_PROTO_RANDOM_FULLY): a fresh source port from 1024-65535.
      s.packet = { ...p, src: s.ctx.masqueradeFor?.(p.dst) ?? s.ctx.masqueradeAddress, sport: 1024 + Math.floor(s.ctx.random() * 64512) };
      return { kind: 'accept' };
    case 'verdict': return st.verdict;
  }
}

