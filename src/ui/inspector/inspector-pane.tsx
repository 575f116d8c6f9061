/** The right pane: the reply, then the packet's hops, the current one opened. */
import { PlaybackControls } from './playback-controls';
import { HopList } from './hop-list';
import { ReplyView } from './reply-view';
import { useTraceStore } from '../stores/trace-store';
import './inspector.css';

export function InspectorPane() {
  const count = useTraceStore((s) => s.trace?.hops.length);
  return (
    <section className="pane inspector-pane">
      <header className="pane__header">
        <h2 className="pane__title">
          Packet hops{count ? ` · ${count}` : ''}
        </h2>
        <PlaybackControls />
      </header>
      <ReplyView />
      <div className="inspector-scroll">
        <HopList />
      </div>
    </section>
  );
}
