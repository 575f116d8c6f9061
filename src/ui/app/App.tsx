/**
 * The main screen: the scenario and the request on the left, the cluster in
 * the centre, the packet's hops on the right, the terminal at the bottom.
 * Presenter and embed modes show a reduced stage instead (../presenter/stage.tsx);
 * below 1100 px the panels take turns behind tabs (tabbed-workspace.tsx).
 */
import { domAnimation, LazyMotion } from 'motion/react';
import { lazy, Suspense } from 'react';
import { RequestBar } from '../components/request-bar';
import { TransportBar } from '../components/transport-bar';
import { EditorPane } from '../editor/editor-pane';
import { ClusterGraph } from '../graph/cluster-graph';
import { InspectorPane } from '../inspector/inspector-pane';
import { Captions } from '../presenter/captions';
import { usePresenterShortcuts } from '../presenter/shortcuts';
import { Stage } from '../presenter/stage';
import { PresenterBar } from '../presenter/presenter-bar';
import { HopCaption } from '../presenter/hop-caption';
import { TabbedWorkspace } from './tabbed-workspace';
import { NARROW, useMedia } from './use-media';
import { EmbedBar } from '../share/embed-bar';
import { LinkAlert } from '../share/link-alert';
import { NoticeBar } from '../components/notice-bar';
import { useViewStore } from '../stores/view-store';
import { TableView } from '../table-view/table-view';
import { Dock } from '../dock/dock';
import { useTheme } from '../theme/use-theme';
import { TopBar } from './top-bar';
import { LeftPaneContent } from '../lesson/left-pane';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { usePlayback } from './use-playback';
import './app.css';

/** bench/ui's hook (many packets at once); only with ?bench=1. */
const BENCH = new URLSearchParams(location.search).get('bench') === '1';
const PacketStorm = lazy(() => import('../bench-hook/packet-storm'));
/** The lesson map, the first-visit offer and a bad lesson's problems: loaded once a lesson is wanted. */
const LessonLayer = lazy(() => import('../lesson/lesson-layer'));

export function App() {
  usePlayback();
  useTheme();
  usePresenterShortcuts();
  const embed = useViewStore((s) => s.embed);
  const presenter = useViewStore((s) => s.presenter);
  const table = useViewStore((s) => s.tableView);
  const lessonCode = useLessonModeStore((s) => s.wanted);
  const inLesson = useLessonModeStore((s) => s.id !== null);
  const controls = useViewStore((s) => s.embedOptions.controls);
  const narrow = useMedia(NARROW);
  return (
    <LazyMotion features={domAnimation} strict>
      <div className={`app${inLesson ? ' is-lesson' : ''}${embed ? ' app--embed' : ''}`}>
        {embed ? <EmbedBar /> : presenter ? <PresenterBar /> : <TopBar narrow={narrow} />}
        <LinkAlert />
        <NoticeBar />
        {embed || presenter ? (
          <Stage mode={embed ? 'embed' : 'presenter'} />
        ) : narrow ? (
          <TabbedWorkspace />
        ) : (
          <main className="workspace">
            <aside className="pane left-pane">
              <LeftPaneContent editor={<EditorPane />} />
              {!inLesson && <RequestBar />}
            </aside>
            {table ? <TableView /> : <ClusterGraph />}
            {inLesson ? (
              // During a lesson the left pane is the lesson's: the request bar moves above the hops.
              <div className="right-stack">
                <RequestBar />
                <InspectorPane />
              </div>
            ) : (
              <InspectorPane />
            )}
            <TransportBar />
            <Dock />
          </main>
        )}
        {embed && <HopCaption />}
        {embed && controls && <TransportBar />}
        {presenter && !embed && <Captions />}
        {lessonCode && (
          <Suspense>
            <LessonLayer />
          </Suspense>
        )}
        {BENCH && (
          <Suspense>
            <PacketStorm />
          </Suspense>
        )}
      </div>
    </LazyMotion>
  );
}
