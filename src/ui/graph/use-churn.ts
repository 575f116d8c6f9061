/**
 * Pod churn made visible: a pod that leaves the snapshot stays on the canvas
 * a moment longer, fading out (new pods fade in by CSS), so a rollout or a
 * scale-down reads as a change rather than a jump.
 */
import { useEffect, useState } from 'react';
import type { AppNode } from './flow-nodes';

export const LEAVE_MS = 650;

export function useChurn(nodes: AppNode[]): AppNode[] {
  const [state, setState] = useState<{ prev: AppNode[]; ghosts: AppNode[] }>({ prev: nodes, ghosts: [] });
  let { ghosts } = state;
  if (state.prev !== nodes) {
    // Adjusting state while rendering (React's pattern for "state derived from a changed prop").
    const ids = new Set(nodes.map((n) => n.id));
    const gone = state.prev.filter((n) => n.type === 'pod' && !ids.has(n.id) && (!n.parentId || ids.has(n.parentId)));
    ghosts = [...state.ghosts.filter((g) => !ids.has(g.id)), ...gone.map((n) => ({ ...n, className: 'is-leaving' }) as AppNode)];
    setState({ prev: nodes, ghosts });
  }
  useEffect(() => {
    if (ghosts.length === 0) return;
    const leaving = new Set(ghosts.map((g) => g.id));
    const id = setTimeout(() => setState((s) => ({ ...s, ghosts: s.ghosts.filter((g) => !leaving.has(g.id)) })), LEAVE_MS);
    return () => clearTimeout(id);
  }, [ghosts]);
  return ghosts.length ? [...nodes, ...ghosts] : nodes;
}
