import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { PodView } from '../../../sim/view/snapshot';
import { useLoadStore } from '../../stores/load-store';
import { podLabel, type PodFlowNode } from '../flow-nodes';
import { useElementState } from '../use-element-state';

function stateOf(pod: PodView): { text: string; tone: string } {
  if (pod.terminating) return { text: 'Terminating', tone: 'terminating' };
  if (pod.phase !== 'Running') return { text: pod.phase, tone: 'pending' };
  return pod.ready ? { text: 'Ready', tone: 'ready' } : { text: 'Not ready', tone: 'unready' };
}

/** A pod: name and IP:port, and its state unless Ready (unready amber, terminating dashed grey); CoreDNS pods are purple; a load run's count as a badge. */
export function PodCard({ id, data }: NodeProps<PodFlowNode>) {
  const { pod } = data;
  const { classes, chooseProps } = useElementState(id, data.dnsTarget);
  const count = useLoadStore((s) => s.counts[id]);
  const state = stateOf(pod);
  const port = pod.ports[0]?.containerPort;
  const addr = pod.ip ? (port ? `${pod.ip}:${port}` : pod.ip) : 'no IP yet';
  const kind = pod.isCoreDns ? 'coredns' : pod.labels.app === 'client' || pod.name === 'client' ? 'client' : 'workload';
  return (
    <div
      role="img"
      aria-label={podLabel(pod)}
      title={`${pod.namespace}/${pod.name} · ${state.text}\n${pod.image}\n${Object.entries(pod.labels).map(([k, v]) => `${k}=${v}`).join(', ')}`}
      className={`pod pod--${kind} pod--${state.tone}${classes}`}
      {...chooseProps}
    >
      <div className="pod__name">{pod.isCoreDns ? 'CoreDNS' : pod.name}</div>
      <div className="pod__meta">
        <span className="mono">{addr}</span>
        {state.tone !== 'ready' && <span className={`pod__state pod__state--${state.tone}`}> · {state.text}</span>}
      </div>
      {count !== undefined && (
        <span className="pod__count" aria-label={`${count} answers`}>
          {count}
        </span>
      )}
      <Handle type="target" position={Position.Left} isConnectable={false} className="hidden-handle" />
    </div>
  );
}
