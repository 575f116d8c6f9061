/**
 * A CoreDNS pod's life with its Corefile, computed from the pod's start, the history of the
 * coredns ConfigMap's Corefile and the clock (deterministic: the jitters are drawn from the
 * pod's uid, not from a clock).
 *
 * Two delays stand between an edit and CoreDNS using it:
 * 1. The kubelet rewrites a ConfigMap volume only when it syncs the pod: a running pod is
 *    resynced every syncFrequency (1m) with wait.Jitter's factor 0.5 (k/k pkg/kubelet/pod_workers.go
 *    wrapUp: wait.Jitter(resyncInterval, workerResyncIntervalJitterFactor)), so 60 to 90 s apart; the
 *    file changes at the first sync after the edit (the ConfigMap docs: "as long as the kubelet
 *    sync period + cache propagation delay").
 * 2. The reload plugin reads the file on a ticker: 30 s plus a jitter drawn once per instance in
 *    [-7.5 s, 7.5 s) (plugin/reload/setup.go: defaultInterval 30s, defaultJitter 15s,
 *    rand.Int63n(j) - j/2). A tick whose file digest differs reloads (caddy.go Restart: "[INFO]
 *    Reloading", the new instance's "plugin/reload: Running configuration SHA512 = ...", "[INFO]
 *    Reloading complete"; its ticker starts again with a new jitter). A file that does not parse
 *    logs "[WARNING] plugin/reload: Corefile parse failed: ..." on every tick; one that parses
 *    but fails to set up logs Restart's "[ERROR] Restart failed: ..." and the plugin's
 *    "[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file
 *    descriptors: ..." once, and the old configuration keeps serving (plugin/reload/reload.go).
 * Departure: a pod that starts with a Corefile that fails to set up would crash-loop; here it
 * starts with the last Corefile of the history that sets up.
 */
import { corefileDigest, CorefileError } from './corefile';
import { setupCorefile, type CorednsConfig } from './corefile-config';

/** Repeated parse warnings kept per pod (the simulator's bound; a real log keeps them all until it rotates). */
export const RELOAD_LINES_KEPT = 500;

export interface CorefileVersion {
  /** Simulation time of the write. */
  at: number;
  text: string;
}

export interface LogLine {
  at: number;
  text: string;
}

export interface RunningCoredns {
  text: string;
  digest: string;
  config: CorednsConfig;
  /** What the reload plugin logged since the start (the start lines themselves excluded). */
  lines: LogLine[];
}

/** A deterministic fraction in [0, 1) for (key, n): FNV-1a then a murmur finalizer. */
export function fraction(key: string, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const textAt = (history: CorefileVersion[], t: number): string | undefined => {
  let found: string | undefined;
  for (const v of history) if (v.at <= t) found = v.text;
  return found;
};

type Setup = { config: CorednsConfig; digest: string } | { error: string; digest?: string };
const SETUPS = new Map<string, Setup>();

/** The digest and the set-up configuration of a Corefile text (memoized: Corefiles are few). */
export function setupOf(text: string): Setup {
  let s = SETUPS.get(text);
  if (!s) {
    const d = corefileDigest(text);
    if ('error' in d) s = { error: d.error };
    else {
      try {
        s = { config: setupCorefile(text), digest: d.digest };
      } catch (e) {
        if (!(e instanceof CorefileError)) throw e;
        s = { error: e.message, digest: d.digest };
      }
    }
    if (SETUPS.size > 200) SETUPS.clear();
    SETUPS.set(text, s);
  }
  return s;
}

/** `reload [INTERVAL] [JITTER]`'s ticker period for an instance, in seconds. */
function reloadPeriod(config: CorednsConfig, key: string, instance: number): number {
  const [interval, jitter] = [config.reloadInterval ?? 30, config.reloadJitter ?? 15];
  const j = Math.min(jitter, interval / 2);
  return interval + (fraction(key, 1000 + instance) * j - j / 2);
}

/** The kubelet's syncs of the pod after its start: 60 to 90 s apart. */
function* kubeletSyncs(key: string, started: number): Generator<number> {
  let t = started;
  for (let k = 0; ; k++) {
    t += 60 + 30 * fraction(key, k);
    yield t;
  }
}

/**
 * The pod's CoreDNS at `now`: what it runs and what the reload plugin logged. `key` is the
 * pod's uid (the jitters' seed), `history` the ConfigMap's Corefile by time, oldest first.
 */
export function corednsAt(key: string, started: number, history: CorefileVersion[], now: number): RunningCoredns {
  const startText = startingText(history, started);
  const first = setupOf(startText) as { config: CorednsConfig; digest: string };
  let running: RunningCoredns = { text: startText, digest: first.digest, config: first.config, lines: [] };
  // The file the pod sees: the ConfigMap as of the kubelet's last sync (or the start).
  const syncs = kubeletSyncs(key, started);
  let nextSync = syncs.next().value as number;
  let lastSync = started;
  let fileText = startText;
  const fileAt = (t: number): string => {
    while (nextSync <= t) {
      fileText = textAt(history, nextSync) ?? fileText;
      lastSync = nextSync;
      nextSync = syncs.next().value as number;
    }
    return fileText;
  };
  if (!running.config.plugins.includes('reload')) return running;
  const lastEdit = history[history.length - 1]!.at;
  let lastDigest = running.digest;
  let instance = 0;
  let period = reloadPeriod(running.config, key, instance);
  let tick = started + period;
  const lines: LogLine[] = [];
  while (tick <= now) {
    const text = fileAt(tick);
    const s = setupOf(text);
    // The file holds the last edit: every tick from here on reads the same thing.
    const final = lastSync >= lastEdit;
    if (s.digest === undefined) {
      const warning = `[WARNING] plugin/reload: Corefile parse failed: ${(s as { error: string }).error}`;
      if (final) {
        // One warning a tick until now; only the last RELOAD_LINES_KEPT are kept.
        const count = Math.floor((now - tick) / period) + 1;
        for (let i = Math.max(0, count - RELOAD_LINES_KEPT); i < count; i++) lines.push({ at: tick + i * period, text: warning });
        break;
      }
      lines.push({ at: tick, text: warning });
    } else if (s.digest !== lastDigest) {
      lastDigest = s.digest;
      lines.push({ at: tick, text: '[INFO] Reloading' });
      if ('error' in s) {
        lines.push({ at: tick, text: `[ERROR] Restart failed: ${s.error}` });
        lines.push({ at: tick, text: `[ERROR] plugin/reload: Corefile changed but reload failed: starting with listener file descriptors: ${s.error}` });
      } else {
        lines.push({ at: tick, text: `[INFO] plugin/reload: Running configuration SHA512 = ${s.digest}` });
        lines.push({ at: tick, text: '[INFO] Reloading complete' });
        running = { text, digest: s.digest, config: s.config, lines };
        if (!s.config.plugins.includes('reload')) break;
        instance++;
        period = reloadPeriod(s.config, key, instance);
        tick += period;
        continue;
      }
    } else {
      // Nothing to do until the kubelet writes the next edit: skip the idle ticks.
      if (final) break;
      const nextEdit = history.find((v) => v.at > lastSync)!.at;
      while (nextSync < nextEdit) fileAt(nextSync);
      if (nextSync > tick + period) tick += Math.floor((nextSync - tick) / period) * period;
    }
    tick += period;
  }
  return { ...running, lines };
}

/** The Corefile a pod starting at `t` loads: the ConfigMap's then, or the last one before it that sets up. */
function startingText(history: CorefileVersion[], t: number): string {
  const before = history.filter((v) => v.at <= t);
  for (let i = before.length - 1; i >= 0; i--) if ('config' in setupOf(before[i]!.text)) return before[i]!.text;
  return history[0]!.text;
}
