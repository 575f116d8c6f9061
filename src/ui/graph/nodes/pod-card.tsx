import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { PodView } from '../../../sim/view/snapshot';
import { podLabel, type PodFlowNode } from '../flow-nodes';
import { useHopTouch } from '../hop-focus';

function stateOf(pod: PodView): { text: string; tone: string } {
  if (pod.terminating) return { text: 'Terminating', tone: 'terminating' };
  if (pod.phase !== 'Running') return { text: pod.phase, tone: 'pending' };
  return pod.ready ? { text: 'Ready', tone: 'ready' } : { text: 'Not ready', tone: 'unready' };
}

/** A pod: name, IP:port and state; CoreDNS pods are drawn purple. */
export function PodCard({ id, data }: NodeProps<PodFlowNode>) {
  const { pod } = data;
  const touched = useHopTouch(id, data.dnsTarget);
  const state = stateOf(pod);
  const port = pod.ports[0]?.containerPort;
  const addr = pod.ip ? (port ? `${pod.ip}:${port}` : pod.ip) : 'no IP yet';
  const kind = pod.isCoreDns ? 'coredns' : pod.labels.app === 'client' || pod.name === 'client' ? 'client' : 'workload';
  return (
    <div
      role="img"
      aria-label={podLabel(pod)}
      title={`${pod.namespace}/${pod.name}\n${pod.image}`}
      className={`pod pod--${kind} pod--${state.tone}${touched ? ` is-active is-${touched}` : ''}`}
    >
      <div className="pod__name">{pod.isCoreDns ? 'CoreDNS' : pod.name}</div>
      <div className="pod__meta">
        <span className="mono">{addr}</span>
        {pod.isCoreDns && <span className="pod__sub"> · {pod.name}</span>}
        {!pod.isCoreDns && <span className={`pod__state pod__state--${state.tone}`}> · {state.text}</span>}
      </div>
      <Handle type="target" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
    </div>
  );
}
