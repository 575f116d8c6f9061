/**
 * The right pane: the reply (once the packet is back), then the packet's hops above
 * the current hop in full, split by a handle the learner can move.
 */
import { useRef, useState } from 'react';
import { HopList } from './hop-list';
import { HopInspector } from './hop-inspector';
import { ReplyView } from './reply-view';
import { SplitHandle } from './split-handle';
import { useTraceStore } from '../stores/trace-store';
import './inspector.css';

export function InspectorPane() {
  const count = useTraceStore((s) => s.trace?.hops.length);
  const current = useTraceStore((s) => s.current);
  const arrived = useTraceStore((s) => s.arrived);
  const [split, setSplit] = useState(45);
  const body = useRef<HTMLDivElement>(null);
  return (
    <section className="pane inspector-pane">
      <header className="pane__header">
        <h2 className="pane__title">Packet hops{count ? ` · ${count}` : ''}</h2>
        {count ? (
          <span className="pane__hint">
            hop {current + 1} of {count}
            {arrived ? '' : ` · reply at hop ${count}`}
          </span>
        ) : null}
      </header>
      <ReplyView />
      <div className="inspector-split" ref={body} style={count ? { gridTemplateRows: `minmax(0, ${split}fr) auto minmax(0, ${100 - split}fr)` } : undefined}>
        <div className="inspector-scroll">
          <HopList />
        </div>
        {count ? (
          <>
            <SplitHandle value={split} onChange={setSplit} container={() => body.current} />
            <HopInspector />
          </>
        ) : null}
      </div>
    </section>
  );
}
