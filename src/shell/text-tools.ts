/** The small text filters people pipe kubectl into: grep, head, tail, wc -l, sort, uniq. */
import { err, out, type CommandResult } from './types';

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

const join = (l: string[]) => (l.length ? l.join('\n') + '\n' : '');

export function textTool(name: string, args: string[], stdin: string): CommandResult | undefined {
  switch (name) {
    case 'grep': {
      const flags = args.filter((a) => a.startsWith('-')).join('');
      const pattern = args.find((a) => !a.startsWith('-'));
      if (pattern === undefined) return err('Usage: grep [OPTION]... PATTERNS [FILE]...\nTry \'grep --help\' for more information.\n', 2);
      let re: RegExp;
      try {
        re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
      } catch {
        return err('grep: Unmatched ( or \\(\n', 2);
      }
      const invert = flags.includes('v');
      const found = lines(stdin).filter((l) => re.test(l) !== invert);
      if (flags.includes('c')) return out(`${found.length}\n`, found.length ? 0 : 1);
      return out(join(found), found.length ? 0 : 1);
    }
    case 'head':
    case 'tail': {
      const nArg = args.find((a) => /^-\d+$/.test(a)) ?? (args.includes('-n') ? `-${args[args.indexOf('-n') + 1]}` : '-10');
      const n = Number(nArg.slice(1));
      const l = lines(stdin);
      return out(join(name === 'head' ? l.slice(0, n) : l.slice(Math.max(0, l.length - n))));
    }
    case 'wc':
      return out(args.includes('-l') ? `${lines(stdin).length}\n` : `${String(lines(stdin).length).padStart(7)} ${String(stdin.split(/\s+/).filter(Boolean).length).padStart(7)} ${String(stdin.length).padStart(7)}\n`);
    case 'sort':
      return out(join([...lines(stdin)].sort()));
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
