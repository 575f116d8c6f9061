/**
 * Splits a command line the way bash would for the commands we run: words,
 * single and double quotes, backslash escapes, and `|`, `;`, `&&`, `||` as
 * separators. No globbing or parameter expansion beyond what the shell asks for.
 */

export type Token = { kind: 'word'; value: string } | { kind: 'op'; value: '|' | ';' | '&&' | '||' };

export class ParseError extends Error {}

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const flush = () => {
    if (inWord) tokens.push({ kind: 'word', value: word });
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      flush();
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''");
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      i++;
      inWord = true;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i++;
        word += line[i];
        i++;
      }
      if (i >= line.length) throw new ParseError('unexpected EOF while looking for matching `"\'');
      i++;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[i + 1];
      inWord = true;
      i += 2;
    } else if (c === '|' || c === ';' || c === '&') {
      flush();
      const two = line.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        tokens.push({ kind: 'op', value: two });
        i += 2;
      } else if (c === '&') {
        throw new ParseError('background jobs (&) are not supported here');
      } else {
        tokens.push({ kind: 'op', value: c as '|' | ';' });
        i++;
      }
    } else if (c === '#' && !inWord) {
      break;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }
  flush();
  return tokens;
}
