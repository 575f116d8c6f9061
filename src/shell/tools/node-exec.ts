/**
 * The programs on a kind node (the kindest/node image: Debian bookworm with iptables, ipvsadm,
 * nft, conntrack, crictl, procps, iproute2, curl, bash), as `docker exec NODE PROG` or a shell on
 * the node runs them; grep/head/wc... are coreutils and GNU grep there.
 */
import { simTimeToIso } from '../../sim/clock';
import type { NodeDataPlane } from '../../sim/net/data-plane';
import { printIptablesSave } from '../../sim/proxy/iptables/save';
import type { Node } from '../../sim/model/types';
import type { Simulation } from '../../sim/simulation';
import { asctime } from '../print/dates';
import { textTool } from '../text-tools';
import { err, out, type CommandResult } from '../types';
import { conntrack, ipvsadm, nft } from './node-tools';
import { iptables } from './node-iptables';
import { crictl } from './crictl';
import { nodePs } from './node-ps';
import { runCurl } from './curl';
import { runIp } from './ip-command';
import { nodeLinks, nodeRoutes } from './net-links';
import { nodeKubectl } from './node-kubectl';
import { runScriptLines } from '../script-lines';

export interface NodeExecContext {
  sim: Simulation;
  plane: NodeDataPlane;
  node: Node;
  /** Whether the program's stdout is a terminal (docker exec -t, an attached shell). */
  tty: boolean;
  /** What the program reads on its standard input (docker exec -i, a pipe on the node); none without. */
  stdin?: string;
  /** Runs a line with the node's bash (for bash -c / sh -c). */
  runLine(line: string): CommandResult;
}

/** The shells of the node image: bash, and Debian's sh (dash). */
export const NODE_SHELLS = new Set(['bash', 'sh']);

const nodeIPOf = (node: Node) => node.status.addresses.find((a) => a.type === 'InternalIP')?.address;

export function execOnNode(ctx: NodeExecContext, argv: string[]): CommandResult | { missing: string } {
  const [program, ...rest] = argv;
  if (!program) return out('');
  const nodeName = ctx.node.metadata.name;
  const base = program.split('/').pop()!;
  switch (base) {
    case 'iptables-save': {
      const t = rest.indexOf('-t');
      const table = t >= 0 ? rest[t + 1] : rest.find((a) => a.startsWith('--table='))?.slice(8);
      if (table && !['nat', 'filter', 'mangle'].includes(table)) return err(`iptables-save v1.8.9 (nf_tables): table '${table}' does not exist\n`);
      const date = asctime(simTimeToIso(ctx.sim.cluster.clock.now()));
      return out(printIptablesSave(ctx.plane.ruleset(nodeName), { ...(table ? { table: table as 'nat' } : {}), date }));
    }
    case 'ip':
      return runIp(rest, nodeLinks(ctx.sim, ctx.node), nodeRoutes(ctx.sim, ctx.node), 'iproute2');
    case 'crictl':
      return crictl(ctx.sim, nodeName, rest);
    case 'ps':
      return nodePs(ctx.sim, ctx.node, rest, ctx.tty);
    case 'curl':
      return runCurl(ctx.sim, ctx.plane, { kind: 'workstation' }, rest, 'glibc', nodeName, ctx.tty);
    case 'iptables':
      return iptables(rest, nodeName, nodeIPOf(ctx.node), ctx.plane);
    case 'ipvsadm':
      return ipvsadm(rest, nodeName, ctx.plane);
    case 'nft':
      return nft(rest, nodeName, ctx.plane);
    case 'conntrack':
      return conntrack(rest, nodeName, ctx.plane, { sim: ctx.sim, env: { readFile: () => undefined }, stdin: '' });
    case 'hostname':
      return out(`${nodeName}\n`);
    case 'kubectl':
      return nodeKubectl(ctx.sim.cluster.clock.now());
    case 'true':
      return out('');
    case 'false':
      return out('', 1);
    case 'cat':
      // Standard input only: the node's files are not modelled.
      if (rest.every((a) => a === '-')) return out(ctx.stdin ?? '');
      return err('cat: the node\'s files are not simulated; try crictl, iptables-save, ip or ps\n');
    case 'bash':
    case 'sh':
      if (rest[0] === '-c' && rest[1] !== undefined) return ctx.runLine(rest[1]);
      // A script on standard input (docker exec -i NODE bash < script.sh), line by line.
      return ctx.stdin ? runScriptLines(ctx.stdin, ctx.runLine) : out('');
    default:
      return textTool(base, rest, ctx.stdin ?? '') ?? { missing: program };
  }
}

