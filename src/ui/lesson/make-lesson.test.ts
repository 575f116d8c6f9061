import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../../sim/scenario/default-scenario';
import { parseLesson } from '../../lessons/parse-lesson';
import { lessonFromScenario } from './make-lesson';

describe('lessonFromScenario', () => {
  it('makes a lesson that passes the schema', () => {
    const text = lessonFromScenario(DEFAULT_SCENARIO_YAML, null);
    const parsed = parseLesson(text, 'my-lesson.yaml');
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (parsed.ok) expect(parsed.lesson.start.scenario).toBe(DEFAULT_SCENARIO_YAML);
  });

  it('keeps the cluster config', () => {
    const cfg = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: ipvs\n';
    const parsed = parseLesson(lessonFromScenario(DEFAULT_SCENARIO_YAML, cfg), 'x.yaml');
    expect(parsed.ok && parsed.lesson.start.cluster).toBe(cfg);
  });
});
