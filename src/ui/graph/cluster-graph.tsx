/** The centre pane: the cluster as a React Flow canvas, with the traced packet over it. */
import { Background, Controls, ReactFlow, type Edge, type NodeMouseHandler, type OnMoveStart } from '@xyflow/react';
import { useMemo } from 'react';
import type { ClusterSnapshot } from '../../sim/view/snapshot';
import { ClockControl } from '../components/clock-control';
import { useClusterStore } from '../stores/cluster-store';
import { useTraceStore } from '../stores/trace-store';
import { Camera, FIT } from './camera';
import { useCameraStore } from './camera-store';
import { HopStrip } from './hop-strip';
import { edgeTypes } from './routed-edge';
import { traceIds } from './trace-ids';
import { useSelectionStore } from '../stores/selection-store';
import type { GraphLayout } from './layout';
import { useKeptLayout } from './use-kept-layout';
import { LoadChart } from './load-chart';
import { nodeTypes } from './node-types';
import { PacketLayer } from './packet-layer';
import { SelectionPanel } from './selection-panel';
import { useChurn } from './use-churn';

/** One empty list for "no snapshot yet": a fresh [] each render would make useChurn loop. */
const NO_NODES: never[] = [];
import './graph.css';
import './graph-extra.css';

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

/** A pan or zoom by hand (an event; the camera's own moves have none) stops the following. */
const onMoveStart: OnMoveStart = (event) => {
  if (event) useCameraStore.getState().userMoved();
};

/** Edges linked to the selection stand out; while a trace plays, the ones off its path fade. */
function useMarkedEdges(edges: Edge[] | undefined): Edge[] {
  const linked = useSelectionStore((s) => s.linked);
  const trace = useTraceStore((s) => s.trace);
  return useMemo(() => {
    const onTrace = trace ? traceIds(trace.hops) : null;
    return (edges ?? []).map((e) => {
      const link = linked?.edges.has(e.id);
      const path = onTrace ? (onTrace.has(e.source) && onTrace.has(e.target) ? ' on-trace' : ' off-trace') : '';
      return link || path ? { ...e, className: `${e.className}${link ? ' is-linked' : ''}${path}`, ...(link ? { zIndex: 1 } : {}) } : e;
    });
  }, [edges, linked, trace]);
}

const boundsOf = (l: GraphLayout): { w: number; h: number } => {
  const top = l.nodes.filter((n) => !n.parentId);
  return {
    w: Math.max(0, ...top.map((n) => n.position.x + (n.width ?? 0))) - Math.min(0, ...top.map((n) => n.position.x)),
    h: Math.max(0, ...top.map((n) => n.position.y + (n.height ?? 0))) - Math.min(0, ...top.map((n) => n.position.y)),
  };
};

export function ClusterGraph() {
  const snapshot = useClusterStore((s) => s.snapshot);
  const error = useClusterStore((s) => s.error);
  const graph = useKeptLayout(snapshot);
  const nodes = useChurn(graph?.nodes ?? NO_NODES);
  const edges = useMarkedEdges(graph?.edges);
  const tracing = useTraceStore((s) => s.trace !== null && s.current >= 0);
  const bounds = useMemo(() => (graph ? boundsOf(graph) : { w: 0, h: 0 }), [graph]);
  return (
    <section className="pane graph-pane" role="region" aria-label="Cluster graph">
      <header className="pane__header">
        {/* While a trace plays the current hop takes the summary's place (and the title's, kept for screen readers). */}
        <h2 className={tracing ? 'pane__title sr-only' : 'pane__title'}>Cluster graph</h2>
        {tracing ? <HopStrip /> : snapshot && <span className="pane__hint">{summary(snapshot)}</span>}
        <ClockControl />
      </header>
      <div className={`graph-canvas${tracing ? ' is-tracing' : ''}`}>
        {error && <p className="graph-message graph-message--error">{error}</p>}
        {!graph && !error && <p className="graph-message">Starting the cluster…</p>}
        {graph && (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
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
            onMoveStart={onMoveStart}
          >
            <Background gap={24} size={1} color="#d9dee7" />
            <Controls showInteractive={false} position="bottom-right" />
            <PacketLayer anchors={graph.anchors} />
            <Camera outline={outlineOf(graph)} graph={bounds} anchors={graph.centers} />
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
