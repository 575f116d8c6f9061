/**
 * Word expansion as bash does it when a command runs (bash's subst.c, POSIX 2.6): parameters
 * (`$NAME`, `${NAME}`, `${NAME:-word}`, `${#NAME}`, `$?`), command substitution (`$(...)`, backquotes;
 * trailing newlines removed), arithmetic (`$((...))`, integers), then field splitting of the
 * unquoted results on blanks and newlines (default IFS); words that expand to nothing unquoted
 * vanish. No globbing and no tilde expansion (the simulated workstation has no home directory).
 */
import { tokenize, type Part, type Word } from './parse/tokenize';

/** A shell's variables: its own and, for a pod's sh, the container's environment. */
export class Scope {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  /** `$?`: the status of the last command. */
  status = 0;

  constructor(env: Iterable<[string, string]> = []) {
    for (const [k, v] of env) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
  }

  /** A subshell's copy ($(...)): what it sets does not come back. */
  child(): Scope {
    const s = new Scope();
    for (const [k, v] of this.vars) s.vars.set(k, v);
    for (const k of this.exported) s.exported.add(k);
    s.status = this.status;
    return s;
  }

  get(name: string): string | undefined {
    if (name === '?') return String(this.status);
    if (name === '#') return '0';
    if (name === '$') return '1';
    if (name === '0') return 'bash';
    if (/^[1-9@*]$/.test(name)) return '';
    return this.vars.get(name);
  }
}

export interface Expansion {
  scope: Scope;
  /** Runs a command substitution's line in a subshell: its stdout, and its status. Its stderr goes to the terminal. */
  substitute(line: string, scope: Scope): { stdout: string; status: number };
}

export class BadSubstitution extends Error {}

function paramValue(p: Extract<Part, { k: 'param' }>, x: Expansion): string {
  if (p.bad) throw new BadSubstitution(`${p.raw}: bad substitution`);
  const value = x.scope.get(p.name);
  switch (p.op) {
    case undefined:
      return value ?? '';
    case '#len':
      return String([...(value ?? '')].length);
    case ':-':
    case '-':
    case ':=':
    case '=': {
      const missing = value === undefined || (p.op.startsWith(':') && value === '');
      if (!missing) return value!;
      const word = expandString(p.arg ?? '', x);
      if (p.op.endsWith('=')) x.scope.vars.set(p.name, word);
      return word;
    }
    case ':+':
    case '+': {
      const present = value !== undefined && (p.op === '+' || value !== '');
      return present ? expandString(p.arg ?? '', x) : '';
    }
  }
}

/** The text a quoted-like string stands for (`${A:-$B}`'s word). */
function expandString(text: string, x: Expansion): string {
  const w = tokenize(`"${text.replace(/(["\\])/g, '\\$1')}"`)[0];
  return w?.kind === 'word' ? expandWord(w, x) : '';
}

/** One part's text; command substitutions run here, in order, as bash runs them. */
function partValue(p: Part, x: Expansion): string {
  switch (p.k) {
    case 'lit':
      return p.s;
    case 'param':
      return paramValue(p, x);
    case 'cmd': {
      const r = x.substitute(p.src, x.scope.child());
      x.scope.status = r.status;
      return r.stdout.replace(/\n+$/, '');
    }
    case 'arith':
      return String(arithmetic(p.src, x));
  }
}

/** A word expanded to one string, unsplit: an assignment's value, a redirection's target, a case word. */
export function expandWord(w: Word, x: Expansion): string {
  return w.parts.map((p) => partValue(p, x)).join('');
}

/** Words expanded to fields (argv): unquoted expansions split on blanks and newlines, empty unquoted results dropped. */
export function expandFields(words: Word[], x: Expansion): string[] {
  const fields: string[] = [];
  for (const w of words) {
    let cur = '';
    let have = false;
    for (const p of w.parts) {
      const v = partValue(p, x);
      if (p.k === 'lit' || p.q) {
        cur += v;
        have = have || p.q || v !== '';
        continue;
      }
      const segs = v.split(/[ \t\n]+/);
      segs.forEach((seg, j) => {
        if (j > 0) {
          if (have) fields.push(cur);
          cur = '';
          have = false;
        }
        if (seg) {
          cur += seg;
          have = true;
        }
      });
    }
    if (have) fields.push(cur);
  }
  return fields;
}

/** `NAME=value` at a command's start: the name, and the value's parts (after the `=`); undefined when not one. */
export function assignment(w: Word): { name: string; value: Word } | undefined {
  const first = w.parts[0];
  if (first?.k !== 'lit' || first.q) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.s);
  if (!m) return undefined;
  const rest = first.s.slice(m[0].length);
  const parts: Part[] = [...(rest ? [{ k: 'lit' as const, s: rest, q: false }] : []), ...w.parts.slice(1)];
  return { name: m[1]!, value: { kind: 'word', value: w.value.slice(m[0].length), parts } };
}

export class ArithmeticError extends Error {}

/** `$((...))`: integer + - * / % ( ), comparisons, unary minus, and variables by name (bash's expr.c, the common part). */
export function arithmetic(src: string, x: Expansion): number {
  const text = expandString(src, x);
  const tokens = text.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\|\||\S/g) ?? [];
  let i = 0;
  const fail = (): never => {
    throw new ArithmeticError(`${text.trim()}: syntax error: operand expected (error token is "${tokens.slice(i).join(' ') || text.trim()}")`);
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) return fail();
    if (t === '(') {
      const v = expr(0);
      if (tokens[i++] !== ')') fail();
      return v;
    }
    if (t === '-') return -primary();
    if (t === '+') return primary();
    if (t === '!') return primary() ? 0 : 1;
    if (/^\d+$/.test(t)) return Number(t);
    if (/^[A-Za-z_]/.test(t)) return Number(x.scope.get(t) ?? 0) || 0;
    i--;
    return fail();
  };
  const PREC: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
  const expr = (min: number): number => {
    let left = primary();
    for (let op = tokens[i]; op !== undefined && PREC[op] !== undefined && PREC[op]! > min; op = tokens[i]) {
      i++;
      const right = expr(PREC[op]!);
      if ((op === '/' || op === '%') && right === 0) throw new ArithmeticError(`${text.trim()}: division by 0 (error token is "${tokens.slice(i - 1).join('')}")`);
      left = applyOp(op, left, right);
    }
    return left;
  };
  if (tokens.length === 0) return 0;
  const v = expr(0);
  if (i < tokens.length) fail();
  return v;
}

function applyOp(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return Math.trunc(a / b);
    case '%': return a % b;
    case '<': return Number(a < b);
    case '>': return Number(a > b);
    case '<=': return Number(a <= b);
    case '>=': return Number(a >= b);
    case '==': return Number(a === b);
    case '!=': return Number(a !== b);
    case '&&': return Number(!!a && !!b);
    default: return Number(!!a || !!b);
  }
}
