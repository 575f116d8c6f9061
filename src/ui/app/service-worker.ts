/**
 * The service worker (built by vite-plugin-pwa: it precaches every file of the
 * build, a few MB) is registered once the first graph is on screen: its install
 * downloads and stores those files, which would otherwise compete with the
 * simulation worker's start and delay the canvas on a first visit.
 */
import { clusterAnswered, useClusterStore } from '../stores/cluster-store';

const IDLE_TIMEOUT_MS = 3000;

function register(): void {
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    // Offline use is a bonus: a browser that refuses it runs the app from the network.
  });
}

/** Registers after the cluster's first answer has painted, when the page is idle. */
export function registerServiceWorkerLater(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const whenIdle = (): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(register, 0);
  };
  if (clusterAnswered(useClusterStore.getState())) return whenIdle();
  const stop = useClusterStore.subscribe((s) => {
    if (!clusterAnswered(s)) return;
    stop();
    // The frame that paints the graph first, then the idle time after it.
    requestAnimationFrame(() => setTimeout(whenIdle, 0));
  });
}
