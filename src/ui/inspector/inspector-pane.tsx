/** The right pane: the reply, the packet's hops, and the current hop in full. */
import { HopList } from './hop-list';
import { HopInspector } from './hop-inspector';
import { ReplyView } from './reply-view';
import { useTraceStore } from '../stores/trace-store';
import './inspector.css';

export function InspectorPane() {
  const count = useTraceStore((s) => s.trace?.hops.length);
  const current = useTraceStore((s) => s.current);
  return (
    <section className="pane inspector-pane">
      <header className="pane__header">
        <h2 className="pane__title">Packet hops{count ? ` · ${count}` : ''}</h2>
        {count ? <span className="pane__hint">hop {current + 1} of {count}</span> : null}
      </header>
      <ReplyView />
      <div className="inspector-scroll">
        <HopList />
      </div>
      <HopInspector />
    </section>
  );
}
