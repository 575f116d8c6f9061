/**
 * How Go's fmt and encoding/json write the values kubectl holds after decoding
 * JSON into interface{} (maps, []interface{}, string, int64, float64, bool, nil):
 * %v, %#v, %q and json.Marshal. Integral JSON numbers are int64 (apimachinery's
 * unstructured decoder), the rest float64.
 */
import { setOwn } from '../../sim/model/own';

/** A float64 written as a literal in a template ({1.0}, [?(@.x>1.5)]). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** Go's %v (and %#v) of a float64: strconv 'g' with the shortest digits, %e when the exponent is below -4 or 6 and up (1e+06). */
export function goFloat(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, expText] = v.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(v);
}

function goNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : goFloat(v);
}

/** strconv.Quote, which %q and %#v of a string use. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (/\p{C}/u.test(ch)) out += cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

function sortedKeys(o: object): string[] {
  // Go's fmt and encoding/json order map keys bytewise.
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** %v: map[k:v k2:v2], [a b], <nil>. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoFloat) return goFloat(v.value);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (typeof v === 'object') return `map[${sortedKeys(v).map((k) => `${k}:${goV((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** %#v of what json.Unmarshal into interface{} yields. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (v instanceof GoFloat) return goFloat(v.value);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  if (typeof v === 'object') {
    return `map[string]interface {}{${sortedKeys(v).map((k) => `${goQuote(k)}:${goSharpV((v as Record<string, unknown>)[k])}`).join(', ')}}`;
  }
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  return String(v);
}

/** json.Marshal: compact, keys sorted, <, > and & escaped for HTML, U+2028/2029 escaped. */
export function goJson(v: unknown, indent = ''): string {
  const text = JSON.stringify(sortDeep(v), null, indent || undefined) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortDeep(v: unknown): unknown {
  if (v instanceof GoFloat) return v.value;
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of sortedKeys(v)) setOwn(out, k, sortDeep((v as Record<string, unknown>)[k]));
  return out;
}

/** The Go type name of a value, as reflect's Type.String() writes it. */
export function goTypeName(v: unknown): string {
  if (v instanceof GoFloat) return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}
