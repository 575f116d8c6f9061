/**
 * The build refuses a lesson that does not pass the schema, naming its file,
 * field and line (the app bundles lessons/*.yaml as they are).
 */
import { readLessonFiles } from '../src/cli/lesson-files';
import { formatProblem } from '../src/lessons/parse-lesson';

const files = readLessonFiles();
const problems = files.flatMap((f) => (f.parsed.ok ? [] : f.parsed.problems.map(formatProblem)));
if (problems.length) {
  console.error(`lessons that do not pass the schema:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`lessons: ${files.length} checked`);
