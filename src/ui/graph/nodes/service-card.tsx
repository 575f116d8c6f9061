import { Handle, Position, type NodeProps } from '@xyflow/react';
import { serviceLabel, type ServiceFlowNode } from '../flow-nodes';
import { endpointsText, handMadeText, portsText, typeText } from '../service-text';
import { useElementState } from '../use-element-state';

/** A Service: a dashed box outside every node, since a ClusterIP belongs to no machine; its selector is in the Selection panel. Lines wrap, never cut. */
export function ServiceCard({ id, data }: NodeProps<ServiceFlowNode>) {
  const { svc } = data;
  const { classes, chooseProps } = useElementState(id);
  const handMade = handMadeText(svc);
  return (
    <div role="img" aria-label={serviceLabel(svc)} className={`service service--${svc.type}${classes}`} {...chooseProps}>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
      <Handle type="source" id="top" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <Handle type="target" id="top" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <div className="service__title">Service {svc.name}</div>
      <div className="service__meta mono">{typeText(svc)}</div>
      <div className="service__meta">{portsText(svc)}</div>
      <div className="service__meta">{endpointsText(svc)}</div>
      {handMade && (
        <div className="service__meta service__manual" aria-label={`hand-made endpoints of ${svc.name}`}>
          {handMade}
        </div>
      )}
    </div>
  );
}
