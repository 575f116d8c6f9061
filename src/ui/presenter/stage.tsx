/**
 * The reduced screen of presenter and embed modes: the canvas and the hops,
 * a compact request bar; no editor or terminal. Below 720 px wide the canvas
 * and the hops take turns behind tabs (an embed's are in its bar).
 */
import { RequestBar } from '../components/request-bar';
import { ClusterGraph } from '../graph/cluster-graph';
import { InspectorPane } from '../inspector/inspector-pane';
import { TableView } from '../table-view/table-view';
import { useViewStore, type WorkspacePanel } from '../stores/view-store';
import { EMBED_NARROW, useMedia } from '../app/use-media';
import { PanelTabs, TabPanel, useChosenPanel } from '../app/panel-tabs';
import './presenter.css';

export const STAGE_TABS: readonly [WorkspacePanel, string][] = [
  ['graph', 'Graph'],
  ['hops', 'Hops'],
];

export function Stage({ mode }: { mode: 'embed' | 'presenter' }) {
  const table = useViewStore((s) => s.tableView);
  const controls = useViewStore((s) => s.embedOptions.controls);
  const compact = useMedia(EMBED_NARROW);
  const panel = useChosenPanel(STAGE_TABS);
  const graph = table ? <TableView /> : <ClusterGraph />;
  const side = (
    <aside className="pane stage__side">
      {controls && (
        <div className="stage__request">
          <RequestBar />
        </div>
      )}
      <InspectorPane />
    </aside>
  );
  if (!compact) {
    return (
      <main className={`stage stage--${mode}`}>
        {graph}
        {side}
      </main>
    );
  }
  return (
    <main className={`stage stage--${mode} stage--compact`}>
      {mode === 'presenter' && <PanelTabs tabs={STAGE_TABS} label="Panels" />}
      <TabPanel panel={panel} className="stage__panel">
        {panel === 'graph' ? graph : side}
      </TabPanel>
    </main>
  );
}
