/**
 * Go text/template's lexer (src/text/template/parse/lex.go), for the actions kubectl's go-template
 * printer runs: text between actions, `{{- ` / ` -}}` trimming, comments, and inside an action the
 * fields, variables, identifiers, strings, raw strings, characters, numbers, `( ) | := = ,`.
 */

export type ItemType =
  | 'text' | 'leftDelim' | 'rightDelim' | 'field' | 'variable' | 'identifier' | 'string' | 'rawString' | 'char'
  | 'number' | 'bool' | 'nil' | 'dot' | 'leftParen' | 'rightParen' | 'pipe' | 'declare' | 'assign' | 'comma'
  | 'space' | 'keyword' | 'eof' | 'error';

export interface Item {
  type: ItemType;
  val: string;
  /** Byte offset in the template (UTF-16 offset here: templates are ASCII in practice). */
  pos: number;
  line: number;
}

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlnum = (c: string) => /[\p{L}\p{N}_]/u.test(c);

/** Every item of the template, ending with eof or one error item (its val the message). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let line = 1;
  const emit = (type: ItemType, start: number, end: number, startLine: number) => items.push({ type, val: input.slice(start, end), pos: start, line: startLine });
  const fail = (msg: string, at: number, atLine: number): Item[] => {
    items.push({ type: 'error', val: msg, pos: at, line: atLine });
    return items;
  };
  const countLines = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (input[i] === '\n') line++;
  };

  while (pos <= input.length) {
    // Text up to the next {{.
    const open = input.indexOf('{{', pos);
    if (open < 0) {
      if (pos < input.length) emit('text', pos, input.length, line);
      countLines(pos, input.length);
      items.push({ type: 'eof', val: '', pos: input.length, line });
      return items;
    }
    const trimLeft = input[open + 2] === '-' && isSpace(input[open + 3] ?? '');
    let textEnd = open;
    if (trimLeft) while (textEnd > pos && isSpace(input[textEnd - 1]!)) textEnd--;
    if (textEnd > pos) emit('text', pos, textEnd, line);
    countLines(pos, open);
    pos = open + 2 + (trimLeft ? 2 : 0);
    // A comment: {{/* ... */}}, alone in its action.
    if (input.startsWith('/*', pos)) {
      const close = input.indexOf('*/', pos + 2);
      if (close < 0) return fail('unclosed comment', pos, line);
      countLines(pos, close);
      pos = close + 2;
      const trimR = input.startsWith(' -}}', pos);
      if (!trimR && !input.startsWith('}}', pos)) return fail('comment ends before closing delimiter', pos, line);
      pos += trimR ? 4 : 2;
      if (trimR) {
        const start = pos;
        while (pos < input.length && isSpace(input[pos]!)) pos++;
        countLines(start, pos);
      }
      continue;
    }
    emit('leftDelim', open, open + 2, line);
    let parens = 0;
    for (;;) {
      // Right delimiter, with its trim marker.
      const trimRight = input.startsWith(' -}}', pos) || input.startsWith('\t-}}', pos) || input.startsWith('\n-}}', pos) || input.startsWith('\r-}}', pos);
      if (trimRight || input.startsWith('}}', pos)) {
        if (trimRight) {
          countLines(pos, pos + 1);
          pos += 1;
        }
        if (parens > 0) return fail('unclosed left paren', pos, line);
        emit('rightDelim', pos, pos + 2 + (trimRight ? 1 : 0), line);
        pos += trimRight ? 3 : 2;
        if (trimRight) {
          const start = pos;
          while (pos < input.length && isSpace(input[pos]!)) pos++;
          countLines(start, pos);
        }
        break;
      }
      if (pos >= input.length) return fail('unclosed action', pos, line);
      const c = input[pos]!;
      const start = pos;
      if (isSpace(c)) {
        while (pos < input.length && isSpace(input[pos]!) && !input.startsWith(' -}}', pos)) pos++;
        emit('space', start, pos, line);
        countLines(start, pos);
      } else if (c === '=') {
        emit('assign', pos, ++pos, line);
      } else if (c === ':') {
        if (input[pos + 1] !== '=') return fail('expected :=', pos, line);
        emit('declare', pos, (pos += 2), line);
      } else if (c === '|') {
        emit('pipe', pos, ++pos, line);
      } else if (c === ',') {
        emit('comma', pos, ++pos, line);
      } else if (c === '(') {
        parens++;
        emit('leftParen', pos, ++pos, line);
      } else if (c === ')') {
        parens--;
        if (parens < 0) return fail('unexpected right paren', pos, line);
        emit('rightParen', pos, ++pos, line);
      } else if (c === '"') {
        pos++;
        for (;;) {
          const ch = input[pos];
          if (ch === undefined || ch === '\n') return fail('unterminated quoted string', start, line);
          if (ch === '\\') pos += 2;
          else if (ch === '"') break;
          else pos++;
        }
        emit('string', start, ++pos, line);
      } else if (c === '`') {
        const close = input.indexOf('`', pos + 1);
        if (close < 0) return fail('unterminated raw quoted string', start, line);
        emit('rawString', start, close + 1, line);
        countLines(start, close);
        pos = close + 1;
      } else if (c === "'") {
        pos++;
        for (;;) {
          const ch = input[pos];
          if (ch === undefined || ch === '\n') return fail('unterminated character constant', start, line);
          if (ch === '\\') pos += 2;
          else if (ch === "'") break;
          else pos++;
        }
        emit('char', start, ++pos, line);
      } else if (c === '$') {
        pos++;
        while (pos < input.length && isAlnum(input[pos]!)) pos++;
        emit('variable', start, pos, line);
      } else if (c === '.') {
        const next = input[pos + 1] ?? '';
        if (/[0-9]/.test(next)) {
          pos = scanNumber(input, pos);
          emit('number', start, pos, line);
        } else if (isAlnum(next)) {
          pos++;
          while (pos < input.length && isAlnum(input[pos]!)) pos++;
          emit('field', start, pos, line);
        } else {
          emit('dot', pos, ++pos, line);
        }
      } else if (/[0-9+-]/.test(c)) {
        pos = scanNumber(input, pos);
        if (pos === start || isAlnum(input[pos] ?? '')) return fail(`bad number syntax: "${input.slice(start, pos + 1)}"`, start, line);
        emit('number', start, pos, line);
      } else if (isAlnum(c)) {
        while (pos < input.length && isAlnum(input[pos]!)) pos++;
        const word = input.slice(start, pos);
        emit(KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier', start, pos, line);
      } else {
        return fail(`unrecognized character in action: ${goQuoteRune(c)}`, pos, line);
      }
    }
  }
  items.push({ type: 'eof', val: '', pos: input.length, line });
  return items;
}

function scanNumber(input: string, start: number): number {
  const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)i?/.exec(input.slice(start));
  return start + (m ? m[0].length : 0);
}

function goQuoteRune(c: string): string {
  return c === "'" ? "'\\''" : `'${c}'`;
}
