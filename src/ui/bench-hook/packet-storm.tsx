/**
 * Bench only (`?bench=1`, loaded lazily, never in a normal visit): exposes
 * `window.__uiBench.startPackets(n)`, which flies n packets at once between
 * random pods, drawn the way the packet layer draws its packet (a motion
 * div along an offset-path inside the React Flow viewport). bench/ui uses
 * it to measure frame times with many packets in flight.
 */
import { m } from 'motion/react';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { hopPath } from '../graph/hop-path';
import { layout } from '../graph/layout';
import { useClusterStore } from '../stores/cluster-store';

declare global {
  interface Window {
    __uiBench?: { startPackets(n: number): void; stopPackets(): void };
  }
}

/** A fixed pseudo-random walk, so every run flies the same paths. */
function pick(keys: string[], i: number): string {
  return keys[(i * 7919 + 13) % keys.length]!;
}

export default function PacketStorm() {
  const [count, setCount] = useState(0);
  const snapshot = useClusterStore((s) => s.snapshot);
  const anchors = useMemo(() => (snapshot ? layout(snapshot).anchors : {}), [snapshot]);
  useEffect(() => {
    window.__uiBench = { startPackets: setCount, stopPackets: () => setCount(0) };
    return () => void delete window.__uiBench;
  }, []);
  const viewport = count ? document.querySelector('[aria-label="Cluster graph"] .react-flow__viewport') : null;
  if (!viewport) return null;
  const pods = Object.keys(anchors).filter((k) => k.startsWith('pod:'));
  if (pods.length < 2) return null;
  return createPortal(
    Array.from({ length: count }, (_, i) => {
      const a = anchors[pick(pods, i)]!;
      const b = anchors[pick(pods, i + count)]!;
      return (
        <m.div
          key={i}
          className="packet tone-req"
          aria-hidden="true"
          style={{ offsetPath: `path("${hopPath(a, b)}")` }}
          initial={{ offsetDistance: '0%' }}
          animate={{ offsetDistance: '100%' }}
          transition={{ duration: 1.2 + (i % 5) * 0.2, ease: 'easeInOut', repeat: Infinity }}
        />
      );
    }),
    viewport,
  );
}
