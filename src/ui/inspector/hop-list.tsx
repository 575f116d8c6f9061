/** "Packet hops": one item per hop; choosing one jumps there (the hop inspector below shows it in full). */
import { useEffect, useRef } from 'react';
import type { Hop } from '../../sim/view/snapshot';
import { isDnsHop } from '../graph/hop-focus';
import { useTraceStore } from '../stores/trace-store';

function packetLine(hop: Hop): string | null {
  const p = hop.packetOut ?? hop.packetIn;
  if (!p) return null;
  const before = hop.packetIn && hop.packetOut && hop.packetIn.dst !== hop.packetOut.dst ? `${hop.packetIn.dst} ⇒ ` : '';
  return `${p.src} → ${before}${p.dst} ${p.protocol}`;
}

const KIND_LABEL: Record<Hop['kind'], string> = {
  'dns-query': 'DNS query', 'dns-answer': 'DNS answer', send: 'send', dnat: 'DNAT', snat: 'SNAT', route: 'route',
  deliver: 'deliver', respond: 'respond', reply: 'reply', reject: 'reject', drop: 'drop',
};

export function HopList() {
  const hops = useTraceStore((s) => s.trace?.hops);
  const current = useTraceStore((s) => s.current);
  const hopSelected = useTraceStore((s) => s.hopSelected);
  const currentRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Braces matter: newer Chromium returns a Promise from scrollIntoView, and React would call it as a cleanup.
    void currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [current, hops]);
  if (!hops) return <p className="empty-hint">Send a request to follow its packets hop by hop.</p>;
  return (
    <ol className="hop-list" aria-label="Packet hops">
      {hops.map((hop, i) => {
        const isCurrent = i === current;
        const tone = hop.kind === 'reject' || hop.kind === 'drop' ? 'fail' : isDnsHop(hop) ? 'dns' : 'req';
        const line = packetLine(hop);
        const showLine = line && !hop.detail.includes((hop.packetOut ?? hop.packetIn)?.src ?? '\u0000');
        return (
          <li key={i} ref={isCurrent ? currentRef : undefined} data-kind={hop.kind} data-from={hop.from} data-to={hop.to} aria-current={isCurrent ? 'step' : undefined} className={`hop hop--${tone}${isCurrent ? ' is-current' : ''}${i > current ? ' is-ahead' : ''}`}>
            <button type="button" className="hop__head" onClick={() => hopSelected(i)}>
              <span className="hop__n">{i + 1}</span>
              <span className="hop__text">
                <span className="hop__title">{hop.title}</span>
                <span className="hop__kind">{KIND_LABEL[hop.kind]}</span>
                <span className="hop__detail">{hop.detail}</span>
                {showLine && <span className="hop__packet">{line}</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
