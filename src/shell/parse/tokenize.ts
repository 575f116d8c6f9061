/**
 * Splits a command line the way bash's reader does for the commands we run: words,
 * single and double quotes, backslash escapes, `|`, `;`, `&&`, `||` as separators, and
 * redirections (`>`, `>>`, `2>`, `2>&1`, `&>`, `<`: the next word is the target).
 *
 * A word keeps its parts unexpanded (literal text, `$NAME`/`${NAME...}`, `$(...)` and
 * backquotes, `$((...))`), each marked quoted or not, so the shell can expand it when the
 * command runs (bash expands a command's words just before running it, so `A=1; echo $A`
 * sees the assignment) and split only unquoted expansions into fields. No globbing.
 */

/** A redirection: `fd op target`, the target being the next word (`2>&1`: fd 2, op '>&', target "1"). */
export interface Redirection {
  kind: 'redir';
  /** The file descriptor redirected; 'both' for `&>` (stdout and stderr). */
  fd: number | 'both';
  op: '>' | '>>' | '>&' | '<';
}

/** `${NAME}` operators this shell expands (bash's and ash's parameter expansion). */
export type ParamOp = ':-' | '-' | ':+' | '+' | ':=' | '=' | '#len';

export type Part =
  /** Literal text after quote removal; `q` when it was quoted (an assignment's NAME= must not be). */
  | { k: 'lit'; s: string; q: boolean }
  /** `$NAME`, `$?`, `${NAME}`, `${NAME:-word}`, `${#NAME}`; `bad` when bash would say "bad substitution". */
  | { k: 'param'; name: string; q: boolean; raw: string; op?: ParamOp; arg?: string; bad?: boolean }
  /** `$(...)` or `` `...` ``: the command line inside. */
  | { k: 'cmd'; src: string; q: boolean; raw: string }
  /** `$((...))`: the expression inside. */
  | { k: 'arith'; src: string; q: boolean; raw: string };

export interface Word {
  kind: 'word';
  /** The word after quote removal, `$` expansions as typed (or expanded with tokenize's vars). */
  value: string;
  parts: Part[];
}

export type Token = Word | { kind: 'op'; value: '|' | ';' | '&&' | '||' } | Redirection;

export class ParseError extends Error {}

export type Variables = (name: string) => string | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** The index just past the `)` that closes the `(` at line[open], skipping quotes; -1 when unclosed. */
export function closingParen(line: string, open: number): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') i++;
    else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
      if (i >= line.length) return -1;
    } else if (c === '`') {
      const end = line.indexOf('`', i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

const PARAM_OPS: ParamOp[] = [':-', ':+', ':=', '-', '+', '='];

/** The inside of `${...}`: NAME, a special parameter, #NAME, or NAME followed by an operator and a word. */
function braced(inner: string, q: boolean, raw: string): Part {
  const special = /^([?#$!@*0-9-])$/.exec(inner);
  if (special) return { k: 'param', name: special[1]!, q, raw };
  if (inner.startsWith('#') && NAME.exec(inner.slice(1))?.[0] === inner.slice(1)) return { k: 'param', name: inner.slice(1), q, raw, op: '#len' };
  const name = NAME.exec(inner)?.[0] ?? /^[?#$!@*0-9]/.exec(inner)?.[0];
  if (!name) return { k: 'param', name: inner, q, raw, bad: true };
  const rest = inner.slice(name.length);
  if (rest === '') return { k: 'param', name, q, raw };
  const op = PARAM_OPS.find((o) => rest.startsWith(o));
  if (!op) return { k: 'param', name, q, raw, bad: true };
  return { k: 'param', name, q, raw, op, arg: rest.slice(op.length) };
}

/** The `$` expansion at line[i] and the index after it; undefined for a lone `$`. */
function dollar(line: string, i: number, q: boolean): { part: Part; end: number } | undefined {
  const next = line[i + 1];
  if (next === '(') {
    if (line[i + 2] === '(') {
      const end = closingParen(line, i + 1);
      if (end > 0 && line[end - 2] === ')') return { part: { k: 'arith', src: line.slice(i + 3, end - 2), q, raw: line.slice(i, end) }, end };
    }
    const end = closingParen(line, i + 1);
    if (end < 0) throw new ParseError("unexpected EOF while looking for matching `)'");
    return { part: { k: 'cmd', src: line.slice(i + 2, end - 1), q, raw: line.slice(i, end) }, end };
  }
  if (next === '{') {
    const close = line.indexOf('}', i + 2);
    if (close < 0) throw new ParseError("unexpected EOF while looking for matching `}'");
    return { part: braced(line.slice(i + 2, close), q, line.slice(i, close + 1)), end: close + 1 };
  }
  if (next !== undefined && /[?#$!@*0-9-]/.test(next)) return { part: { k: 'param', name: next, q, raw: `$${next}` }, end: i + 2 };
  const name = NAME.exec(line.slice(i + 1))?.[0];
  return name ? { part: { k: 'param', name, q, raw: `$${name}` }, end: i + 1 + name.length } : undefined;
}

/** A backquoted command at line[i]: its text with \\, \` and \$ unescaped, and the index after it. */
function backquote(line: string, i: number, q: boolean): { part: Part; end: number } {
  let src = '';
  let j = i + 1;
  while (j < line.length && line[j] !== '`') {
    if (line[j] === '\\' && j + 1 < line.length && '\\`$'.includes(line[j + 1]!)) j++;
    src += line[j];
    j++;
  }
  if (j >= line.length) throw new ParseError('unexpected EOF while looking for matching ``\'');
  return { part: { k: 'cmd', src, q, raw: line.slice(i, j + 1) }, end: j + 1 };
}

/** The text a word's parts stand for with only `vars` to expand parameters (command substitutions stay as typed). */
export function literalValue(parts: Part[], vars?: Variables): string {
  return parts
    .map((p) => {
      if (p.k === 'lit') return p.s;
      if (p.k === 'param' && vars && !p.bad && !p.op) return vars(p.name) ?? '';
      return p.raw;
    })
    .join('');
}

export function tokenize(line: string, vars?: Variables): Token[] {
  const tokens: Token[] = [];
  let parts: Part[] = [];
  let inWord = false;
  /** Whether the word so far came only from unquoted digits (an fd before `>`, as in `2>`). */
  let bareDigits = true;
  let i = 0;
  const lit = (s: string, q: boolean) => {
    const last = parts[parts.length - 1];
    if (last?.k === 'lit' && last.q === q) last.s += s;
    else parts.push({ k: 'lit', s, q });
    inWord = true;
  };
  const text = () => (parts.length === 1 && parts[0]!.k === 'lit' ? parts[0]!.s : parts.length === 0 ? '' : undefined);
  const reset = () => {
    parts = [];
    inWord = false;
    bareDigits = true;
  };
  const flush = () => {
    if (inWord) tokens.push({ kind: 'word', value: literalValue(parts, vars), parts });
    reset();
  };
  /** `>`, `>>`, `>&`, `<` at line[at], after an optional fd. */
  const redirect = (fd: number | 'both', at: number): number => {
    const c = line[at]!;
    if (c === '<') {
      tokens.push({ kind: 'redir', fd, op: '<' });
      return at + 1;
    }
    const next = line[at + 1];
    const op = next === '>' ? '>>' : next === '&' && fd !== 'both' ? '>&' : '>';
    tokens.push({ kind: 'redir', fd, op });
    return at + (op === '>' ? 1 : 2);
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      flush();
      i++;
    } else if (c === '>' || c === '<') {
      // `2>`: an fd only when the word is nothing but unquoted digits.
      const t = text();
      const fd = inWord && bareDigits && t !== undefined && /^\d+$/.test(t) ? Number(t) : undefined;
      if (fd === undefined) flush();
      else reset();
      i = redirect(fd ?? (c === '<' ? 0 : 1), i);
    } else if (c === "'") {
      bareDigits = false;
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''");
      lit(line.slice(i + 1, end), true);
      i = end + 1;
    } else if (c === '"') {
      bareDigits = false;
      i++;
      lit('', true);
      while (i < line.length && line[i] !== '"') {
        const x = line[i] === '$' ? dollar(line, i, true) : line[i] === '`' ? backquote(line, i, true) : undefined;
        if (x) {
          parts.push(x.part);
          i = x.end;
          continue;
        }
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i++;
        lit(line[i]!, true);
        i++;
      }
      if (i >= line.length) throw new ParseError('unexpected EOF while looking for matching `"\'');
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      bareDigits = false;
      lit(line[i + 1]!, true);
      i += 2;
    } else if (c === '|' || c === ';' || c === '&') {
      flush();
      const two = line.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        tokens.push({ kind: 'op', value: two });
        i += 2;
      } else if (two === '&>') {
        i = redirect('both', i + 1);
      } else if (c === '&') {
        throw new ParseError('background jobs (&) are not supported here');
      } else {
        tokens.push({ kind: 'op', value: c as '|' | ';' });
        i++;
      }
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '$' || c === '`') {
      const x = c === '$' ? dollar(line, i, false) : backquote(line, i, false);
      bareDigits = false;
      if (x) {
        parts.push(x.part);
        inWord = true;
        i = x.end;
      } else {
        lit('$', false);
        i++;
      }
    } else {
      lit(c, false);
      i++;
    }
  }
  flush();
  return tokens;
}
