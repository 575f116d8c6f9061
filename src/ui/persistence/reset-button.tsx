/** "Reset to default scenario": forget the saved work and start over from the built-in scenario. */
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../../sim/scenario/default-scenario';
import { loadScenario } from '../app/sim-actions';
import { restoreSavedRequests } from '../share/collect-share-state';
import { clearSavedWork } from './saved-work';
import { useLessonModeStore } from '../stores/lesson-mode-store';

export async function resetToDefault(): Promise<void> {
  clearSavedWork();
  restoreSavedRequests([]);
  await loadScenario({ yaml: DEFAULT_SCENARIO_YAML, seed: DEFAULT_SEED });
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
