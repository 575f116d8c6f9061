/** The cluster as tables: nodes, pods (IP, node, ready) and Services (ClusterIP, ports, endpoints). */
import type { ClusterSnapshot, ServiceView } from '../../sim/view/snapshot';

const podRef = (ns: string, name: string): string => (ns === 'default' ? name : `${ns}/${name}`);

function ports(svc: ServiceView): string {
  return svc.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}→${p.targetPort}/${p.protocol}${p.nodePort ? ` (nodePort ${p.nodePort})` : ''}`).join(', ') || 'none';
}

function endpoints(svc: ServiceView): string {
  if (svc.endpoints.length === 0) return 'none';
  return svc.endpoints
    .map((e) => `${e.ip}:${e.port}${e.podName ? ` (${e.podName})` : ''}${e.ready ? '' : e.terminating ? ' terminating' : ' not ready'}`)
    .join(', ');
}

export function TopologyTables({ snapshot }: { snapshot: ClusterSnapshot }) {
  return (
    <>
      <table className="data-table">
        <caption>Nodes · {snapshot.nodes.length}</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">IP</th><th scope="col">Pod CIDR</th><th scope="col">kube-proxy rules</th></tr>
        </thead>
        <tbody>
          {snapshot.nodes.map((n) => (
            <tr key={n.name}><th scope="row">{n.name}</th><td>{n.role}</td><td className="mono">{n.ip}</td><td className="mono">{n.podCIDR}</td><td>{n.proxyRuleCount}</td></tr>
          ))}
        </tbody>
      </table>
      <table className="data-table">
        <caption>Pods · {snapshot.pods.length}</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">IP</th><th scope="col">Node</th><th scope="col">Ready</th><th scope="col">Phase</th></tr>
        </thead>
        <tbody>
          {snapshot.pods.map((p) => (
            <tr key={`${p.namespace}/${p.name}`}>
              <th scope="row">{podRef(p.namespace, p.name)}</th>
              <td className="mono">{p.ip ?? 'none'}</td>
              <td>{p.nodeName ?? 'unscheduled'}</td>
              <td>{p.ready ? 'yes' : 'no'}</td>
              <td>{p.terminating ? 'Terminating' : p.phase}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="data-table">
        <caption>Services · {snapshot.services.length}</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">ClusterIP</th><th scope="col">Ports</th><th scope="col">Endpoints</th></tr>
        </thead>
        <tbody>
          {snapshot.services.map((s) => (
            <tr key={`${s.namespace}/${s.name}`}>
              <th scope="row">{podRef(s.namespace, s.name)}</th>
              <td>{s.type}</td>
              <td className="mono">{s.type === 'ExternalName' ? s.externalName : (s.clusterIP ?? 'None')}</td>
              <td className="mono">{ports(s)}</td>
              <td className="mono">{endpoints(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
