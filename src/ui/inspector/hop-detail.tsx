/**
 * The hop inspector: why first (one plain sentence), then the rules or records that
 * decided it as the real tools print them (the deciding line marked), then the packet as
 * it came in and as it went out (protocol, source, destination; a rewritten field marked).
 */
import type { Hop, PacketView } from '../../sim/view/snapshot';
import { RuleLines } from './rule-lines';

const FIELDS = ['protocol', 'src', 'dst'] as const;
type Field = (typeof FIELDS)[number];

/** What decided a hop, and the tool that prints it. */
const TOOL: Record<NonNullable<Hop['decidedBy']>['kind'], [string, string]> = {
  'dns-record': ['DNS records', 'CoreDNS'], iptables: ['iptables rules', 'iptables-save'], ipvs: ['IPVS table', 'ipvsadm -Ln'],
  nftables: ['nftables rules', 'nft list ruleset'], route: ['routing table', 'ip route'], conntrack: ['conntrack entry', 'conntrack -L'],
  socket: ['sockets', 'connect, listen, reset'],
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
  const hasRules = !!decidedBy && decidedBy.lines.length > 0;
  const marked = hasRules && (decidedBy.matched?.length ?? 0) > 0 && decidedBy.matched!.length < decidedBy.lines.length;
  return (
    <div className="hop-detail">
      <p className="hop-detail__why">
        <strong>Why: </strong>
        {hop.why}
      </p>
      {hasRules && (
        <figure className="decided-by">
          <figcaption>
            <span>
              Decided by the {TOOL[decidedBy.kind][0]} <span className="nowrap">({TOOL[decidedBy.kind][1]})</span>
            </span>
            {marked && <span className="decided-by__legend" aria-hidden="true">highlighted: the one that decided</span>}
          </figcaption>
          <RuleLines decidedBy={decidedBy} />
        </figure>
      )}
      {(packetIn || packetOut) && (
        <div className="packet-table__wrap">
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
        </div>
      )}
      {payload && <div className="hop-detail__payload">{payload}</div>}
    </div>
  );
}
