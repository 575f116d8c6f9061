/** `#lesson=ID&step=N` (N 1-based, optional): a link straight to a lesson's step. */
export interface LessonLink {
  id: string;
  /** 0-based, or undefined: where the learner left it. */
  step?: number;
}

export function parseLessonLink(fragment: string): LessonLink | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const id = params.get('lesson');
  if (!id || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) return null;
  const step = Number(params.get('step'));
  return Number.isInteger(step) && step >= 1 && step <= 100 ? { id, step: step - 1 } : { id };
}

export function lessonLink(base: string, id: string, step: number): string {
  return `${base}#lesson=${encodeURIComponent(id)}&step=${step + 1}`;
}
