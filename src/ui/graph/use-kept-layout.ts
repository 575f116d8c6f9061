/**
 * The canvas layout of the current snapshot, with every card and line that did
 * not change kept as the very object of the previous layout (keep-identity.ts):
 * an edit re-renders only what it touched.
 */
import { useState } from 'react';
import type { ClusterSnapshot } from '../../sim/view/snapshot';
import { keepIdentity } from './keep-identity';
import { layout, type GraphLayout } from './layout';

interface Kept {
  snapshot: ClusterSnapshot | null;
  graph: GraphLayout | null;
}

export function useKeptLayout(snapshot: ClusterSnapshot | null): GraphLayout | null {
  const [kept, setKept] = useState<Kept>({ snapshot: null, graph: null });
  if (kept.snapshot === snapshot) return kept.graph;
  // Adjusting state while rendering (React's pattern for state derived from a changed prop).
  const next = snapshot ? layout(snapshot) : null;
  const graph = next && kept.graph ? { ...next, nodes: keepIdentity(kept.graph.nodes, next.nodes), edges: keepIdentity(kept.graph.edges, next.edges) } : next;
  setKept({ snapshot, graph });
  return graph;
}
