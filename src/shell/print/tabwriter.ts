/**
 * Go's text/tabwriter for the settings kubectl uses: cells end at a tab, the
 * last cell of a line is not a cell, and a column is as wide as its widest
 * cell plus padding within each run of consecutive lines that have that
 * column (so a line without it starts a new block).
 * Mirrors go/src/text/tabwriter/tabwriter.go (format, writeLines).
 */
export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

export function tabwrite(text: string, opts: TabwriterOptions): string {
  const trailingNewline = text.endsWith('\n');
  const lines = (trailingNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let s = '';
      cells.forEach((cell, j) => {
        s += cell;
        if (j < cells.length - 1 && j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - cell.length));
      });
      out.push(s);
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(start, i);
      start = i;
      let width = opts.minWidth;
      for (; i < line1; i++) {
        const cells = lines[i]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, cells[column]!.length + opts.padding);
      }
      widths.push(width);
      format(start, i);
      widths.pop();
      start = i;
      i--;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (trailingNewline ? '\n' : '');
}
