/** The small text filters people pipe kubectl into: grep, head, tail, wc -l, sort, uniq, seq. */
import { grep } from './grep';
import { err, out, stdoutOf, type CommandResult, type OutputChunk, type ShellEnv } from './types';

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

const join = (l: string[]) => (l.length ? l.join('\n') + '\n' : '');

/** Options that take a value, per filter: their value is not a file operand. */
const VALUED: Record<string, Set<string>> = { head: new Set(['-n', '-c']), tail: new Set(['-n', '-c']), sort: new Set(['-k', '-t']) };

/** The file operands: what is neither an option nor an option's value. */
function operandsOf(name: string, args: string[]): { options: string[]; files: string[] } {
  const options: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a !== '-' && a.startsWith('-')) {
      options.push(a);
      if (VALUED[name]?.has(a) && i + 1 < args.length) options.push(args[++i]!);
    } else files.push(a);
  }
  return { options, files };
}

/** coreutils' words for a file it cannot open (head.c, wc.c, sort.c, uniq.c). */
const cannotOpen = (name: string, path: string): string =>
  name === 'head' || name === 'tail' ? `${name}: cannot open '${path}' for reading: No such file or directory\n` : name === 'sort' ? `sort: cannot read: ${path}: No such file or directory\n` : `${name}: ${path}: No such file or directory\n`;

/** `read` opens a file the command names (the workstation's, or the pod's); with no file (or `-`) the filter reads stdin. */
export function textTool(name: string, args: string[], stdin: string, read: (path: string) => string | undefined = () => undefined): CommandResult | undefined {
  if (name === 'grep') return grep(args, stdin, read);
  if (name === 'seq') return seq(args);
  if (!['head', 'tail', 'wc', 'sort', 'uniq'].includes(name)) return undefined;
  const { options, files } = operandsOf(name, args);
  if (files.length === 0) return filter(name, options, stdin);
  // A bad option or count is said once, before any file is read.
  const refused = filter(name, options, '');
  if (refused.exitCode !== 0) return refused;
  // Files are read in order; one that cannot be opened is said where it comes.
  const opened = files.map((path) => ({ path, text: path === '-' ? stdin : read(path) }));
  const inputs = opened.filter((o): o is { path: string; text: string } => o.text !== undefined);
  const chunks: OutputChunk[] = [];
  let failed = false;
  let text = '';
  let shown = 0;
  for (const { path, text: content } of opened) {
    if (content === undefined) {
      failed = true;
      if (text) chunks.push({ stream: 'out', text });
      text = '';
      chunks.push({ stream: 'err', text: cannotOpen(name, path) });
      if (name === 'sort' || name === 'uniq') return { chunks, exitCode: name === 'sort' ? 2 : 1 };
      continue;
    }
    // head and tail name each file above its lines when there are several (head.c write_header).
    if (name === 'head' || name === 'tail') {
      if (files.length > 1) text += `${shown > 0 ? '\n' : ''}==> ${path === '-' ? 'standard input' : path} <==\n`;
      text += stdoutOf(filter(name, options, content));
    } else if (name === 'wc') text += wcLine(options, path, content, files, inputs);
    shown++;
  }
  if (name === 'sort') return filter(name, options, inputs.map((i) => i.text).join(''));
  if (name === 'uniq') return filter(name, options, inputs[0]?.text ?? '');
  if (name === 'wc' && files.length > 1) text += wcTotal(options, files, inputs);
  if (text) chunks.push({ stream: 'out', text });
  return { chunks, exitCode: failed ? 1 : 0 };
}

/** One filter over one input text. */
function filter(name: string, args: string[], stdin: string): CommandResult {
  switch (name) {
    case 'head':
    case 'tail': {
      // -N, or -n N: head -n -K (all but the last K), tail -n +K (from line K on); head.c and tail.c.
      const count = args.includes('-n') ? (args[args.indexOf('-n') + 1] ?? '') : (args.find((a) => /^-\d+$/.test(a))?.slice(1) ?? '10');
      if (!/^[+-]?\d+$/.test(count)) return err(`${name}: invalid number of lines: '${count}'\n`);
      const n = Math.abs(Number(count));
      const l = lines(stdin);
      if (name === 'head') return out(join(count.startsWith('-') ? l.slice(0, Math.max(0, l.length - n)) : l.slice(0, n)));
      return out(join(count.startsWith('+') ? l.slice(Math.max(0, n - 1)) : l.slice(Math.max(0, l.length - n))));
    }
    case 'wc': {
      // coreutils wc.c: the counts asked for (-l newlines, -w words, -c bytes; all three by default),
      // one alone unpadded, several right-aligned in width 7 for standard input.
      const unknown = args.join('').replace(/-/g, '').match(/[^lwcm]/);
      if (unknown) return err(`wc: invalid option -- '${unknown[0]}'\nTry 'wc --help' for more information.\n`);
      const chosen = wcCounts(args, stdin);
      return out(chosen.length === 1 ? `${chosen[0]}\n` : `${chosen.map((n) => String(n).padStart(7)).join(' ')}\n`);
    }
    case 'sort':
      return sort(args, stdin);
    default: {
      const counted: [string, number][] = [];
      for (const l of lines(stdin)) {
        const last = counted[counted.length - 1];
        if (last && last[0] === l) last[1]++;
        else counted.push([l, 1]);
      }
      return out(join(args.includes('-c') ? counted.map(([l, n]) => `${String(n).padStart(7)} ${l}`) : counted.map(([l]) => l)));
    }
  }
}

function wcCounts(args: string[], text: string): number[] {
  const flags = args.filter((a) => /^-[lwcm]+$/.test(a)).join('');
  const counts = [
    ['l', text.split('\n').length - 1],
    ['w', text.split(/\s+/).filter(Boolean).length],
    ['c', utf8Length(text)],
  ] as const;
  return (flags ? counts.filter(([f]) => flags.includes(f) || (f === 'c' && flags.includes('m'))) : counts).map(([, n]) => n);
}

/**
 * wc over files: each file's counts and its name, then a total for several. The counts are
 * right-aligned in the width of the readable files' total size (coreutils wc.c
 * compute_number_width), 7 when one of them is standard input, 1 for a lone count of one file.
 */
function wcWidth(args: string[], files: string[], inputs: { path: string; text: string }[]): number {
  if (files.length === 1 && wcCounts(args, '').length === 1) return 1;
  if (files.includes('-')) return 7;
  return Math.max(1, String(inputs.reduce((sum, i) => sum + utf8Length(i.text), 0)).length);
}

function wcLine(args: string[], path: string, text: string, files: string[], inputs: { path: string; text: string }[]): string {
  const width = wcWidth(args, files, inputs);
  return `${wcCounts(args, text).map((n) => String(n).padStart(width)).join(' ')} ${path}\n`;
}

function wcTotal(args: string[], files: string[], inputs: { path: string; text: string }[]): string {
  const width = wcWidth(args, files, inputs);
  const totals = wcCounts(args, '').map((_, k) => inputs.reduce((sum, i) => sum + wcCounts(args, i.text)[k]!, 0));
  return `${totals.map((n) => String(n).padStart(width)).join(' ')} total\n`;
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
