import { describe, expect, it } from 'vitest';
import { commandForKey, nextSpeed } from './shortcuts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null, ...extra });

describe('presenter shortcuts', () => {
  it('map the playback keys', () => {
    expect(commandForKey(key(' '))).toBe('toggle-play');
    expect(commandForKey(key('ArrowLeft'))).toBe('step-back');
    expect(commandForKey(key('ArrowRight'))).toBe('step-forward');
    expect(commandForKey(key('Home'))).toBe('reset');
    expect(commandForKey(key('+'))).toBe('faster');
    expect(commandForKey(key('-'))).toBe('slower');
    expect(commandForKey(key('x'))).toBeNull();
    expect(commandForKey(key('ArrowRight', { ctrlKey: true }))).toBeNull();
  });

  it('step the speed along the transport bar list, stopping at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(4, 1)).toBe(4);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
  });
});
