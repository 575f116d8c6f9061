/**
 * GNU grep 3's options people pipe kubectl into (grep.c): -e (repeatable), -E, -F, -i, -v, -c,
 * -o, -w, -x, -n, -q, -l, -h/-H, -m N, -A/-B/-C N with `--` between groups that are not
 * adjacent, and `--` ending the options; patterns are basic regular expressions unless -E
 * (BRE's \( \) \| \+ \? \{ \} mean what ERE's bare ones do). Files are read with `read`.
 */
import { err, type CommandResult } from './types';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
};

/** A POSIX regular expression as a JavaScript one: BRE's escapes swapped, [[:class:]] spelled out. */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '[') {
      // A bracket expression as it stands, with its [:class:] names spelled out; ']' first is literal.
      let j = i + 1;
      let body = '';
      if (pattern[j] === '^') body += pattern[j++];
      if (pattern[j] === ']') {
        body += '\\]';
        j++;
      }
      for (; j < pattern.length && pattern[j] !== ']'; j++) {
        const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(j));
        if (cls && CLASSES[cls[1]!]) {
          body += CLASSES[cls[1]!];
          j += cls[0].length - 1;
        } else body += pattern[j] === '\\' ? '\\\\' : pattern[j];
      }
      if (j >= pattern.length) throw new Error('grep: Unmatched [, [^, [:, [., or [=');
      out += `[${body}]`;
      i = j;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if (!extended && '()|+?{}'.includes(n)) out += n;
      else if ('<>'.includes(n)) out += '\\b';
      else out += `\\${n}`;
    } else if (!extended && '()|+?{}'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

interface Options {
  patterns: string[];
  extended: boolean;
  fixed: boolean;
  ignoreCase: boolean;
  invert: boolean;
  count: boolean;
  only: boolean;
  word: boolean;
  line: boolean;
  number: boolean;
  quiet: boolean;
  list: boolean;
  filename?: boolean;
  max?: number;
  after: number;
  before: number;
  files: string[];
}

const SHORT_VALUED = new Set(['e', 'A', 'B', 'C', 'm', 'f']);
const LONG: Record<string, string> = {
  '--extended-regexp': 'E', '--fixed-strings': 'F', '--ignore-case': 'i', '--invert-match': 'v', '--count': 'c', '--only-matching': 'o',
  '--word-regexp': 'w', '--line-regexp': 'x', '--line-number': 'n', '--quiet': 'q', '--silent': 'q', '--files-with-matches': 'l',
  '--with-filename': 'H', '--no-filename': 'h', '--regexp': 'e', '--after-context': 'A', '--before-context': 'B', '--context': 'C', '--max-count': 'm',
  '--basic-regexp': 'G', '--color': '', '--colour': '',
};

function parse(args: string[]): Options | string {
  const o: Options = { patterns: [], extended: false, fixed: false, ignoreCase: false, invert: false, count: false, only: false, word: false, line: false, number: false, quiet: false, list: false, after: 0, before: 0, files: [] };
  const positional: string[] = [];
  let patternGiven = false;
  const set = (flag: string, value: string | undefined): string | undefined => {
    switch (flag) {
      case 'e':
        o.patterns.push(...value!.split('\n'));
        patternGiven = true;
        return undefined;
      case 'A':
      case 'B':
      case 'C': {
        if (!/^\d+$/.test(value!)) return `grep: ${value}: invalid context length argument\n`;
        const n = Number(value);
        if (flag !== 'B') o.after = n;
        if (flag !== 'A') o.before = n;
        return undefined;
      }
      case 'm':
        if (!/^-?\d+$/.test(value!)) return `grep: invalid max count\n`;
        o.max = Number(value);
        return undefined;
      case 'f':
        return 'grep: -f: this simulated grep reads patterns from -e and its arguments only\n';
      case 'E': o.extended = true; return undefined;
      case 'G': o.extended = false; return undefined;
      case 'F': o.fixed = true; return undefined;
      case 'i': case 'y': o.ignoreCase = true; return undefined;
      case 'v': o.invert = true; return undefined;
      case 'c': o.count = true; return undefined;
      case 'o': o.only = true; return undefined;
      case 'w': o.word = true; return undefined;
      case 'x': o.line = true; return undefined;
      case 'n': o.number = true; return undefined;
      case 'q': o.quiet = true; return undefined;
      case 'l': o.list = true; return undefined;
      case 'H': o.filename = true; return undefined;
      case 'h': o.filename = false; return undefined;
      case 's': case '': return undefined;
      default:
        return `grep: invalid option -- '${flag}'\n${USAGE}`;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(0, eq) : a;
      const flag = LONG[name];
      if (flag === undefined) return `grep: unrecognized option '${a}'\n${USAGE}`;
      let value = eq >= 0 ? a.slice(eq + 1) : undefined;
      if (SHORT_VALUED.has(flag) && value === undefined) {
        value = args[++i];
        if (value === undefined) return `grep: option '${name}' requires an argument\n${USAGE}`;
      }
      const e = set(flag, value);
      if (e) return e;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // -A2, -iv, -e PATTERN, -C 1, and GNU's -NUM for -C NUM.
      const num = /^-(\d+)$/.exec(a);
      if (num) {
        o.after = o.before = Number(num[1]);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const flag = a[j]!;
        if (SHORT_VALUED.has(flag)) {
          const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (value === undefined) return `grep: option requires an argument -- '${flag}'\n${USAGE}`;
          const e = set(flag, value);
          if (e) return e;
          break;
        }
        const e = set(flag, undefined);
        if (e) return e;
      }
      continue;
    }
    positional.push(a);
  }
  if (!patternGiven) {
    const p = positional.shift();
    if (p === undefined) return USAGE;
    o.patterns.push(...p.split('\n'));
  }
  o.files = positional;
  return o;
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

export function grep(args: string[], stdin: string, read: (path: string) => string | undefined): CommandResult {
  const o = parse(args);
  if (typeof o === 'string') return err(o, 2);
  let re: RegExp;
  try {
    const alternatives = o.patterns.map((p) => (o.fixed ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : posixToJs(p, o.extended)));
    let source = alternatives.map((a) => `(?:${a})`).join('|');
    if (o.word) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
    if (o.line) source = `^(?:${source})$`;
    re = new RegExp(source, o.ignoreCase ? 'gi' : 'g');
  } catch (e) {
    const text = e instanceof Error && e.message.startsWith('grep:') ? e.message : 'grep: Unmatched ( or \\(';
    return err(`${text}\n`, 2);
  }
  const inputs = o.files.length ? o.files.map((f) => ({ name: f === '-' ? '(standard input)' : f, text: f === '-' ? stdin : read(f) })) : [{ name: '(standard input)', text: stdin }];
  const prefixNames = o.filename ?? inputs.length > 1;
  let out = '';
  let errs = '';
  let any = false;
  let missing = false;
  for (const input of inputs) {
    if (input.text === undefined) {
      errs += `grep: ${input.name}: No such file or directory\n`;
      missing = true;
      continue;
    }
    const all = lines(input.text);
    const matches = (l: string) => {
      re.lastIndex = 0;
      return re.test(l) !== o.invert;
    };
    const prefix = (n: number, sep: string) => `${prefixNames ? `${input.name}${sep}` : ''}${o.number ? `${n + 1}${sep}` : ''}`;
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    let body = '';
    for (let n = 0; n < all.length; n++) {
      const l = all[n]!;
      if (o.max !== undefined && count >= o.max) {
        // After the last match grep still prints its trailing context.
        if (afterLeft > 0 && !matches(l)) {
          body += `${prefix(n, '-')}${l}\n`;
          lastPrinted = n;
          afterLeft--;
          continue;
        }
        break;
      }
      if (matches(l)) {
        count++;
        if (o.count || o.quiet || o.list) continue;
        const from = Math.max(n - o.before, lastPrinted + 1);
        if ((o.before || o.after) && lastPrinted >= 0 && from > lastPrinted + 1) body += '--\n';
        for (let b = from; b < n; b++) body += `${prefix(b, '-')}${all[b]}\n`;
        if (o.only && !o.invert) {
          re.lastIndex = 0;
          for (const m of l.matchAll(re)) if (m[0] !== '') body += `${prefix(n, ':')}${m[0]}\n`;
        } else if (!o.only) body += `${prefix(n, ':')}${l}\n`;
        lastPrinted = n;
        afterLeft = o.after;
      } else if (afterLeft > 0) {
        body += `${prefix(n, '-')}${l}\n`;
        lastPrinted = n;
        afterLeft--;
      }
    }
    if (count > 0) any = true;
    if (o.quiet) continue;
    if (o.list) {
      if (count > 0) out += `${input.name}\n`;
    } else if (o.count) out += `${prefixNames ? `${input.name}:` : ''}${count}\n`;
    else out += body;
  }
  if (o.quiet && any) return { chunks: errs ? [{ stream: 'err', text: errs }] : [], exitCode: 0 };
  const chunks = [...(out ? [{ stream: 'out' as const, text: out }] : []), ...(errs ? [{ stream: 'err' as const, text: errs }] : [])];
  return { chunks, exitCode: missing ? 2 : any ? 0 : 1 };
}
