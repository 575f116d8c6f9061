import type { NodeProps } from '@xyflow/react';
import type { K8sNodeFlowNode } from '../flow-nodes';
import { useElementState } from '../use-element-state';

/** A node (machine) as a group holding its pods and its kube-proxy. */
export function K8sNodeGroup({ id, data }: NodeProps<K8sNodeFlowNode>) {
  const { node } = data;
  const { classes } = useElementState(id);
  return (
    <div role="group" aria-label={`Node ${node.name} ${node.ip}`} className={`k8s-node${classes}`}>
      <div className="k8s-node__title">
        <span className="k8s-node__name">{node.name}</span>
        {node.role === 'control-plane' && <span className="chip chip--muted">control-plane</span>}
      </div>
      <div className="k8s-node__meta">
        {node.ip} · podCIDR {node.podCIDR}
        {node.podsNotShown ? <span className="k8s-node__more"> · {node.podsNotShown} more pods not drawn</span> : null}
      </div>
    </div>
  );
}
