/**
 * Go's fmt.Sprintf, Sprint and Sprintln for the values a template holds (decoded JSON, template
 * literals): verbs v s d q x X o b c t f e g % with flags - + # 0 space, width and precision, and
 * fmt's complaints (%!d(string=web), %!s(MISSING), %!(EXTRA int=2)). Mirrors src/fmt/print.go.
 */
import { goFloat, GoFloat, goQuote, goTypeName, goV } from '../go-format';
import { GoInt } from './parse';

export function typeName(v: unknown): string {
  if (v instanceof GoInt) return 'int';
  return goTypeName(v);
}

/** %v of a value: GoInt and GoFloat as numbers, maps and slices as fmt prints them. */
export function vText(v: unknown): string {
  if (v instanceof GoInt) return String(v.value);
  if (v === null || v === undefined) return '<nil>';
  return goV(v);
}

function intOf(v: unknown): number | undefined {
  if (v instanceof GoInt) return v.value;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return undefined;
}

function floatOf(v: unknown): number | undefined {
  if (v instanceof GoFloat) return v.value;
  if (typeof v === 'number' && !Number.isInteger(v)) return v;
  return undefined;
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  zero: boolean;
  space: boolean;
  width?: number;
  prec?: number;
}

function pad(s: string, spec: Spec, numeric = false): string {
  if (spec.width === undefined || s.length >= spec.width) return s;
  if (spec.minus) return s.padEnd(spec.width);
  if (spec.zero && numeric) {
    const sign = /^[+-]/.test(s) ? s[0]! : '';
    return sign + s.slice(sign.length).padStart(spec.width - sign.length, '0');
  }
  return s.padStart(spec.width);
}

function bad(verb: string, v: unknown): string {
  if (v === null || v === undefined) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${vText(v)})`;
}

function formatOne(verb: string, spec: Spec, v: unknown): string {
  const i = intOf(v);
  const f = floatOf(v);
  switch (verb) {
    case 'v':
      if (spec.sharp && typeof v === 'string') return pad(goQuote(v), spec);
      if (i !== undefined) return pad(signed(String(i), i, spec), spec, true);
      return pad(vText(v), spec);
    case 's':
      if (typeof v === 'string') return pad(spec.prec !== undefined ? [...v].slice(0, spec.prec).join('') : v, spec);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return pad(`[${v.join(' ')}]`, spec);
      if (v !== null && typeof v === 'object' && !(v instanceof GoInt) && !(v instanceof GoFloat)) return pad(vText(v), spec);
      return bad(verb, v);
    case 'q':
      if (typeof v === 'string') return pad(goQuote(v), spec);
      if (i !== undefined) return pad(`'${String.fromCodePoint(i)}'`, spec);
      return bad(verb, v);
    case 'd':
      if (i !== undefined) return pad(signed(String(Math.abs(i)), i, spec), spec, true);
      return bad(verb, v);
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      const base = verb === 'o' ? 8 : verb === 'b' ? 2 : 16;
      if (i !== undefined) {
        let digits = Math.abs(i).toString(base);
        if (verb === 'X') digits = digits.toUpperCase();
        if (spec.sharp && base === 16) digits = (verb === 'X' ? '0X' : '0x') + digits;
        return pad(signed(digits, i, spec), spec, true);
      }
      if (typeof v === 'string' && base === 16) {
        const hex = [...new TextEncoderLite(v)].map((b) => b.toString(16).padStart(2, '0')).join('');
        return pad(verb === 'X' ? hex.toUpperCase() : hex, spec);
      }
      return bad(verb, v);
    }
    case 'c':
      if (i !== undefined) return pad(String.fromCodePoint(i), spec);
      return bad(verb, v);
    case 't':
      if (typeof v === 'boolean') return pad(String(v), spec);
      return bad(verb, v);
    case 'f':
    case 'F':
    case 'e':
    case 'g': {
      if (f === undefined) return bad(verb, v);
      let s: string;
      if (verb === 'e') s = goExp(f, spec.prec ?? 6);
      else if (verb === 'g') s = spec.prec === undefined ? goFloat(f) : String(Number(f.toPrecision(spec.prec)));
      else s = f.toFixed(spec.prec ?? 6);
      return pad(signed(s.replace(/^-/, ''), f, spec), spec, true);
    }
    default:
      return `%!${verb}(${typeName(v)}=${vText(v)})`;
  }
}

function signed(digits: string, n: number, spec: Spec): string {
  if (n < 0 || Object.is(n, -0)) return `-${digits}`;
  if (spec.plus) return `+${digits}`;
  if (spec.space) return ` ${digits}`;
  return digits;
}

function goExp(f: number, prec: number): string {
  const [m, e] = f.toExponential(prec).split('e') as [string, string];
  const n = Number(e);
  return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

/** UTF-8 bytes of a string, without TextEncoder (the core has no DOM or Node types). */
class TextEncoderLite implements Iterable<number> {
  constructor(private readonly s: string) {}
  *[Symbol.iterator](): Iterator<number> {
    for (const ch of this.s) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80) yield cp;
      else if (cp < 0x800) yield* [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
      else if (cp < 0x10000) yield* [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
      else yield* [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    }
  }
}

/** The length in bytes of a string's UTF-8 form (Go's len of a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const _ of new TextEncoderLite(s)) n++;
  return n;
}

export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  for (let p = 0; p < format.length; ) {
    const c = format[p]!;
    if (c !== '%') {
      out += c;
      p++;
      continue;
    }
    p++;
    const spec: Spec = { minus: false, plus: false, sharp: false, zero: false, space: false };
    for (; p < format.length; p++) {
      const fl = format[p];
      if (fl === '-') spec.minus = true;
      else if (fl === '+') spec.plus = true;
      else if (fl === '#') spec.sharp = true;
      else if (fl === '0') spec.zero = true;
      else if (fl === ' ') spec.space = true;
      else break;
    }
    const readNum = (): number | undefined => {
      if (format[p] === '*') {
        p++;
        const w = intOf(args[argi++]);
        return w;
      }
      const m = /^\d+/.exec(format.slice(p));
      if (!m) return undefined;
      p += m[0].length;
      return Number(m[0]);
    };
    spec.width = readNum();
    if (format[p] === '.') {
      p++;
      spec.prec = readNum() ?? 0;
    }
    const verb = format[p];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    p++;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(verb, spec, args[argi++]);
  }
  if (argi < args.length) {
    out += `%!(EXTRA ${args.slice(argi).map((a) => (a === null || a === undefined ? '<nil>' : `${typeName(a)}=${vText(a)}`)).join(', ')})`;
  }
  return out;
}

/** fmt.Sprint: operands' %v, a space between two operands when neither is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  args.forEach((a, k) => {
    if (k > 0 && typeof a !== 'string' && typeof args[k - 1] !== 'string') out += ' ';
    out += vText(a);
  });
  return out;
}

/** fmt.Sprintln: spaces between all operands, a newline after. */
export function sprintln(args: unknown[]): string {
  return args.map(vText).join(' ') + '\n';
}
