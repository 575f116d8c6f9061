/** The cluster's diagnostics as Monaco markers (owner "k8s"), clamped to the text. */
import type { editor } from 'monaco-editor/editor/editor.api';
import type { Diagnostic } from '../../sim/view/snapshot';

export const MARKER_OWNER = 'k8s';

interface TextShape {
  getLineCount(): number;
  getLineMaxColumn(line: number): number;
}

/** Severity values come from Monaco's MarkerSeverity (Error 8, Warning 4), passed in to keep this file pure. */
export function toMarkers(diagnostics: Diagnostic[], text: TextShape, severity: { Error: number; Warning: number }): editor.IMarkerData[] {
  const clamp = (line: number): number => Math.max(1, Math.min(text.getLineCount(), line));
  return diagnostics.map((d) => {
    const startLineNumber = clamp(d.startLine);
    const endLineNumber = Math.max(startLineNumber, clamp(d.endLine));
    const zeroWidth = startLineNumber === endLineNumber && d.endColumn <= d.startColumn;
    return {
      startLineNumber,
      startColumn: Math.max(1, d.startColumn),
      endLineNumber,
      // A zero-width range draws no squiggle: widen it to the end of the line.
      endColumn: zeroWidth ? text.getLineMaxColumn(endLineNumber) : Math.max(1, d.endColumn),
      message: d.message,
      severity: d.severity === 'error' ? severity.Error : severity.Warning,
      source: 'kubectl apply',
    };
  });
}
