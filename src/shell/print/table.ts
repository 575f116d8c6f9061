/**
 * kubectl's table layout: cells separated by a tabwriter with minwidth 6,
 * padding 3 and spaces, the last column not padded.
 * Mirrors k8s.io/cli-runtime pkg/printers/tabwriter.go (GetNewTabWriter).
 */
const MIN_WIDTH = 6;
const PADDING = 3;

export function formatTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const cols = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < cols - 1; c++) {
    const widest = Math.max(...rows.map((r) => (r[c] ?? '').length));
    widths.push(Math.max(widest + PADDING, MIN_WIDTH));
  }
  return rows
    .map((r) => r.map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c]!) : cell)).join(''))
    .join('\n') + '\n';
}
