/** A line drawn along the route the layout computed for it (edge-route.ts), not between handles. */
import { BaseEdge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import type { RoutedEdge } from './layout-edges';

function Routed({ id, data, style }: EdgeProps<RoutedEdge>) {
  return <BaseEdge id={id} path={data?.d ?? ''} style={style} />;
}

/** Module-level, so React Flow never remounts edges. */
export const edgeTypes: EdgeTypes = { routed: Routed };
