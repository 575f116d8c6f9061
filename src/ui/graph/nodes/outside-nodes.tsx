import { Handle, Position, type NodeProps } from '@xyflow/react';
import { addLoadBalancerPool } from '../../app/cluster-settings';
import { loadBalancerLabel, type ExternalHostFlowNode, type LoadBalancerFlowNode, type OutsideFlowNode } from '../flow-nodes';
import { useElementState } from '../use-element-state';

/** The frame around everything outside the cluster. */
export function OutsideFrame(_: NodeProps<OutsideFlowNode>) {
  return (
    <div className="outside-frame" aria-hidden="true">
      <span className="outside-frame__title">Outside the cluster</span>
    </div>
  );
}

/** A LoadBalancer Service's load balancer: its address, or `<pending>` while no controller has handed one out. */
export function LoadBalancerCard({ id, data }: NodeProps<LoadBalancerFlowNode>) {
  const { svc } = data;
  const { classes, chooseProps } = useElementState(id);
  const ip = svc.loadBalancerIPs[0];
  const port = svc.ports[0];
  // The button sits beside the labelled image, not in it: an image's children are hidden from assistive technology.
  return (
    <div className={`load-balancer${ip ? '' : ' is-pending'}${classes}`}>
      <Handle type="source" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <div role="img" aria-label={loadBalancerLabel(svc)} {...chooseProps}>
        <div className="outside-card__title">load balancer · {svc.name}</div>
        <div className="outside-card__meta mono">{ip ? `${ip}:${port?.port ?? ''} → nodePort ${port?.nodePort ?? '?'}` : '<pending>'}</div>
      </div>
      {!ip && (
        <button type="button" className="link-btn nodrag nopan" onClick={(e) => { e.stopPropagation(); void addLoadBalancerPool(); }}>
          Add an address pool
        </button>
      )}
    </div>
  );
}

/** The host an ExternalName Service is a DNS alias (CNAME) for. */
export function ExternalHostCard({ id, data }: NodeProps<ExternalHostFlowNode>) {
  const { classes, chooseProps } = useElementState(id);
  return (
    <div role="img" aria-label={`External host ${data.host}`} className={`external-host${classes}`} {...chooseProps}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <div className="outside-card__title mono">{data.host}</div>
      <div className="outside-card__meta">ExternalName target of {data.services.join(', ')}</div>
    </div>
  );
}
