/** The centre pane: the cluster as a React Flow canvas, with the traced packet over it. */
import { Background, Controls, ReactFlow, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { ClusterSnapshot } from '../../sim/view/snapshot';
import { useClusterStore } from '../stores/cluster-store';
import { layout, type GraphLayout } from './layout';
import { nodeTypes } from './node-types';
import { PacketLayer } from './packet-layer';
import './graph.css';

const FIT = { padding: 0.08, maxZoom: 1.1 };

/** Re-fit when the picture's outline changes (a node grows, a Service appears) or the pane resizes. */
function FitOnChange({ outline }: { outline: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView(FIT));
    return () => cancelAnimationFrame(id);
  }, [flow, outline]);
  useEffect(() => {
    const onResize = (): void => void flow.fitView(FIT);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [flow]);
  return null;
}

const outlineOf = (l: GraphLayout): string =>
  l.nodes.filter((n) => !n.parentId).map((n) => `${n.position.x},${n.position.y},${n.width},${n.height}`).join(';');

function summary(s: ClusterSnapshot): string {
  return `${s.clusterName} · ${s.nodes.length} nodes · ${s.podSubnet} pods · ${s.serviceSubnet} services`;
}

export function ClusterGraph() {
  const snapshot = useClusterStore((s) => s.snapshot);
  const error = useClusterStore((s) => s.error);
  const graph = useMemo(() => (snapshot ? layout(snapshot) : null), [snapshot]);
  return (
    <section className="pane graph-pane" role="region" aria-label="Cluster graph">
      <header className="pane__header">
        <h2 className="pane__title">Cluster graph</h2>
        {snapshot && <span className="pane__hint">{summary(snapshot)}</span>}
      </header>
      <div className="graph-canvas">
        {error && <p className="graph-message graph-message--error">{error}</p>}
        {!graph && !error && <p className="graph-message">Starting the cluster…</p>}
        {graph && (
          <ReactFlow
            nodes={graph.nodes}
            edges={graph.edges}
            nodeTypes={nodeTypes}
            fitView
            fitViewOptions={FIT}
            minZoom={0.2}
            maxZoom={2}
            nodesDraggable={false}
            nodesConnectable={false}
            nodesFocusable={false}
            edgesFocusable={false}
            elementsSelectable={false}
            zoomOnDoubleClick={false}
          >
            <Background gap={24} size={1} color="#d9dee7" />
            <Controls showInteractive={false} position="bottom-right" />
            <PacketLayer anchors={graph.anchors} />
            <FitOnChange outline={outlineOf(graph)} />
          </ReactFlow>
        )}
      </div>
    </section>
  );
}
