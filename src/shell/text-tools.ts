/** The small text filters people pipe kubectl into: grep, head, tail, wc -l, sort, uniq, seq. */
import { grep } from './grep';
import { err, out, type CommandResult, type ShellEnv } from './types';

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

const join = (l: string[]) => (l.length ? l.join('\n') + '\n' : '');

/** `read` opens a file the command names (the workstation's, or the pod's). */
export function textTool(name: string, args: string[], stdin: string, read: (path: string) => string | undefined = () => undefined): CommandResult | undefined {
  switch (name) {
    case 'grep':
      return grep(args, stdin, read);
    case 'head':
    case 'tail': {
      const nArg = args.find((a) => /^-\d+$/.test(a)) ?? (args.includes('-n') ? `-${args[args.indexOf('-n') + 1]}` : '-10');
      const n = Number(nArg.slice(1));
      const l = lines(stdin);
      return out(join(name === 'head' ? l.slice(0, n) : l.slice(Math.max(0, l.length - n))));
    }
    case 'wc': {
      // coreutils wc.c: the counts asked for (-l newlines, -w words, -c bytes; all three by default),
      // one alone unpadded, several right-aligned in width 7 for standard input.
      const flags = args.filter((a) => /^-[lwcm]+$/.test(a)).join('');
      const counts = [
        ['l', stdin.split('\n').length - 1],
        ['w', stdin.split(/\s+/).filter(Boolean).length],
        ['c', utf8Length(stdin)],
      ] as const;
      const chosen = flags ? counts.filter(([f]) => flags.includes(f) || (f === 'c' && flags.includes('m'))) : counts;
      return out(chosen.length === 1 ? `${chosen[0]![1]}\n` : `${chosen.map(([, n]) => String(n).padStart(7)).join(' ')}\n`);
    }
    case 'sort':
      return sort(args, stdin);
    case 'uniq': {
      const counted: [string, number][] = [];
      for (const l of lines(stdin)) {
        const last = counted[counted.length - 1];
        if (last && last[0] === l) last[1]++;
        else counted.push([l, 1]);
      }
      return out(join(args.includes('-c') ? counted.map(([l, n]) => `${String(n).padStart(7)} ${l}`) : counted.map(([l]) => l)));
    }
    case 'seq':
      return seq(args);
    default:
      return undefined;
  }
}

/** The most characters seq writes here (the line's output budget, shell.ts LINE_LIMITS.outputChars). */
const SEQ_MAX_CHARS = 1_000_000;

/** seq [FIRST [INCREMENT]] LAST, integers as coreutils' seq.c prints them (-s SEP and -w left out). */
function seq(args: string[]): CommandResult {
  const nums = args.map(Number);
  const bad = args.find((a) => !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(a));
  if (args.length === 0) return err("seq: missing operand\nTry 'seq --help' for more information.\n");
  if (bad !== undefined) return err(`seq: invalid floating point argument: '${bad}'\nTry 'seq --help' for more information.\n`);
  if (args.length > 3) return err(`seq: extra operand '${args[3]}'\nTry 'seq --help' for more information.\n`);
  const [first, step, last] = args.length === 1 ? [1, 1, nums[0]!] : args.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  if (step === 0) return err(`seq: invalid Zero increment value: '${args[1]}'\nTry 'seq --help' for more information.\n`);
  let text = '';
  for (let n = first; step > 0 ? n <= last : n >= last; n += step) {
    text += `${n}\n`;
    if (text.length > SEQ_MAX_CHARS) return { chunks: [{ stream: 'out', text }, { stream: 'err', text: `seq: stopped after ${SEQ_MAX_CHARS} characters (a limit of this simulated terminal)\n` }], exitCode: 1 };
  }
  return out(text);
}

/**
 * sort -r, -n, -u, -k N[,M], -t SEP (coreutils sort.c). Lines compare by code point, as under
 * LC_ALL=C (a terminal with a UTF-8 locale orders some punctuation differently).
 */
function sort(args: string[], stdin: string): CommandResult {
  let reverse = false;
  let numeric = false;
  let unique = false;
  let key: number | undefined;
  let sep: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-k' || a === '-t') {
      const v = args[++i];
      if (v === undefined) return err(`sort: option requires an argument -- '${a[1]}'\nTry 'sort --help' for more information.\n`, 2);
      if (a === '-k') key = parseInt(v, 10);
      else sep = v;
    } else if (/^-k\d/.test(a)) key = parseInt(a.slice(2), 10);
    else if (/^-t./.test(a)) sep = a.slice(2);
    else if (/^-[rnu]+$/.test(a)) {
      reverse ||= a.includes('r');
      numeric ||= a.includes('n');
      unique ||= a.includes('u');
    } else if (a.startsWith('-')) return err(`sort: invalid option -- '${a[1]}'\nTry 'sort --help' for more information.\n`, 2);
  }
  const field = (l: string) => {
    if (key === undefined) return l;
    const fields = sep !== undefined ? l.split(sep) : l.trim().split(/\s+/);
    return fields.slice(key - 1).join(sep ?? ' ');
  };
  const cmp = (a: string, b: string) => {
    const fa = field(a);
    const fb = field(b);
    const c = numeric ? (parseFloat(fa) || 0) - (parseFloat(fb) || 0) : 0;
    if (c !== 0) return c;
    if (numeric && unique) return 0;
    return fa < fb ? -1 : fa > fb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  let sorted = [...lines(stdin)].sort(cmp);
  if (reverse) sorted.reverse();
  if (unique) sorted = sorted.filter((l, i) => i === 0 || cmp(sorted[i - 1]!, l) !== 0);
  return out(join(sorted));
}

/** GNU cat on the workstation: the files in order, stdin for none or `-`. */
export function catFiles(args: string[], stdin: string, read: (path: string) => string | undefined): CommandResult {
  let text = '';
  let errors = '';
  const files = args.filter((a) => a !== '--');
  for (const f of files.length ? files : ['-']) {
    const content = f === '-' ? stdin : read(f);
    if (content === undefined) errors += `cat: ${f}: No such file or directory\n`;
    else text += content;
  }
  return { chunks: [...(text ? [{ stream: 'out' as const, text }] : []), ...(errors ? [{ stream: 'err' as const, text: errors }] : [])], exitCode: errors ? 1 : 0 };
}

/**
 * ls on the workstation: the folder's names in order, one a line (as `ls -1`, and as ls writes
 * to a pipe; this terminal has no width for ls's columns). Options other than -1, -a, -A are refused.
 */
export function listFiles(args: string[], env: ShellEnv): CommandResult {
  const paths = args.filter((a) => !/^-[1aA]+$/.test(a));
  const bad = paths.find((a) => a.startsWith('-') && a !== '-');
  if (bad) return err(`ls: ${bad}: this simulated ls takes -1, -a and -A only\n`, 2);
  let text = '';
  let errors = '';
  const targets = paths.length ? paths : ['.'];
  for (const p of targets) {
    const entries = env.listDir?.(p);
    if (entries === undefined) {
      if (env.readFile(p) !== undefined) text += `${p}\n`;
      else errors += `ls: cannot access '${p}': No such file or directory\n`;
      continue;
    }
    if (targets.length > 1) text += `${text ? '\n' : ''}${p}:\n`;
    text += entries.map((e) => `${e}\n`).join('');
  }
  return { chunks: [...(text ? [{ stream: 'out' as const, text }] : []), ...(errors ? [{ stream: 'err' as const, text: errors }] : [])], exitCode: errors ? 2 : 0 };
}

/** Bytes of a string in UTF-8 (the core has no TextEncoder: no DOM, no Node). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
