import type { NodeProps } from '@xyflow/react';
import type { K8sNodeFlowNode } from '../flow-nodes';
import { useElementState } from '../use-element-state';

/** A node (machine) as a group holding its pods and its kube-proxy: its name and address (its podCIDR on hover and in the table view). */
export function K8sNodeGroup({ id, data }: NodeProps<K8sNodeFlowNode>) {
  const { node } = data;
  const { classes } = useElementState(id);
  return (
    <div role="group" aria-label={`Node ${node.name} ${node.ip}`} title={`${node.name} (${node.role})\n${node.ip} · podCIDR ${node.podCIDR}`} className={`k8s-node${classes}`}>
      <div className="k8s-node__title">{node.name}</div>
      <div className="k8s-node__meta">
        <span className="mono">{node.ip}</span>
        {node.podsNotShown ? <span className="k8s-node__more"> · {node.podsNotShown} more pods not drawn</span> : null}
      </div>
    </div>
  );
}
