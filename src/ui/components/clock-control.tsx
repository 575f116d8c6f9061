/** The simulation clock: what time it is in the cluster, and buttons to let time pass. */
import { useState } from 'react';
import { advanceClock } from '../app/sim-actions';
import { useClusterStore } from '../stores/cluster-store';

const STEPS = [10, 30];

function clockText(seconds: number): string {
  const s = Math.floor(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

export function ClockControl() {
  const time = useClusterStore((s) => s.snapshot?.time);
  const [busy, setBusy] = useState(false);
  if (time === undefined) return null;
  const advance = async (seconds: number): Promise<void> => {
    setBusy(true);
    await advanceClock(seconds);
    setBusy(false);
  };
  return (
    <div className="clock" role="group" aria-label="Simulated time">
      <span className="clock__time" role="timer" aria-label={`Simulated time ${clockText(time)}`}>
        t = {clockText(time)}
      </span>
      {STEPS.map((s) => (
        <button key={s} type="button" className="clock__btn" aria-label={`Advance ${s} seconds`} disabled={busy} onClick={() => void advance(s)}>
          +{s}s
        </button>
      ))}
    </div>
  );
}
