/**
 * The hop inspector: the packet as it came in and as it went out (protocol,
 * source, destination; a field the hop rewrote is highlighted), the rules or
 * records that decided it, as the real tools print them, and why.
 */
import type { Hop, PacketView } from '../../sim/view/snapshot';

const FIELDS = ['protocol', 'src', 'dst'] as const;
type Field = (typeof FIELDS)[number];

const TOOL: Record<NonNullable<Hop['decidedBy']>['kind'], string> = {
  'dns-record': 'DNS records (CoreDNS)', iptables: 'iptables rules (iptables-save)', ipvs: 'IPVS table (ipvsadm -Ln)',
  nftables: 'nftables rules (nft list ruleset)', route: 'routing table (ip route)', conntrack: 'conntrack entry (conntrack -L)',
  socket: 'sockets (connect, listen, reset)',
};

function Row({ name, p, other }: { name: string; p: PacketView; other?: PacketView }) {
  const changed = (k: Field): boolean => !!other && other[k] !== p[k];
  return (
    <tr>
      <th scope="row">{name}</th>
      {FIELDS.map((k) => (
        <td key={k} className={changed(k) ? 'is-changed' : undefined}>
          {p[k]}
          {changed(k) && <span className="sr-only"> (changed from {other![k]})</span>}
        </td>
      ))}
    </tr>
  );
}

export function HopDetail({ hop }: { hop: Hop }) {
  const { packetIn, packetOut, decidedBy } = hop;
  const payload = (packetOut ?? packetIn)?.payload;
  return (
    <div className="hop-detail">
      {(packetIn || packetOut) && (
        <table className="packet-table" aria-label="Packet in and out">
          <thead>
            <tr>
              <td />
              <th scope="col">proto</th>
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
      {payload && <div className="hop-detail__payload">{payload}</div>}
      {decidedBy && decidedBy.lines.length > 0 && (
        <figure className="decided-by">
          <figcaption>Decided by the {TOOL[decidedBy.kind]}</figcaption>
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
