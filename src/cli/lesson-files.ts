/** The built-in lessons as Node reads them: every `lessons/*.yaml` beside src/. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson, type ParsedLesson } from '../lessons/parse-lesson';

export const LESSONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../lessons');

export interface LessonFile {
  /** The file name, as problems name it ("lessons/01-why-services.yaml"). */
  file: string;
  text: string;
  parsed: ParsedLesson;
}

export function readLessonFiles(dir = LESSONS_DIR): LessonFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const file = `lessons/${basename(f)}`;
      return { file, text, parsed: parseLesson(text, file) };
    });
}
