/**
 * The reduced screen of presenter and embed modes: the canvas and the hops,
 * a compact request bar; no editor or terminal.
 */
import { RequestBar } from '../components/request-bar';
import { ClusterGraph } from '../graph/cluster-graph';
import { InspectorPane } from '../inspector/inspector-pane';
import { TableView } from '../table-view/table-view';
import { useViewStore } from '../stores/view-store';
import './presenter.css';

export function Stage({ mode }: { mode: 'embed' | 'presenter' }) {
  const table = useViewStore((s) => s.tableView);
  return (
    <main className={`stage stage--${mode}`}>
      {table ? <TableView /> : <ClusterGraph />}
      <aside className="pane stage__side">
        <div className="stage__request">
          <RequestBar />
        </div>
        <InspectorPane />
      </aside>
    </main>
  );
}
