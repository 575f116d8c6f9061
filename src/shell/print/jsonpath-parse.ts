/**
 * The JSONPath template grammar kubectl accepts (-o jsonpath, custom-columns,
 * --sort-by): text outside braces, and inside them fields, [index/slice/union],
 * [?(filter)], .., *, quoted literals, numbers, true/false, range/end.
 * Mirrors staging/src/k8s.io/client-go/util/jsonpath/parser.go, error texts included.
 */

export interface SliceParam {
  known: boolean;
  value: number;
  /** The end of a single index ([3] is [3:4]), worked out again once the length is known. */
  derived: boolean;
}

export type JpNode =
  | { t: 'text'; text: string }
  | { t: 'list'; nodes: JpNode[] }
  | { t: 'field'; name: string }
  | { t: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { t: 'filter'; left: JpNode[]; right: JpNode[]; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; lists: JpNode[][] }
  | { t: 'ident'; name: string };

class ParseError extends Error {}

const EOF = '';
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

function isTerminator(r: string): boolean {
  return r === EOF || ' \t\r\n.,[]$@{}'.includes(r);
}

function isAlphaNumeric(r: string): boolean {
  return r !== EOF && /^[\p{L}\p{Nd}_]$/u.test(r);
}

class Parser {
  private pos = 0;
  private start = 0;
  readonly root: JpNode[] = [];

  constructor(private readonly input: string) {}

  parse(): JpNode[] {
    this.parseText();
    return this.root;
  }

  private next(): string {
    if (this.pos >= this.input.length) return EOF;
    return this.input[this.pos++]!;
  }

  private backup(r: string): void {
    if (r !== EOF) this.pos--;
  }

  private peek(): string {
    return this.pos >= this.input.length ? EOF : this.input[this.pos]!;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private parseText(): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.push({ t: 'text', text: this.consume() });
        this.pos++;
        this.consume();
        const list: JpNode[] = [];
        this.root.push({ t: 'list', nodes: list });
        this.parseInsideAction(list);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.push({ t: 'text', text: this.consume() });
  }

  private parseInsideAction(cur: JpNode[]): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos++;
        this.consume();
        this.parseText();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || r === '\r' || r === '\n') throw new ParseError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || /\d/.test(r)) {
        this.backup(r);
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup(r);
        this.parseIdentifier(cur);
      } else throw new ParseError(`unrecognized character in action: ${goRune(r)}`);
    }
  }

  private parseIdentifier(cur: JpNode[]): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consume();
    cur.push(value === 'true' || value === 'false' ? { t: 'bool', value: value === 'true' } : { t: 'ident', name: value });
  }

  private parseRecursive(cur: JpNode[]): void {
    if (cur.length > 0 && cur[cur.length - 1]!.t === 'recursive') throw new ParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.push({ t: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JpNode[]): void {
    const first = this.peek();
    if (first === '+' || first === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !/^\d$/.test(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.push({ t: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.push({ t: 'float', value: Number(value) });
    else throw new ParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: JpNode[]): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new ParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.push({ t: 'union', lists: parts.map((p) => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const key = DICT_KEY.exec(text);
    if (key) {
      cur.push(...parseAction(`.${key[1]}`));
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new ParseError(`invalid array index ${text}`);
    const params: [SliceParam, SliceParam, SliceParam] = [
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') continue;
        if (!/^-?\d+$/.test(v)) throw new ParseError(`array index ${v} is not a number`);
        params[i] = { known: true, value: Number(v), derived: false };
      } else if (i === 1) {
        params[1] = { known: true, value: params[0].value + 1, derived: true };
      }
    }
    cur.push({ t: 'array', params });
  }

  private parseFilter(cur: JpNode[]): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new ParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new ParseError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.push({ t: 'filter', left: parseAction(text), right: [], op: 'exists' });
    else cur.push({ t: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), op: m[2]! });
  }

  private parseQuote(cur: JpNode[], quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new ParseError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    const s = unquoteExtend(value);
    if (s === undefined) throw new ParseError(`unquote string ${value} error invalid syntax`);
    cur.push({ t: 'text', text: s });
  }

  private parseField(cur: JpNode[]): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.backup(r);
        break;
      }
    }
    const value = this.consume();
    cur.push(value === '*' ? { t: 'wildcard' } : { t: 'field', name: value.replaceAll('\\', '') });
  }
}

/** parseAction: one action's nodes, as if the text had been written between braces. */
function parseAction(text: string): JpNode[] {
  const root = new Parser(`{${text}}`).parse();
  const first = root[0];
  return first && first.t === 'list' ? first.nodes : [];
}

/** Go's %#U for the character the parser choked on. */
function goRune(r: string): string {
  const cp = r.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /\p{C}/u.test(r) ? hex : `${hex} '${r}'`;
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** UnquoteExtend: strconv.Unquote, for single quotes too; undefined for invalid syntax. */
function unquoteExtend(s: string): string | undefined {
  const quote = s[0];
  if (s.length < 2 || (quote !== '"' && quote !== "'") || s[s.length - 1] !== quote) return undefined;
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote) return undefined;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    if (e in ESCAPES) {
      if ((e === "'" || e === '"') && e !== quote) return undefined;
      out += ESCAPES[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else return undefined;
  }
  return out;
}

/** Parses a template; the error text is what the parser says, before kubectl wraps it. */
export function parseJsonPath(template: string): { nodes: JpNode[] } | { error: string } {
  try {
    return { nodes: new Parser(template).parse() };
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message };
    throw e;
  }
}
