/**
 * Card sizes in graph units, chosen with the CSS fonts (graph.css) so that the
 * default scenario fits a 1280x720 canvas at a zoom where no text is under 11 px:
 * the smallest font is 13 units and the three-node row is about 660 units wide.
 */

/** A pod card: its name and IP:port, one line each. */
export const POD = { w: 196, h: 50 };
/** Between pods in a node, and the lane an endpoint line runs in. */
export const GAP = 10;
/** Inside a node's frame. */
export const PAD = 10;
/** A node's name and address lines. */
export const NODE_TITLE = 50;
/** kube-proxy's chip, one row under the node's title; node ports wrap under it. */
export const CHIP = { h: 26, gap: 6 };
export const PORT = { w: 62, h: 24 };
export const NODE_GAP = 16;
/** A Service card: title lines (wrapping), then type and address, ports, endpoints. */
export const SVC = {
  w: 212, inner: 212 - 2 * 12 - 4, gap: 16, padY: 9, rowGap: 12,
  /** Line heights and the widest average character (15 px bold title, 13 px text; mono is 0.6 em). */
  titleLine: 19, titleCharW: 9.2, line: 17, charW: 7.9,
};
/** Between the Services and the nodes: the lines' horizontal lanes run here. */
export const BUS = 32;
/** Outside the cluster (on top): the frame and its cards. */
export const OUTSIDE = { header: 26, pad: 10, item: { w: 212, h: 50, gap: 16 }, below: 22 };
