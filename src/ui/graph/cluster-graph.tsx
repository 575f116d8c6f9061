/** The centre pane: the cluster as a React Flow canvas, with the traced packet over it. */
import { Background, Controls, ReactFlow, useReactFlow, type Edge, type NodeMouseHandler } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import type { ClusterSnapshot } from '../../sim/view/snapshot';
import { ClockControl } from '../components/clock-control';
import { useClusterStore } from '../stores/cluster-store';
import { useSelectionStore } from '../stores/selection-store';
import { layout, type GraphLayout } from './layout';
import { LoadChart } from './load-chart';
import { nodeTypes } from './node-types';
import { PacketLayer } from './packet-layer';
import { SelectionPanel } from './selection-panel';
import { useChurn } from './use-churn';

/** One empty list for "no snapshot yet": a fresh [] each render would make useChurn loop. */
const NO_NODES: never[] = [];
import './graph.css';
import './graph-extra.css';

const FIT = { padding: 0.06, maxZoom: 1.1 };

/** Re-fit when the picture's outline changes (a node grows, a Service appears) or the pane resizes. */
function FitOnChange({ outline }: { outline: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView(FIT));
    return () => cancelAnimationFrame(id);
  }, [flow, outline]);
  useEffect(() => {
    // The canvas shrinks when the panels under it open; re-fit whenever its box changes.
    const canvas = document.querySelector('.graph-canvas');
    if (!canvas) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void flow.fitView(FIT));
    });
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [flow]);
  return null;
}

const outlineOf = (l: GraphLayout): string =>
  l.nodes.filter((n) => !n.parentId).map((n) => `${n.position.x},${n.position.y},${n.width},${n.height}`).join(';');

function summary(s: ClusterSnapshot): string {
  return `${s.clusterName} · ${s.nodes.length} nodes · ${s.podSubnet} pods · ${s.serviceSubnet} services`;
}

const onNodeClick: NodeMouseHandler = (_, node) => {
  if (node.type === 'outside') return;
  const { selected, elementChosen } = useSelectionStore.getState();
  elementChosen(selected === node.id ? null : node.id, 'canvas');
};
const onPaneClick = (): void => useSelectionStore.getState().elementChosen(null, 'canvas');

function useLinkedEdges(edges: Edge[] | undefined): Edge[] {
  const linked = useSelectionStore((s) => s.linked);
  return useMemo(
    () => (edges ?? []).map((e) => (linked?.edges.has(e.id) ? { ...e, className: `${e.className} is-linked`, zIndex: 1 } : e)),
    [edges, linked],
  );
}

export function ClusterGraph() {
  const snapshot = useClusterStore((s) => s.snapshot);
  const error = useClusterStore((s) => s.error);
  const graph = useMemo(() => (snapshot ? layout(snapshot) : null), [snapshot]);
  const nodes = useChurn(graph?.nodes ?? NO_NODES);
  const edges = useLinkedEdges(graph?.edges);
  return (
    <section className="pane graph-pane" role="region" aria-label="Cluster graph">
      <header className="pane__header">
        <h2 className="pane__title">Cluster graph</h2>
        {snapshot && <span className="pane__hint">{summary(snapshot)}</span>}
        <ClockControl />
      </header>
      <div className="graph-canvas">
        {error && <p className="graph-message graph-message--error">{error}</p>}
        {!graph && !error && <p className="graph-message">Starting the cluster…</p>}
        {graph && (
          <ReactFlow
            nodes={nodes}
            edges={edges}
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
            onNodeClick={onNodeClick}
            onPaneClick={onPaneClick}
          >
            <Background gap={24} size={1} color="#d9dee7" />
            <Controls showInteractive={false} position="bottom-right" />
            <PacketLayer anchors={graph.anchors} />
            <FitOnChange outline={outlineOf(graph)} />
          </ReactFlow>
        )}
      </div>
      <div className="graph-dock">
        <SelectionPanel />
        <LoadChart />
      </div>
    </section>
  );
}
