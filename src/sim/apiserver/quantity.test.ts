/**
 * Quantities as the API server stores them: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go
 * (ParseQuantity, CanonicalizeBytes, AsCanonicalBytes, AsCanonicalBase1024Bytes) after the
 * RoundUp(-3) of SetDefaults_ResourceList (pkg/apis/core/v1/defaults.go).
 */
import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from './quantity';

const value = (q: string) => {
  const r = canonicalQuantity(q);
  return 'value' in r ? r.value : r.error;
};

describe('canonicalQuantity', () => {
  it('keeps canonical forms as they are', () => {
    for (const q of ['100m', '1', '250m', '64Mi', '1Gi', '128Ki', '2', '0']) expect(value(q)).toBe(q);
  });

  it('moves decimal values to the largest exponent that is a multiple of three', () => {
    expect(value('0.5')).toBe('500m');
    expect(value('1000m')).toBe('1');
    expect(value('1.5k')).toBe('1500');
    expect(value('1000')).toBe('1k');
    expect(value('2000M')).toBe('2G');
    expect(value('1e3')).toBe('1e3');
    expect(value('1.5e3')).toBe('1500');
  });

  it('rounds up to milli units', () => {
    expect(value('0.0001')).toBe('1m');
    expect(value('100.5m')).toBe('101m');
  });

  it('shows binary values in the largest unit that divides them, and small or fractional ones as decimal', () => {
    expect(value('1024Mi')).toBe('1Gi');
    expect(value('1536Mi')).toBe('1536Mi');
    expect(value('0.5Gi')).toBe('512Mi');
    expect(value('0.5Ki')).toBe('512');
    expect(value('1Ki')).toBe('1Ki');
  });

  it('answers ParseQuantity\'s errors', () => {
    expect(value('abc')).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(value('100Mb')).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(value('1.2.3')).toBe('unable to parse numeric part of quantity');
    expect(value('1MM')).toBe("unable to parse quantity's suffix");
  });
});
