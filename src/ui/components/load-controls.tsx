/** "Send 100": the same request many times, to see how the answers spread over the pods. */
import { useState } from 'react';
import { sendLoad } from '../app/sim-actions';
import { useLoadStore } from '../stores/load-store';

const MAX = 10_000;

export function LoadControls({ from, url, disabled }: { from: string; url: string; disabled: boolean }) {
  const [count, setCount] = useState(100);
  const running = useLoadStore((s) => s.running);
  const n = Math.max(1, Math.min(MAX, Math.floor(count) || 1));
  return (
    <span className="load-controls">
      <input
        type="number"
        aria-label="Count"
        title="How many requests to send"
        min={1}
        max={MAX}
        value={count}
        onChange={(e) => setCount(Number(e.target.value))}
      />
      <button type="button" className="btn" disabled={disabled || running || !url} onClick={() => void sendLoad({ from, url }, n)}>
        Send {n}
      </button>
    </span>
  );
}
