/**
 * Splits a command line the way bash would for the commands we run: words,
 * single and double quotes, backslash escapes, and `|`, `;`, `&&`, `||` as
 * separators, and redirections (`>`, `>>`, `2>`, `2>&1`, `&>`, `<`: the next word is the target).
 * No globbing; `$NAME` and `${NAME}` expand (outside single quotes) when
 * the caller gives variables (a pod's sh has its container's environment).
 */

/** A redirection: `fd op target`, the target being the next word (`2>&1`: fd 2, op '>&', target "1"). */
export interface Redirection {
  kind: 'redir';
  /** The file descriptor redirected; 'both' for `&>` (stdout and stderr). */
  fd: number | 'both';
  op: '>' | '>>' | '>&' | '<';
}

export type Token = { kind: 'word'; value: string } | { kind: 'op'; value: '|' | ';' | '&&' | '||' } | Redirection;

export class ParseError extends Error {}

export type Variables = (name: string) => string | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** `$NAME` or `${NAME}` at line[i]: the value (empty when unset) and how far it reached; undefined for a lone `$`. */
function expansion(line: string, i: number, vars: Variables): { value: string; end: number } | undefined {
  if (line[i + 1] === '{') {
    const close = line.indexOf('}', i + 2);
    if (close < 0) throw new ParseError('${: bad substitution');
    return { value: vars(line.slice(i + 2, close)) ?? '', end: close + 1 };
  }
  const name = NAME.exec(line.slice(i + 1))?.[0];
  return name ? { value: vars(name) ?? '', end: i + 1 + name.length } : undefined;
}

export function tokenize(line: string, vars?: Variables): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  /** Whether the word so far came only from unquoted digits (an fd before `>`, as in `2>`). */
  let bareDigits = true;
  let i = 0;
  const flush = () => {
    if (inWord) tokens.push({ kind: 'word', value: word });
    word = '';
    inWord = false;
    bareDigits = true;
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
    if (c === ' ' || c === '\t') {
      flush();
      i++;
    } else if (c === '>' || c === '<') {
      // `2>`: an fd only when the word is nothing but unquoted digits.
      const fd = inWord && bareDigits && /^\d+$/.test(word) ? Number(word) : undefined;
      if (fd === undefined) flush();
      else {
        word = '';
        inWord = false;
        bareDigits = true;
      }
      i = redirect(fd ?? (c === '<' ? 0 : 1), i);
    } else if (c === "'") {
      bareDigits = false;
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      bareDigits = false;
      i++;
      inWord = true;
      while (i < line.length && line[i] !== '"') {
        const x = vars && line[i] === '$' ? expansion(line, i, vars) : undefined;
        if (x) {
          word += x.value;
          i = x.end;
          continue;
        }
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i++;
        word += line[i];
        i++;
      }
      if (i >= line.length) throw new ParseError('unexpected EOF while looking for matching `"\'');
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      bareDigits = false;
      word += line[i + 1];
      inWord = true;
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
    } else if (c === '$' && vars && expansion(line, i, vars)) {
      const x = expansion(line, i, vars)!;
      bareDigits = false;
      word += x.value;
      inWord = true;
      i = x.end;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return tokens;
}
