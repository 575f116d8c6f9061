/**
 * The printf builtin (bash's, and busybox sh's applet): the format is reused
 * while arguments remain; %s %b %c %d %i %u %o %x %X %% with flags (- 0 + space),
 * a width and a precision; backslash escapes in the format. Numbers that do
 * not parse print 0 and an "invalid number" error, exit status 1 (bash's
 * builtins/printf.def, getintmax).
 */
import type { CommandResult } from './types';

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'" };

/** Backslash escapes; \c stops the output (only honoured in %b arguments and the format). */
function unescape(text: string): { text: string; stop: boolean } {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\' || i === text.length - 1) {
      result += ch;
      continue;
    }
    const next = text[++i]!;
    if (next === 'c') return { text: result, stop: true };
    if (/[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(text.slice(i))![0];
      result += String.fromCharCode(parseInt(digits, 8));
      i += digits.length - 1;
    } else if (next === 'x' && /^[0-9a-fA-F]/.test(text[i + 1] ?? '')) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))![0];
      result += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else result += ESCAPES[next] ?? `\\${next}`;
  }
  return { text: result, stop: false };
}

function integer(arg: string | undefined, errors: string[], sh: string): number {
  if (arg === undefined || arg === '') return 0;
  const quoted = /^['"](.)/.exec(arg);
  if (quoted) return quoted[1]!.codePointAt(0)!;
  const m = /^\s*([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.exec(arg);
  if (!m) {
    errors.push(`${sh}: printf: ${arg}: invalid number\n`);
    const lead = /^\s*[+-]?\d+/.exec(arg);
    return lead ? Number(lead[0]) : 0;
  }
  const body = m[2]!;
  const n = /^0x/i.test(body) ? parseInt(body, 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : Number(body);
  return m[1] === '-' ? -n : n;
}

function pad(text: string, flags: string, width: number, numeric: boolean): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+ -]/.test(text) ? text[0]! : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** %q: the argument quoted so that the shell reads it back as it was (bash's sh_backslash_quote; $'...' for control characters). */
/* eslint-disable no-control-regex -- %q quotes control characters: matching them is the point. */
function shellQuoted(value: string): string {
  if (value === '') return "''";
  if (/[\x00-\x1f\x7f]/.test(value)) {
    const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', "'": "\\'", '\\': '\\\\' };
    return `$'${value.replace(/[\x00-\x1f\x7f'\\]/g, (ch) => named[ch] ?? `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`)}'`;
  }
  // What bash leaves bare: letters, digits, non-ASCII and % + - . / : = @ _, with ~ and # only after the first character.
  return value.replace(/[^A-Za-z0-9%+\-./:=@_~#\u0080-\uffff]|^[~#]/g, '\\$&');
}
/* eslint-enable no-control-regex */

/** The most characters printf writes here (the line's output budget, shell.ts LINE_LIMITS.outputChars): a width of 10^9 must not exhaust memory. */
const PRINTF_MAX_CHARS = 1_000_000;

const CONVERSION = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d*|\*))?(.?)/gs;

/** sh: the shell's name in error messages ("bash", or "sh" inside a pod). */
export function printf(args: string[], sh = 'bash'): CommandResult {
  const [format, ...rest] = args[0] === '--' ? args.slice(1) : args;
  if (format === undefined) return { chunks: [{ stream: 'err', text: `${sh}: printf: usage: printf [-v var] format [arguments]\n` }], exitCode: 2 };
  const errors: string[] = [];
  let output = '';
  let next = 0;
  let stopped = false;
  let invalid = false;
  do {
    const start = next;
    let text = '';
    let last = 0;
    for (const m of format.matchAll(CONVERSION)) {
      const literal = unescape(format.slice(last, m.index));
      text += literal.text;
      last = m.index + m[0].length;
      if (literal.stop) {
        stopped = true;
        break;
      }
      const [spec, flags = '', widthSpec, precisionSpec, conv = ''] = m;
      if (!'sbcqdiuoxX%'.includes(conv) || conv === '') {
        // bash stops at a conversion it does not know, after what came before it.
        errors.push(`${sh}: printf: \`${spec}': missing format character\n`);
        stopped = true;
        invalid = true;
        break;
      }
      if (conv === '%') {
        text += '%';
        continue;
      }
      const widthAsked = widthSpec === '*' ? integer(rest[next++], errors, sh) : Number(widthSpec ?? 0);
      // A negative width from * left-justifies, as in C's printf.
      const width = Math.min(PRINTF_MAX_CHARS + 1, Math.abs(widthAsked));
      const justify = widthAsked < 0 ? `${flags}-` : flags;
      const precisionAsked = precisionSpec === undefined ? undefined : precisionSpec === '*' ? integer(rest[next++], errors, sh) : Number(precisionSpec || 0);
      const precision = precisionAsked === undefined || precisionAsked < 0 ? undefined : Math.min(PRINTF_MAX_CHARS + 1, precisionAsked);
      const arg = rest[next++];
      if (conv === 's' || conv === 'b' || conv === 'c' || conv === 'q') {
        let value = arg ?? '';
        if (conv === 'b') {
          const u = unescape(value);
          value = u.text;
          stopped = u.stop;
        }
        if (conv === 'c') value = value.slice(0, 1);
        if (conv === 'q') value = shellQuoted(value);
        if (precision !== undefined && conv !== 'c') value = value.slice(0, precision);
        text += pad(value, justify, width, false);
        if (stopped || output.length + text.length > PRINTF_MAX_CHARS) break;
        continue;
      }
      const n = integer(arg, errors, sh);
      let digits = conv === 'o' ? Math.abs(n).toString(8) : conv === 'x' ? Math.abs(n).toString(16) : conv === 'X' ? Math.abs(n).toString(16).toUpperCase() : String(Math.abs(n));
      if (precision !== undefined) digits = digits.padStart(precision, '0');
      const sign = n < 0 ? '-' : flags.includes('+') && (conv === 'd' || conv === 'i') ? '+' : flags.includes(' ') && (conv === 'd' || conv === 'i') ? ' ' : '';
      text += pad(sign + digits, precision === undefined ? justify : justify.replace('0', ''), width, true);
      if (output.length + text.length > PRINTF_MAX_CHARS) break;
    }
    if (!stopped && !invalid) {
      const tail = unescape(format.slice(last));
      text += tail.text;
      stopped = tail.stop;
    }
    output += text;
    if (output.length > PRINTF_MAX_CHARS) {
      output = output.slice(0, PRINTF_MAX_CHARS);
      errors.push(`printf: stopped after ${PRINTF_MAX_CHARS} characters (a limit of this simulated terminal)\n`);
      break;
    }
    // The format is used again for arguments left over, only if it took any.
    if (next === start) break;
  } while (next < rest.length && !stopped);
  const chunks: CommandResult['chunks'] = [];
  if (output) chunks.push({ stream: 'out', text: output });
  if (errors.length) chunks.push({ stream: 'err', text: errors.join('') });
  return { chunks, exitCode: errors.length ? 1 : 0 };
}
