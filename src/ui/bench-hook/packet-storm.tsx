/**
 * Bench only (`?bench=1`, loaded lazily, never in a normal visit): exposes
 * `window.__uiBench.startPackets(n)`, which flies n packets at once between
 * random pods, drawn as the packet layer draws its packet (FlyingPacket,
 * inside the React Flow viewport). bench/ui uses
 * it to measure frame times with many packets in flight.
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { FlyingPacket } from '../graph/flying-packet';
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
        <FlyingPacket key={i} from={a} to={b} seconds={1.2 + (i % 5) * 0.2} className="packet tone-req" repeat />
      );
    }),
    viewport,
  );
}
