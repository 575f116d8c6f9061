import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ServiceView } from '../../../sim/view/snapshot';
import { serviceLabel, type ServiceFlowNode } from '../flow-nodes';
import { useElementState } from '../use-element-state';

function portsText(svc: ServiceView): string {
  const p = svc.ports[0];
  if (!p) return 'no ports';
  const more = svc.ports.length > 1 ? ` (+${svc.ports.length - 1})` : '';
  return `port ${p.port} → ${p.targetPort}${p.nodePort ? ` · nodePort ${p.nodePort}` : ''}${more}`;
}

function typeText(svc: ServiceView): string {
  if (svc.type === 'ExternalName') return `ExternalName → ${svc.externalName}`;
  if (svc.clusterIP === 'None') return 'headless (ClusterIP None)';
  return svc.type === 'ClusterIP' ? `ClusterIP ${svc.clusterIP ?? ''}` : `${svc.type} · ${svc.clusterIP ?? ''}`;
}

/** A Service: a dashed box outside every node, since a ClusterIP belongs to no machine. */
export function ServiceCard({ id, data }: NodeProps<ServiceFlowNode>) {
  const { svc } = data;
  const { classes, chooseProps } = useElementState(id);
  const selector = svc.selector ? Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',') : 'none';
  // A big Service's snapshot carries some endpoints and the counts of all.
  const totals = svc.endpointTotals;
  const ready = totals?.ready ?? svc.endpoints.filter((e) => e.ready).length;
  const terminating = totals?.terminating ?? svc.endpoints.filter((e) => e.terminating).length;
  const notReady = totals?.notReady ?? svc.endpoints.length - ready - terminating;
  // Endpoints no pod stands behind: written by hand (a Service without a selector).
  const handMade = [...new Set(svc.endpoints.filter((e) => !e.podName).map((e) => `${e.ip}:${e.port}`))];
  return (
    <div role="img" aria-label={serviceLabel(svc)} className={`service service--${svc.type}${classes}`} {...chooseProps}>
      <Handle type="source" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <Handle type="source" id="bottom" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
      <Handle type="target" id="bottom" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
      <div className="service__title">
        Service {svc.name} <span className="service__type">· {typeText(svc)}</span>
      </div>
      <div className="service__meta">{portsText(svc)}</div>
      <div className="service__meta">
        {svc.type === 'ExternalName'
          ? 'a DNS CNAME: no proxying, no endpoints'
          : `${svc.selector ? `selector ${selector}` : 'no selector'} · ${ready} ready${notReady > 0 ? ` · ${notReady} not ready` : ''}${terminating ? ` · ${terminating} terminating` : ''}${svc.sessionAffinity === 'ClientIP' ? ' · affinity ClientIP' : ''}`}
      </div>
      {handMade.length > 0 && (
        <div className="service__meta service__manual" aria-label={`hand-made endpoints of ${svc.name}`}>
          hand-made endpoints: {handMade.join(', ')}
        </div>
      )}
    </div>
  );
}
