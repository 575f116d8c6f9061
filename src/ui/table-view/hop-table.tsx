/** The traced request's hops as a table: index, actor, packet in and out, what decided, why. */
import type { Hop, PacketView } from '../../sim/view/snapshot';
import { useTraceStore } from '../stores/trace-store';

const packet = (p?: PacketView): string => (p ? `${p.protocol} ${p.src} → ${p.dst}${p.payload ? ` (${p.payload})` : ''}` : '—');

function decided(hop: Hop): string {
  return hop.decidedBy ? `${hop.decidedBy.kind}: ${hop.decidedBy.lines.join('\n')}` : '—';
}

export function HopTable() {
  const trace = useTraceStore((s) => s.trace);
  const current = useTraceStore((s) => s.current);
  if (!trace) return <p className="table-view__empty">No request sent yet: send one to see its hops here.</p>;
  return (
    <table className="data-table data-table--hops">
      <caption>
        Hops of {trace.request.url} from {trace.request.from} · {trace.hops.length} · {trace.ok ? `answered: ${trace.result}` : trace.result}
      </caption>
      <thead>
        <tr><th scope="col">#</th><th scope="col">Actor</th><th scope="col">In</th><th scope="col">Out</th><th scope="col">Decided by</th><th scope="col">Why</th></tr>
      </thead>
      <tbody>
        {trace.hops.map((h, i) => (
          <tr key={h.index} aria-current={i === current ? 'step' : undefined} className={i === current ? 'is-current' : undefined}>
            <th scope="row">{h.index + 1}</th>
            <td>{h.actor}<div className="data-table__sub">{h.title}</div></td>
            <td className="mono">{packet(h.packetIn)}</td>
            <td className="mono">{packet(h.packetOut)}</td>
            <td className="mono data-table__pre">{decided(h)}</td>
            <td>{h.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
