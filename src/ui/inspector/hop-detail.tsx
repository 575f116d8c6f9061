/** The current hop in full: the packet before and after, what decided it, and why. */
import type { Hop, PacketView } from '../../sim/view/snapshot';

function Row({ name, p, other }: { name: string; p: PacketView; other?: PacketView }) {
  const changed = (k: 'src' | 'dst'): string => (other && other[k] !== p[k] ? 'is-changed' : '');
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className={changed('src')}>{p.src}</td>
      <td className={changed('dst')}>{p.dst}</td>
    </tr>
  );
}

export function HopDetail({ hop }: { hop: Hop }) {
  const { packetIn, packetOut, decidedBy } = hop;
  return (
    <div className="hop-detail">
      {(packetIn || packetOut) && (
        <table className="packet-table">
          <thead>
            <tr>
              <td />
              <th scope="col">src</th>
              <th scope="col">dst</th>
            </tr>
          </thead>
          <tbody>
            {packetIn && <Row name="in" p={packetIn} />}
            {packetOut && <Row name="out" p={packetOut} other={packetIn} />}
          </tbody>
        </table>
      )}
      {(packetOut ?? packetIn)?.payload && <div className="hop-detail__payload">{(packetOut ?? packetIn)?.payload}</div>}
      {decidedBy && decidedBy.lines.length > 0 && (
        <figure className="decided-by">
          <figcaption>Decided by {decidedBy.kind}</figcaption>
          <pre>{decidedBy.lines.join('\n')}</pre>
        </figure>
      )}
      <p className="hop-detail__why">
        <strong>Why: </strong>
        {hop.why}
      </p>
    </div>
  );
}
