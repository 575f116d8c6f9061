/** Embed mode's only chrome: the title, the Graph/Hops tabs when narrow, and "Open in full app" (this view as a share link, without embed). */
import { useEffect, useState } from 'react';
import { buildShareUrl } from '../../share/share-link';
import { useScenarioStore } from '../stores/scenario-store';
import { useTraceStore } from '../stores/trace-store';
import { useViewStore } from '../stores/view-store';
import { collectShareState, fullAppBase } from './collect-share-state';
import { EMBED_NARROW, useMedia } from '../app/use-media';
import { PanelTabs } from '../app/panel-tabs';
import { STAGE_TABS } from '../presenter/stage';

const REFRESH_MS = 300;

/** The full-app link, kept current (debounced) as the scenario, trace and view change. */
function useFullAppHref(): string {
  const [href, setHref] = useState(fullAppBase);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const refresh = (): void => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const r = await buildShareUrl(fullAppBase(), collectShareState());
        // Too long to share: the full app still opens, with its own saved work.
        if (alive) setHref(r.ok ? r.url : fullAppBase());
      }, REFRESH_MS);
    };
    refresh();
    const unsubs = [useScenarioStore.subscribe(refresh), useTraceStore.subscribe(refresh), useViewStore.subscribe(refresh)];
    return () => {
      alive = false;
      clearTimeout(timer);
      unsubs.forEach((u) => u());
    };
  }, []);
  return href;
}

/** The link is rebuilt at the click, so it holds the hop shown now even while a trace plays. */
async function openFullApp(event: React.MouseEvent<HTMLAnchorElement>): Promise<void> {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  const r = await buildShareUrl(fullAppBase(), collectShareState());
  window.open(r.ok ? r.url : fullAppBase(), '_blank', 'noopener');
}

export function EmbedBar() {
  const href = useFullAppHref();
  const compact = useMedia(EMBED_NARROW);
  return (
    <header className="embed-bar">
      <span className="embed-bar__title">Services, seen from inside</span>
      {compact && <PanelTabs tabs={STAGE_TABS} label="Panels" />}
      <a href={href} target="_blank" rel="noopener" onClick={(e) => void openFullApp(e)}>
        Open in full app ↗
      </a>
    </header>
  );
}
