/**
 * The Node rules tab: what kube-proxy holds on one node, printed by the tool of its
 * mode (iptables-save's nat table, ipvsadm -Ln, nft list ruleset). While a request is
 * traced it shows the current hop's node, the rules the packet went through tinted and
 * the one that decided it marked and scrolled into view; the learner may pick another
 * node until the hop changes (the first worker when nothing is traced).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProxyMode } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';
import { selectCurrentHop, useTraceStore } from '../stores/trace-store';
import { hasNodeRules, hopNode, markRuleLines, type RuleMarks } from './rule-highlight';
import { usePeek } from './use-peek';

export function rulesCommand(node: string, mode: ProxyMode): string {
  if (mode === 'ipvs') return `docker exec ${node} ipvsadm -Ln`;
  if (mode === 'nftables') return `docker exec ${node} nft list ruleset`;
  return `docker exec ${node} iptables-save -t nat`;
}

const NO_MARKS: RuleMarks = { path: new Set(), decided: new Set() };

export function RulesPanel() {
  const snapshot = useClusterStore((s) => s.snapshot);
  const hop = useTraceStore(selectCurrentHop);
  const hopKey = useTraceStore((s) => `${s.run}:${s.current}`);
  const nodes = snapshot?.nodes ?? [];
  const [picked, setPicked] = useState<{ node: string; hopKey: string } | null>(null);
  const followed = hop && snapshot ? hopNode(hop, snapshot) : null;
  const choice = picked && (picked.hopKey === hopKey || !followed) && nodes.some((n) => n.name === picked.node) ? picked.node : null;
  const node = choice ?? followed ?? (nodes.find((n) => n.role === 'worker') ?? nodes[0])?.name;
  const command = node && snapshot ? rulesCommand(node, snapshot.proxyMode) : null;
  const text = usePeek(command);
  const showsHop = !!hop && hasNodeRules(hop) && node === followed;
  const marks = useMemo(() => (text && showsHop ? markRuleLines(text, hop.decidedBy!) : NO_MARKS), [text, showsHop, hop]);
  const pre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const box = pre.current;
    const first = box?.querySelector<HTMLElement>('.rules-line.is-decided') ?? box?.querySelector<HTMLElement>('.rules-line.is-path');
    // Scroll the listing only (scrollIntoView would move the page too).
    if (box && first) box.scrollTop = Math.max(0, first.offsetTop - box.clientHeight / 3);
  }, [marks]);
  const hit = marks.decided.size + marks.path.size;
  return (
    <div className="dock__view">
      <div className="dock__command">
        <label>
          Node{' '}
          <select value={node ?? ''} onChange={(e) => setPicked({ node: e.target.value, hopKey })}>
            {nodes.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name} ({n.ip})
              </option>
            ))}
          </select>
        </label>
        <span aria-hidden="true">$ {command}</span>
        {showsHop && (
          <span className="dock__legend" role="status">
            {hit ? `hop ${hop.index + 1}: its rules tinted, the deciding one marked` : `hop ${hop.index + 1}: its rules are not in this table`}
          </span>
        )}
      </div>
      <pre ref={pre} className="dock__text" tabIndex={0} aria-label={`Proxy rules on ${node ?? 'no node'}`} aria-busy={text === null}>
        {hit === 0 ? (text ?? '') : (text ?? '').split('\n').map((line, i) => {
          const cls = marks.decided.has(i) ? 'rules-line is-decided' : marks.path.has(i) ? 'rules-line is-path' : 'rules-line';
          return (
            <span key={i} className={cls}>
              {marks.decided.has(i) && <span className="sr-only">Decided here: </span>}
              {line}
            </span>
          );
        })}
      </pre>
    </div>
  );
}
