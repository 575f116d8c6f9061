/**
 * "Reset to default scenario": start over from the built-in scenario, whatever
 * the worker is doing (a hung call included). The work replaced is kept as the
 * previous work, with the way back offered.
 */
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../../sim/scenario/default-scenario';
import { loadScenario } from '../app/sim-actions';
import { restoreSavedRequests } from '../share/collect-share-state';
import { offerPreviousWork } from './previous-work';
import { clearSavedWork, currentWork, keepAsPrevious } from './saved-work';
import { useLessonModeStore } from '../stores/lesson-mode-store';

export async function resetToDefault(): Promise<void> {
  const kept = keepAsPrevious(currentWork(), { yaml: DEFAULT_SCENARIO_YAML, clusterConfig: null, seed: DEFAULT_SEED, savedRequests: [] });
  clearSavedWork();
  restoreSavedRequests([]);
  const loaded = loadScenario({ yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED });
  if (kept) offerPreviousWork('The default scenario is back.');
  await loaded;
}

export function ResetButton() {
  const lesson = useLessonModeStore((s) => s.id !== null);
  // A lesson has its own "Reset step" in its panel.
  if (lesson) return null;
  const reset = (): void => {
    if (confirm('Replace your scenario, cluster config and saved requests with the default scenario?')) void resetToDefault();
  };
  return (
    <button type="button" className="btn btn--quiet" aria-label="Reset to default scenario" title="Reset to default scenario" onClick={reset}>
      Reset
    </button>
  );
}
