import type { NodeProps } from '@xyflow/react';
import type { KubeProxyFlowNode, WorkstationFlowNode } from '../flow-nodes';
import { useActingKind, useHopTouch } from '../hop-focus';

/** kube-proxy on a node: the rules that make the ClusterIP work live here. */
export function KubeProxyChip({ id, data }: NodeProps<KubeProxyFlowNode>) {
  const acting = useActingKind(id);
  return (
    <div
      role="img"
      aria-label={`kube-proxy on ${data.nodeName}`}
      title={`${data.ruleCount} ${data.mode} rules on ${data.nodeName}`}
      className={`kube-proxy${acting ? ' is-active' : ''}`}
    >
      kube-proxy · {acting === 'dnat' ? 'DNAT here' : `${data.ruleCount} rules`}
    </div>
  );
}

/** The learner's machine, outside the cluster: where kubectl and curl run. */
export function WorkstationCard({ id }: NodeProps<WorkstationFlowNode>) {
  const touched = useHopTouch(id);
  return (
    <div role="img" aria-label="Workstation" className={`workstation${touched ? ' is-active' : ''}`}>
      <div className="workstation__title">workstation</div>
      <div className="workstation__meta">outside the cluster · kubectl</div>
    </div>
  );
}
