/**
 * The built-in lessons (lessons/*.yaml), bundled as text into the lazily
 * loaded lesson chunk and parsed once. The build refuses a lesson that does
 * not pass the schema (vite.config.ts), so every entry here is valid.
 */
import { parseLesson } from '../../lessons/parse-lesson';
import type { Lesson } from '../../lessons/schema';

const FILES = import.meta.glob<string>('../../../lessons/*.yaml', { query: '?raw', import: 'default', eager: true });

export interface CatalogEntry {
  lesson: Lesson;
  text: string;
  file: string;
}

export interface Track {
  name: string;
  lessons: CatalogEntry[];
}

let entries: CatalogEntry[] | null = null;

export function catalog(): CatalogEntry[] {
  if (entries) return entries;
  entries = Object.entries(FILES)
    .flatMap(([path, text]) => {
      const file = `lessons/${path.split('/').pop()}`;
      const parsed = parseLesson(text, file);
      return parsed.ok ? [{ lesson: parsed.lesson, text, file }] : [];
    })
    .sort((a, b) => a.lesson.order - b.lesson.order);
  return entries;
}

export function findLesson(id: string): CatalogEntry | undefined {
  return catalog().find((e) => e.lesson.id === id);
}

/** Lessons grouped by track, tracks in the order of their first lesson. */
export function tracks(): Track[] {
  const byName = new Map<string, Track>();
  for (const e of catalog()) {
    let t = byName.get(e.lesson.track);
    if (!t) byName.set(e.lesson.track, (t = { name: e.lesson.track, lessons: [] }));
    t.lessons.push(e);
  }
  return [...byName.values()];
}

/** The lesson after this one on the map. */
export function nextLesson(id: string): CatalogEntry | undefined {
  const all = catalog();
  const i = all.findIndex((e) => e.lesson.id === id);
  return i >= 0 ? all[i + 1] : undefined;
}
