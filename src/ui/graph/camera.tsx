/**
 * The canvas's camera: fits the whole cluster when it is legible that way;
 * else, while a trace plays, follows the current hop's actors (animated
 * unless the learner prefers reduced motion). A pan or zoom by hand stops
 * the following until the next trace or "Follow packet".
 */
import { useReactFlow, useStore } from '@xyflow/react';
import { useReducedMotion } from 'motion/react';
import { useCallback, useEffect, useRef } from 'react';
import { useTraceStore } from '../stores/trace-store';
import { useViewStore } from '../stores/view-store';
import { hopView, needsFollow, type Size } from './camera-focus';
import { useCameraStore } from './camera-store';

/** Fit padding: room on the right for the zoom controls, so they never sit on a card. */
export const FIT = { padding: { top: '10px', bottom: '10px', left: '10px', right: '46px' }, maxZoom: 1.1 } as const;

interface Props {
  /** Changes when the picture's outline changes (a node grows, a Service appears). */
  outline: string;
  graph: Size;
  anchors: Record<string, { x: number; y: number }>;
}

export function Camera({ outline, graph, anchors }: Props) {
  const flow = useReactFlow();
  const canvas = useStore((s) => ({ w: s.width, h: s.height }), (a, b) => a.w === b.w && a.h === b.h);
  const presenter = useViewStore((s) => s.presenter);
  const hop = useTraceStore((s) => s.trace?.hops[s.current] ?? null);
  const run = useTraceStore((s) => s.run);
  const follow = useCameraStore((s) => s.follow);
  const reduced = useReducedMotion() ?? false;
  const latest = useRef({ anchors, graph });
  latest.current = { anchors, graph };

  useEffect(() => useCameraStore.getState().followReset(), [run]);

  const aim = useCallback(
    (animate: boolean) => {
      if (!canvas.w || !canvas.h) return;
      const { anchors: a, graph: g } = latest.current;
      const view = hop && follow && needsFollow(g, canvas, presenter) ? hopView(hop, a, canvas, presenter) : null;
      const duration = animate && !reduced ? 450 : 0;
      if (view) void flow.setCenter(view.x, view.y, { zoom: view.zoom, duration });
      else if (follow || !hop) void flow.fitView({ ...FIT, duration });
    },
    [flow, canvas, hop, follow, presenter, reduced],
  );

  // A new hop, a toggle, presenter mode: move smoothly. A new outline or canvas size: jump.
  useEffect(() => {
    const id = requestAnimationFrame(() => aim(true));
    return () => cancelAnimationFrame(id);
  }, [aim]);
  useEffect(() => {
    const id = requestAnimationFrame(() => aim(false));
    return () => cancelAnimationFrame(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the outline re-aims without animation
  }, [outline]);
  return null;
}
