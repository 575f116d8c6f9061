import { describe, expect, it } from 'vitest';
import { humanDuration } from './age';

// Expected values follow apimachinery pkg/util/duration/duration_test.go (TestHumanDuration).
describe('humanDuration (kubectl AGE)', () => {
  const cases: [number, string][] = [
    [-2, '<invalid>'],
    [-1.5, '0s'],
    [-1, '0s'],
    [0, '0s'],
    [1, '1s'],
    [59, '59s'],
    [119, '119s'],
    [120, '2m'],
    [121, '2m1s'],
    [310, '5m10s'],
    [599, '9m59s'],
    [600, '10m'],
    [601, '10m'],
    [179 * 60 + 59, '179m'],
    [3 * 3600, '3h'],
    [3 * 3600 + 60, '3h1m'],
    [7 * 3600 + 59 * 60, '7h59m'],
    [8 * 3600, '8h'],
    [47 * 3600 + 59 * 60, '47h'],
    [48 * 3600, '2d'],
    [49 * 3600, '2d1h'],
    [191 * 3600, '7d23h'],
    [192 * 3600, '8d'],
    [365 * 2 * 86400 - 1, '729d'],
    [365 * 2 * 86400, '2y'],
    [365 * 2 * 86400 + 86400, '2y1d'],
    [365 * 8 * 86400, '8y'],
  ];
  for (const [seconds, text] of cases) {
    it(`${seconds}s prints ${text}`, () => expect(humanDuration(seconds)).toBe(text));
  }
});
