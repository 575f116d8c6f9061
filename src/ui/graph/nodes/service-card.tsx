import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ServiceView } from '../../../sim/view/snapshot';
import { serviceLabel, type ServiceFlowNode } from '../flow-nodes';
import { useHopTouch } from '../hop-focus';

function portsText(svc: ServiceView): string {
  const p = svc.ports[0];
  if (!p) return 'no ports';
  const more = svc.ports.length > 1 ? ` (+${svc.ports.length - 1})` : '';
  return `port ${p.port} → targetPort ${p.targetPort}${p.nodePort ? ` · nodePort ${p.nodePort}` : ''}${more}`;
}

/** A Service: a dashed box outside every node, since a ClusterIP belongs to no machine. */
export function ServiceCard({ id, data }: NodeProps<ServiceFlowNode>) {
  const { svc } = data;
  const touched = useHopTouch(id);
  const selector = svc.selector ? Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',') : 'none';
  const ready = svc.endpoints.filter((e) => e.ready).length;
  const terminating = svc.endpoints.filter((e) => e.terminating).length;
  const addr = svc.type === 'ExternalName' ? svc.externalName : svc.clusterIP;
  return (
    <div role="img" aria-label={serviceLabel(svc)} className={`service${touched ? ' is-active' : ''}`}>
      <Handle type="source" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <div className="service__title">
        Service {svc.name} <span className="service__type">· {svc.type} {addr}</span>
      </div>
      <div className="service__meta">
        {portsText(svc)} · selector {selector}
      </div>
      <div className="service__meta">
        {ready} ready endpoint{ready === 1 ? '' : 's'}
        {terminating ? ` · ${terminating} terminating` : ''}
      </div>
    </div>
  );
}
