/** "Export PNG" and "Export SVG": the canvas as a picture, for slides and notes. */
import { useState } from 'react';
import { useViewStore } from '../stores/view-store';
import { canvasToSvg, svgToPng } from './canvas-svg';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const findCanvas = (): HTMLElement | null =>
  document.querySelector<HTMLElement>('[aria-label="Cluster graph"] .graph-canvas');

export function ExportButtons() {
  const table = useViewStore((s) => s.tableView);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'png' | 'svg'): Promise<void> => {
    setError(null);
    const canvas = findCanvas();
    if (!canvas) return setError('Nothing to export: the canvas is not shown.');
    try {
      const picture = canvasToSvg(canvas);
      const blob = kind === 'svg' ? new Blob([picture.svg], { type: 'image/svg+xml' }) : await svgToPng(picture);
      download(blob, `cluster.${kind}`);
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label="Export the canvas">
      <span className="export-buttons__label" aria-hidden="true">Export</span>
      <button type="button" className="btn btn--quiet" aria-label="Export PNG" title="Export the canvas as PNG" disabled={table} onClick={() => void run('png')}>
        PNG
      </button>
      <button type="button" className="btn btn--quiet" aria-label="Export SVG" title="Export the canvas as SVG" disabled={table} onClick={() => void run('svg')}>
        SVG
      </button>
      {error && <span role="alert" className="export-buttons__error">{error}</span>}
    </div>
  );
}
