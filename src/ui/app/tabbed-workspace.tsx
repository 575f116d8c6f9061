/**
 * The workspace below 1100 px wide: one panel at a time behind tabs (Graph,
 * YAML or the lesson, Hops, Terminal), the playback bar always under it. The
 * Graph tab holds the request bar and the current hop's caption, so a phone
 * can send a request and step through it without leaving the graph.
 */
import { RequestBar } from '../components/request-bar';
import { TransportBar } from '../components/transport-bar';
import { Dock } from '../dock/dock';
import { EditorPane } from '../editor/editor-pane';
import { ClusterGraph } from '../graph/cluster-graph';
import { InspectorPane } from '../inspector/inspector-pane';
import { LeftPaneContent } from '../lesson/left-pane';
import { HopCaption } from '../presenter/hop-caption';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { useViewStore, type WorkspacePanel } from '../stores/view-store';
import { TableView } from '../table-view/table-view';
import { PanelTabs, TabPanel, useChosenPanel } from './panel-tabs';

export function TabbedWorkspace() {
  const inLesson = useLessonModeStore((s) => s.id !== null);
  const table = useViewStore((s) => s.tableView);
  const tabs: [WorkspacePanel, string][] = [
    ['graph', table ? 'Tables' : 'Graph'],
    ['yaml', inLesson ? 'Lesson' : 'YAML'],
    ['hops', 'Hops'],
    ['terminal', 'Terminal'],
  ];
  const panel = useChosenPanel(tabs);
  return (
    <main className="workspace workspace--tabs">
      <PanelTabs tabs={tabs} label="Panels" />
      {panel === 'graph' && (
        <TabPanel panel="graph" className="tab-panel--graph">
          <div className="stage__request">
            <RequestBar />
          </div>
          {table ? <TableView /> : <ClusterGraph />}
          <HopCaption />
        </TabPanel>
      )}
      {panel === 'yaml' && (
        <TabPanel panel="yaml" className="pane left-pane">
          <LeftPaneContent editor={<EditorPane />} />
        </TabPanel>
      )}
      {panel === 'hops' && (
        <TabPanel panel="hops" className="right-stack">
          <InspectorPane />
        </TabPanel>
      )}
      {panel === 'terminal' && (
        <TabPanel panel="terminal" className="tab-panel--terminal">
          <Dock />
        </TabPanel>
      )}
      <TransportBar />
    </main>
  );
}
