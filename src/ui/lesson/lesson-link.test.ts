import { describe, expect, it } from 'vitest';
import { lessonLink, parseLessonLink } from './lesson-link';

describe('lesson links', () => {
  it('reads the lesson and the 1-based step', () => {
    expect(parseLessonLink('#lesson=why-services&step=3')).toEqual({ id: 'why-services', step: 2 });
    expect(parseLessonLink('#lesson=why-services')).toEqual({ id: 'why-services' });
    expect(parseLessonLink('#lesson=why-services&step=0')).toEqual({ id: 'why-services' });
  });

  it('is no lesson link otherwise', () => {
    expect(parseLessonLink('#v1=abc')).toBeNull();
    expect(parseLessonLink('')).toBeNull();
    expect(parseLessonLink('#lesson=../../etc')).toBeNull();
  });

  it('round-trips', () => {
    expect(parseLessonLink(new URL(lessonLink('http://x/', 'dns-names', 4)).hash)).toEqual({ id: 'dns-names', step: 4 });
  });
});
