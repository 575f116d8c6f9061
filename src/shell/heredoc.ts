/**
 * Here-documents as bash reads them (bash manual, "Here Documents"): a line with
 * `<<WORD` (or `<<-WORD`, `<<'WORD'`, `<<"WORD"`) is not run until the lines after it,
 * up to one that is exactly WORD, have been read; those lines are the command's
 * standard input. `<<-` strips leading tabs from the body and the delimiter line; an
 * unquoted WORD lets `$NAME` and `${NAME}` expand in the body, a quoted one keeps it
 * literal. Several here-documents on one line are read one after the other.
 * Tutorials write `kubectl apply -f - <<EOF` and `cat <<EOF | kubectl apply -f -`.
 */

export interface HeredocOp {
  /** Where `<<...WORD` sits in the line: [start, end). */
  start: number;
  end: number;
  word: string;
  stripTabs: boolean;
  quoted: boolean;
}

/** The here-document operators of a line, outside quotes and comments (`<<<` is a here-string, not one). */
export function heredocOps(line: string): HeredocOp[] {
  const ops: HeredocOp[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') i++;
    else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return ops;
      i = end;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return ops;
    else if (line.startsWith('<<<', i)) i += 2;
    else if (c === '<' && line[i + 1] === '<') {
      const m = /^<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|([^\s;|&<>()]+))/.exec(line.slice(i));
      if (!m) continue;
      const quotedWord = m[2] ?? m[3];
      const word = quotedWord ?? m[4]!.replace(/\\(.)/g, '$1');
      ops.push({ start: i, end: i + m[0].length, word, stripTabs: m[1] === '-', quoted: quotedWord !== undefined || /\\/.test(m[4] ?? '') });
      i += m[0].length - 1;
    }
  }
  return ops;
}

/** Reads a line's here-documents from the lines typed after it, one line at a time. */
export class HeredocReader {
  private readonly bodies: string[] = [];
  private current: string[] = [];

  constructor(
    readonly line: string,
    private readonly ops: HeredocOp[],
  ) {}

  /** Takes the next typed line; true once every here-document has been read. */
  take(typed: string): boolean {
    const op = this.ops[this.bodies.length]!;
    const text = op.stripTabs ? typed.replace(/^\t+/, '') : typed;
    if (text === op.word) {
      this.bodies.push(this.current.map((l) => `${l}\n`).join(''));
      this.current = [];
    } else this.current.push(text);
    return this.bodies.length === this.ops.length;
  }

  /**
   * The line with each `<<WORD` turned into `< PATH` of its body, and the bodies by path
   * (expanded with `lookup` when the word was unquoted).
   */
  finish(pathOf: (n: number) => string, lookup: (name: string) => string | undefined): { line: string; files: Map<string, string> } {
    const files = new Map<string, string>();
    let line = '';
    let from = 0;
    this.ops.forEach((op, n) => {
      const path = pathOf(n);
      files.set(path, op.quoted ? this.bodies[n]! : expandBody(this.bodies[n]!, lookup));
      line += `${this.line.slice(from, op.start)}< ${path}`;
      from = op.end;
    });
    return { line: line + this.line.slice(from), files };
  }
}

/** `$NAME` and `${NAME}` in an unquoted here-document; `\$` stays a `$`. */
function expandBody(body: string, lookup: (name: string) => string | undefined): string {
  return body.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?)/g, (all, braced: string | undefined, bare: string | undefined) =>
    all === '\\$' ? '$' : (lookup((braced ?? bare)!) ?? ''),
  );
}
