import { describe, expect, it } from 'vitest';
import { toMarkers } from './markers';

const text = { getLineCount: () => 10, getLineMaxColumn: () => 21 };
const severity = { Error: 8, Warning: 4 };

describe('toMarkers', () => {
  it('keeps 1-based positions and maps severities', () => {
    const [m] = toMarkers([{ startLine: 3, startColumn: 5, endLine: 3, endColumn: 10, message: 'bad', severity: 'warning' }], text, severity);
    expect(m).toMatchObject({ startLineNumber: 3, startColumn: 5, endLineNumber: 3, endColumn: 10, message: 'bad', severity: 4 });
  });

  it('clamps lines past the end and widens a zero-width range to the line end', () => {
    const [m] = toMarkers([{ startLine: 40, startColumn: 1, endLine: 40, endColumn: 1, message: 'x', severity: 'error' }], text, severity);
    expect(m).toMatchObject({ startLineNumber: 10, endLineNumber: 10, startColumn: 1, endColumn: 21, severity: 8 });
  });
});
