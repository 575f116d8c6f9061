import { describe, expect, it } from 'vitest';
import { ParseError, tokenize } from './tokenize';

const words = (line: string) => tokenize(line).map((t) => (t.kind === 'word' ? t.value : t.kind === 'op' ? `<${t.value}>` : `<${t.fd}${t.op}>`));

describe('tokenize (bash word splitting for the commands we run)', () => {
  it('splits on blanks and keeps -- as a word', () => {
    expect(words('kubectl exec  client --\tcurl -s http://web/')).toEqual(['kubectl', 'exec', 'client', '--', 'curl', '-s', 'http://web/']);
  });

  it('joins quoted parts into one word; single quotes are literal, double quotes unescape \\" \\\\ \\$ \\`', () => {
    expect(words(`sh -c "hostname; echo hi"`)).toEqual(['sh', '-c', 'hostname; echo hi']);
    expect(words(`echo 'a "b" $c'`)).toEqual(['echo', 'a "b" $c']);
    expect(words(`echo "a \\"b\\" \\$c \\n"`)).toEqual(['echo', 'a "b" $c \\n']);
    expect(words(`echo ab'c d'"e"`)).toEqual(['echo', 'abc de']);
    expect(words(`echo ''`)).toEqual(['echo', '']);
  });

  it('a backslash outside quotes escapes the next character', () => {
    expect(words('echo a\\ b \\|')).toEqual(['echo', 'a b', '|']);
  });

  it('recognises | ; && || with or without spaces around them', () => {
    expect(words('a|b;c&&d||e')).toEqual(['a', '<|>', 'b', '<;>', 'c', '<&&>', 'd', '<||>', 'e']);
  });

  it('treats # as a comment only at the start of a word', () => {
    expect(words('echo a#b # comment')).toEqual(['echo', 'a#b']);
  });

  it('reports unclosed quotes with bash\'s message, and refuses background jobs', () => {
    expect(() => tokenize(`echo 'a`)).toThrow(new ParseError("unexpected EOF while looking for matching `''"));
    expect(() => tokenize('echo "a')).toThrow(new ParseError('unexpected EOF while looking for matching `"\''));
    expect(() => tokenize('sleep 1 &')).toThrow(ParseError);
  });
});

describe('words keep their expansions as parts', () => {
  const vars = (n: string) => ({ WEB_SERVICE_HOST: '10.96.1.2', P: '80' })[n];
  const values = (line: string, v?: typeof vars) => tokenize(line, v).map((t) => (t.kind === 'word' ? t.value : '?'));
  it('value expands $NAME and ${NAME} outside single quotes when given variables, unset names to nothing', () => {
    expect(values('echo $WEB_SERVICE_HOST:${P} "$P" \'$P\' $NOPE. $', vars)).toEqual(['echo', '10.96.1.2:80', '80', '$P', '.', '$']);
    expect(values('echo $P')).toEqual(['echo', '$P']);
  });

  it('finds the end of $(...) past quotes and nested parentheses, and of backquotes', () => {
    const [, w] = tokenize(`echo x$(kubectl get svc -o jsonpath='{.items[0].metadata.name)}' | grep "(")y`);
    expect(w).toMatchObject({ kind: 'word', parts: [{ k: 'lit', s: 'x' }, { k: 'cmd', src: `kubectl get svc -o jsonpath='{.items[0].metadata.name)}' | grep "("` }, { k: 'lit', s: 'y' }] });
    expect(tokenize('echo "$(hostname) `date`"')[1]).toMatchObject({ parts: [{ k: 'lit', s: '', q: true }, { k: 'cmd', src: 'hostname', q: true }, { k: 'lit', s: ' ', q: true }, { k: 'cmd', src: 'date', q: true }] });
    expect(tokenize('echo $((1 + (2*3)))')[1]).toMatchObject({ parts: [{ k: 'arith', src: '1 + (2*3)' }] });
    expect(() => tokenize('echo $(date')).toThrow(new ParseError("unexpected EOF while looking for matching `)'"));
  });

  it('reads ${NAME:-word}, ${#NAME} and special parameters; marks what bash calls a bad substitution', () => {
    expect(tokenize('echo ${A:-x} ${#A} $? ${?} ${a b}')).toMatchObject([
      {},
      { parts: [{ k: 'param', name: 'A', op: ':-', arg: 'x' }] },
      { parts: [{ k: 'param', name: 'A', op: '#len' }] },
      { parts: [{ k: 'param', name: '?' }] },
      { parts: [{ k: 'param', name: '?' }] },
      { parts: [{ k: 'param', raw: '${a b}', bad: true }] },
    ]);
  });

  it('reads redirections as bash does: an fd only from bare digits, the target the next word', () => {
    expect(words('cmd 2>&1')).toEqual(['cmd', '<2>&>', '1']);
    expect(words('cmd >/dev/null 2>/dev/null')).toEqual(['cmd', '<1>>', '/dev/null', '<2>>', '/dev/null']);
    expect(words('cmd &>/dev/null')).toEqual(['cmd', '<both>>', '/dev/null']);
    expect(words('cmd >> log < in')).toEqual(['cmd', '<1>>>', 'log', '<0<>', 'in']);
    expect(words('echo a2>x "2">y')).toEqual(['echo', 'a2', '<1>>', 'x', '2', '<1>>', 'y']);
    expect(words("echo '2>&1' a\\>b")).toEqual(['echo', '2>&1', 'a>b']);
  });
});
