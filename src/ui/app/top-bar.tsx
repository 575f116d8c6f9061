/** The title, the cluster's name and the kube-proxy mode in force; view toggles, export and sharing. */
import { ProxyModeSwitch } from '../components/proxy-mode-switch';
import { ExportButtons } from '../export/export-buttons';
import { ResetButton } from '../persistence/reset-button';
import { PresenterToggle } from '../presenter/presenter-toggle';
import { ShareButton } from '../share/share-button';
import { useClusterStore } from '../stores/cluster-store';
import { useViewStore } from '../stores/view-store';
import { useLessonModeStore } from '../stores/lesson-mode-store';
import { ThemeToggle } from '../theme/theme-toggle';
import { MoreMenu } from './more-menu';
import './top-bar.css';

function TableViewToggle() {
  const on = useViewStore((s) => s.tableView);
  const toggle = useViewStore((s) => s.tableViewToggled);
  return (
    <button type="button" className="btn btn--quiet" aria-pressed={on} onClick={toggle}>
      Table view
    </button>
  );
}

function LessonsButton() {
  const open = useLessonModeStore((s) => s.mapOpen);
  return (
    <button type="button" className="btn top-bar__lessons" aria-haspopup="dialog" aria-expanded={open} onClick={() => useLessonModeStore.getState().mapToggled(true)}>
      Lessons
    </button>
  );
}

/** Below 1100 px the mode switch and the view, export and reset controls fold into "More". */
export function TopBar({ narrow = false }: { narrow?: boolean }) {
  const cluster = useClusterStore((s) => s.snapshot?.clusterName);
  const settings = (
    <>
      <ProxyModeSwitch />
      <TableViewToggle />
      <PresenterToggle />
      <ThemeToggle />
      <ExportButtons />
      <ResetButton />
    </>
  );
  if (narrow) {
    return (
      <header className="top-bar top-bar--narrow">
        <h1 className="top-bar__title">
          <span className="top-bar__logo" aria-hidden="true" />
          <span className="top-bar__name">Services, seen from inside</span>
        </h1>
        <LessonsButton />
        <div className="top-bar__actions">
          <MoreMenu>{settings}</MoreMenu>
          <ShareButton />
        </div>
      </header>
    );
  }
  return (
    <header className="top-bar">
      <h1 className="top-bar__title">
        <span className="top-bar__logo" aria-hidden="true" />
        Services, seen from inside
      </h1>
      <LessonsButton />
      {cluster && <span className="chip">cluster: {cluster}</span>}
      <ProxyModeSwitch />
      <div className="top-bar__actions">
        <TableViewToggle />
        <PresenterToggle />
        <ThemeToggle />
        <span className="top-bar__sep" aria-hidden="true" />
        <ExportButtons />
        <ResetButton />
        <ShareButton />
      </div>
    </header>
  );
}
