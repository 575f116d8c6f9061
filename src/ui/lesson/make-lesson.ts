/**
 * "Make a lesson from this scenario": a lesson file whose start is the
 * scenario on screen, with one example step for the teacher to rewrite.
 * It passes the schema as written, so it opens at once.
 */
import { stringify } from 'yaml';

export function lessonFromScenario(scenario: string, clusterConfig: string | null): string {
  const lesson = {
    id: 'my-lesson',
    title: 'My lesson',
    track: 'My lessons',
    order: 1000,
    minutes: 5,
    concepts: ['services'],
    summary: 'What the learner will understand at the end, in one sentence.',
    start: { scenario, ...(clusterConfig ? { cluster: clusterConfig } : {}), seed: 1 },
    steps: [
      {
        title: 'Look at the pods',
        text: 'Say what to look at and what to do, in two or three short sentences.\n',
        chips: [{ run: 'kubectl get pods -o wide' }],
        tasks: [{ title: 'List the pods with their IPs', goal: { command: { verb: 'get', resource: 'pods' } } }],
        hints: ['Type `kubectl get pods -o wide` in the terminal.'],
        solution: [{ run: 'kubectl get pods -o wide' }],
      },
    ],
  };
  const header =
    '# A lesson for "Kubernetes Services, seen from inside".\n' +
    '# The format and the goals: lessons/README.md in the project.\n' +
    '# Check it with: npm run -s sim -- --lesson my-lesson.yaml --solve\n';
  return header + stringify(lesson, { lineWidth: 0, blockQuote: 'literal' });
}
