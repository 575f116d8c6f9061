/**
 * Node tools reached with `docker exec NODE ...` besides iptables-save: `ipvsadm -Ln`,
 * `nft list ruleset` / `nft list table ip kube-proxy`, and `conntrack -L`, printed from
 * the cluster's data plane (sim/net/data-plane.ts).
 * Departures: `nft list ruleset` shows kube-proxy's table only (not the iptables-nft
 * tables kind's other components use); ipvsadm always prints numerically.
 */
import type { NodeDataPlane } from '../../sim/net/data-plane';
import { printConntrackList } from '../../sim/net/conntrack';
import { printIpvsadmLn } from '../../sim/proxy/ipvs/ipvsadm';
import { err, out, type CommandContext, type CommandResult } from '../types';

/** ipvsadm.c main(): ipvs_init() failing (no ip_vs in the kernel) is fail(2, ...). */
const IPVSADM_NO_IPVS = "Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n";

export function ipvsadm(args: string[], nodeName: string, plane: NodeDataPlane): CommandResult {
  const listing = args.length === 0 || args.some((a) => /^-[a-zA-Z]*[Ll]/.test(a) || a === '--list');
  const servers = plane.ipvs(nodeName);
  if (!servers) return err(IPVSADM_NO_IPVS, 2);
  if (!listing) return err(`ipvsadm: this simulator only lists the table; try ipvsadm -Ln\n`, 2);
  return out(printIpvsadmLn(servers));
}

export function nft(args: string[], nodeName: string, plane: NodeDataPlane): CommandResult {
  const text = plane.nftRuleset(nodeName);
  const cmd = args.filter((a) => !a.startsWith('-')).join(' ');
  if (cmd === 'list ruleset') return out(text);
  if (cmd === 'list tables') return out(text ? 'table ip kube-proxy\n' : '');
  if (cmd === 'list table ip kube-proxy' || cmd === 'list table kube-proxy') {
    if (text) return out(text);
    // nft's erec: the command echoed, the table name underlined.
    return err(`Error: No such file or directory\n${cmd}\n${' '.repeat(cmd.length - 10)}${'^'.repeat(10)}\n`, 1);
  }
  return err(`Error: this simulator answers nft list ruleset, nft list tables and nft list table ip kube-proxy\n`, 1);
}

export function conntrack(args: string[], nodeName: string, plane: NodeDataPlane, ctx: CommandContext): CommandResult {
  if (!args.some((a) => a === '-L' || a === '--dump')) return err('conntrack v1.4.7 (conntrack-tools): this simulator answers conntrack -L\n', 2);
  const { stdout, stderr } = printConntrackList(plane.conntrack(nodeName), ctx.sim.cluster.clock.now());
  return { chunks: [...(stdout ? [{ stream: 'out' as const, text: stdout }] : []), { stream: 'err', text: stderr }], exitCode: 0 };
}
