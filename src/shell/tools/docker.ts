/**
 * `docker exec NODE CMD`: kind's nodes are containers, so their views are
 * reached this way: iptables-save [-t TABLE], iptables -L/-S, ipvsadm -Ln, nft list ruleset,
 * conntrack -L, hostname, ip addr/link/route, crictl ps/pods, ps (node-ps.ts), curl to kube-proxy's endpoints.
 */
import { simTimeToIso } from '../../sim/clock';
import type { NodeDataPlane } from '../../sim/net/data-plane';
import { printIptablesSave } from '../../sim/proxy/iptables/save';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { conntrack, ipvsadm, nft } from './node-tools';
import { asctime } from '../print/dates';
import { iptables } from './node-iptables';
import { crictl } from './crictl';
import { nodePs } from './node-ps';
import { runCurl } from './curl';
import { runIp } from './ip-command';
import { nodeLinks, nodeRoutes } from './net-links';
import type { Node } from '../../sim/model/types';

const nodeIPOf = (node: Node) => node.status.addresses.find((a) => a.type === 'InternalIP')?.address;

export { asctime };

export function docker(args: string[], ctx: CommandContext, plane: NodeDataPlane): CommandResult {
  if (args[0] !== 'exec') return err(`docker: '${args[0] ?? ''}' is not supported here; try docker exec NODE iptables-save\n`);
  let i = 1;
  while (args[i]?.startsWith('-')) i++;
  const nodeName = args[i];
  // -t gives the command a pseudo-TTY, with or without -i (curl then shows no progress meter).
  const tty = args.slice(1, i).some((f) => f === '--tty' || /^-[a-z]*t[a-z]*$/.test(f));
  const argv = args.slice(i + 1);
  if (!nodeName) return err('"docker exec" requires at least 2 arguments.\nSee \'docker exec --help\'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n');
  const node = ctx.sim.cluster.store.get('Node', undefined, nodeName);
  if (!node) return err(`Error response from daemon: No such container: ${nodeName}\n`);
  const [program, ...rest] = argv;
  if (!program) return err('"docker exec" requires at least 2 arguments.\n');
  if (program === 'iptables-save') {
    const t = rest.indexOf('-t');
    const table = t >= 0 ? rest[t + 1] : rest.find((a) => a.startsWith('--table='))?.slice(8);
    if (table && !['nat', 'filter', 'mangle'].includes(table)) return err(`iptables-save v1.8.9 (nf_tables): table '${table}' does not exist\n`);
    const date = asctime(simTimeToIso(ctx.sim.cluster.clock.now()));
    return out(printIptablesSave(plane.ruleset(nodeName), { ...(table ? { table: table as 'nat' } : {}), date }));
  }
  if (program === 'ip') return runIp(rest, nodeLinks(ctx.sim, node), nodeRoutes(ctx.sim, node), 'iproute2');
  if (program === 'crictl') return crictl(ctx.sim, nodeName, rest);
  if (program === 'ps') return nodePs(ctx.sim, node, rest, tty);
  if (program === 'curl') return runCurl(ctx.sim, plane, { kind: 'workstation' }, rest, 'glibc', nodeName, tty);
  if (program === 'iptables') return iptables(rest, nodeName, nodeIPOf(node), plane);
  if (program === 'ipvsadm') return ipvsadm(rest, nodeName, plane);
  if (program === 'nft') return nft(rest, nodeName, plane);
  if (program === 'conntrack') return conntrack(rest, nodeName, plane, ctx);
  if (program === 'hostname') return out(`${nodeName}\n`);
  return err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`, 127);
}
