/**
 * The Node rules tab: what kube-proxy holds on one node, printed by the tool of its
 * mode (iptables-save's nat table, ipvsadm -Ln, nft list ruleset), for the node the
 * learner picks (the first worker until then).
 */
import { useState } from 'react';
import type { ProxyMode } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';
import { usePeek } from './use-peek';

export function rulesCommand(node: string, mode: ProxyMode): string {
  if (mode === 'ipvs') return `docker exec ${node} ipvsadm -Ln`;
  if (mode === 'nftables') return `docker exec ${node} nft list ruleset`;
  return `docker exec ${node} iptables-save -t nat`;
}

export function RulesPanel() {
  const snapshot = useClusterStore((s) => s.snapshot);
  const nodes = snapshot?.nodes ?? [];
  const [picked, setPicked] = useState<string | null>(null);
  const node = picked && nodes.some((n) => n.name === picked) ? picked : (nodes.find((n) => n.role === 'worker') ?? nodes[0])?.name;
  const command = node && snapshot ? rulesCommand(node, snapshot.proxyMode) : null;
  const text = usePeek(command);
  return (
    <div className="dock__view">
      <div className="dock__command">
        <label>
          Node{' '}
          <select value={node ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {nodes.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name} ({n.ip})
              </option>
            ))}
          </select>
        </label>
        <span aria-hidden="true">$ {command}</span>
      </div>
      <pre className="dock__text" tabIndex={0} aria-label={`Proxy rules on ${node ?? 'no node'}`} aria-busy={text === null}>
        {text ?? ''}
      </pre>
    </div>
  );
}
