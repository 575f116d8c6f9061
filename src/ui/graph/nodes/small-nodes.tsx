import type { NodeProps } from '@xyflow/react';
import { WORKSTATION_LABEL, type KubeProxyFlowNode, type NodePortFlowNode, type WorkstationFlowNode } from '../flow-nodes';
import { useActingKind } from '../hop-focus';
import { useElementState } from '../use-element-state';

/** kube-proxy on a node: the rules that make the ClusterIP work live here. */
export function KubeProxyChip({ id, data }: NodeProps<KubeProxyFlowNode>) {
  const acting = useActingKind(id);
  const { classes, chooseProps } = useElementState(id);
  return (
    <div
      role="img"
      aria-label={`kube-proxy on ${data.nodeName}`}
      title={`${data.ruleCount} ${data.mode} rules on ${data.nodeName}`}
      className={`kube-proxy${acting ? ' is-active' : ''}${classes}`}
      {...chooseProps}
    >
      kube-proxy · {acting === 'dnat' ? 'DNAT here' : acting === 'snat' ? 'SNAT here' : `${data.ruleCount} rules`}
    </div>
  );
}

/** A Service's nodePort, open on this node's address: the door a packet from outside comes in by. */
export function NodePortChip({ id, data }: NodeProps<NodePortFlowNode>) {
  const { classes } = useElementState(id);
  return (
    <div role="img" aria-label={`NodePort ${data.nodePort} on ${data.nodeName}`} title={`Service ${data.service}: nodePort ${data.nodePort}`} className={`node-port${classes}`}>
      :{data.nodePort}
    </div>
  );
}

/** The learner's machine, outside the cluster: where kubectl and curl run. */
export function WorkstationCard({ id }: NodeProps<WorkstationFlowNode>) {
  const { classes, chooseProps } = useElementState(id);
  return (
    <div role="img" aria-label={WORKSTATION_LABEL} className={`workstation${classes}`} {...chooseProps}>
      <div className="workstation__title">workstation</div>
      <div className="workstation__meta">kubectl, curl</div>
    </div>
  );
}
