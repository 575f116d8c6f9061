/**
 * `docker exec NODE iptables [-t TABLE] -L|-S [CHAIN] [-n] [-v] [--line-numbers]`: the listing
 * commands of iptables 1.8.9 (nf_tables), printed from the node's rule model
 * (sim/proxy/iptables/list.ts). Commands that change the rules are not simulated.
 * Errors as iptables-nft words them (iptables/nft.c, xshared.c xtables_error).
 */
import type { NodeDataPlane } from '../../sim/net/data-plane';
import { hasChain, printIptablesList, printIptablesRules } from '../../sim/proxy/iptables/list';
import type { TableName } from '../../sim/proxy/iptables/rules';
import { err, out, type CommandResult } from '../types';

const V = 'iptables v1.8.9 (nf_tables)';

export function iptables(args: string[], nodeName: string, nodeIP: string | undefined, plane: NodeDataPlane): CommandResult {
  let table = 'filter';
  let command: 'L' | 'S' | undefined;
  let chain: string | undefined;
  let numeric = false;
  let verbose = false;
  let lineNumbers = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const takeChain = () => {
      if (args[i + 1] !== undefined && !args[i + 1]!.startsWith('-')) chain = args[++i];
    };
    if (a === '-t' || a === '--table') table = args[++i] ?? '';
    else if (a.startsWith('--table=')) table = a.slice(8);
    else if (a === '--list' || a === '--list-rules') {
      command = a === '--list' ? 'L' : 'S';
      takeChain();
    }
    else if (a === '--numeric') numeric = true;
    else if (a === '--verbose') verbose = true;
    else if (a === '--line-numbers') lineNumbers = true;
    else if (/^-[A-Za-z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'n') numeric = true;
        else if (f === 'v') verbose = true;
        else if (f === 'L' || f === 'S') command = f;
        else if (f === 't') table = args[++i] ?? '';
        else return err(`${V}: this simulator lists rules only (iptables -t nat -L [CHAIN] -n, iptables -t nat -S)\n`, 2);
      }
      if (/[LS]$/.test(a)) takeChain();
    } else return err(`Bad argument \`${a}'\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);
  }
  if (!command) return err(`${V}: no command specified\nTry \`iptables -h' or 'iptables --help' for more information.\n`, 2);
  if (!['filter', 'nat', 'mangle'].includes(table)) return err(`${V}: table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
  const t = plane.ruleset(nodeName)[table as TableName];
  if (chain !== undefined && !hasChain(t, chain)) return err('iptables: No chain/target/match by that name.\n', 1);
  if (command === 'S') return out(printIptablesRules(t, chain));
  const hostNames = nodeIP ? { [nodeIP]: nodeName } : {};
  return out(printIptablesList(t, { ...(chain ? { chain } : {}), numeric, verbose, lineNumbers, hostNames }));
}
