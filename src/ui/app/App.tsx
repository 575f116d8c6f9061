/**
 * The main screen: the scenario and the request on the left, the cluster in
 * the centre, the packet's hops on the right, the terminal at the bottom.
 */
import { domAnimation, LazyMotion } from 'motion/react';
import { useEffect } from 'react';
import { RequestBar } from '../components/request-bar';
import { EditorPane } from '../editor/editor-pane';
import { ClusterGraph } from '../graph/cluster-graph';
import { InspectorPane } from '../inspector/inspector-pane';
import { Terminal } from '../terminal/terminal';
import { bootSimulation } from './sim-actions';
import { TopBar } from './top-bar';
import { usePlayback } from './use-playback';
import './app.css';

export function App() {
  useEffect(() => void bootSimulation(), []);
  usePlayback();
  return (
    <LazyMotion features={domAnimation} strict>
      <div className="app">
        <TopBar />
        <main className="workspace">
          <aside className="pane left-pane">
            <EditorPane />
            <RequestBar />
          </aside>
          <ClusterGraph />
          <InspectorPane />
          <Terminal />
        </main>
      </div>
    </LazyMotion>
  );
}
