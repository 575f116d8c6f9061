/**
 * `test` and `[` as bash's builtin evaluates them (bash's test.c, POSIX test): string tests
 * (-z, -n, =, ==, !=), integer comparisons (-eq -ne -lt -le -gt -ge), `!`, and -a/-o.
 * File tests (-e, -f, ...) ask `exists`, the files this shell can see.
 */
export type TestResult = { status: 0 | 1 } | { error: string };

const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};
const FILE_OPS = new Set(['-e', '-f', '-d', '-r', '-s', '-w', '-x', '-L', '-h']);

class TestError extends Error {}

export function evalTest(name: string, argv: string[], exists: (path: string) => boolean): TestResult {
  let args = argv;
  if (name === '[') {
    if (args[args.length - 1] !== ']') return { error: `[: missing \`]'` };
    args = args.slice(0, -1);
  }
  const int = (s: string): number => {
    if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new TestError(`${name}: ${s}: integer expression expected`);
    return Number(s);
  };
  const binary = (a: string, op: string, b: string): boolean | undefined => {
    if (op === '=' || op === '==') return a === b;
    if (op === '!=') return a !== b;
    if (op === '<') return a < b;
    if (op === '>') return a > b;
    const f = INT_OPS[op];
    return f ? f(int(a), int(b)) : undefined;
  };
  const unary = (op: string, a: string): boolean | undefined => {
    if (op === '-z') return a === '';
    if (op === '-n') return a !== '';
    if (FILE_OPS.has(op)) return exists(a);
    return undefined;
  };
  // POSIX's rules by argument count, then -a/-o for longer expressions.
  const evaluate = (a: string[]): boolean => {
    switch (a.length) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2: {
        if (a[0] === '!') return a[1] === '';
        const u = unary(a[0]!, a[1]!);
        if (u === undefined) throw new TestError(`${name}: ${a[0]}: unary operator expected`);
        return u;
      }
      case 3: {
        const b = binary(a[0]!, a[1]!, a[2]!);
        if (b !== undefined) return b;
        if (a[0] === '!') return !evaluate(a.slice(1));
        if (a[1] === '-a') return evaluate([a[0]!]) && evaluate([a[2]!]);
        if (a[1] === '-o') return evaluate([a[0]!]) || evaluate([a[2]!]);
        throw new TestError(`${name}: ${a[1]}: binary operator expected`);
      }
      default: {
        if (a[0] === '!') return !evaluate(a.slice(1));
        const or = a.indexOf('-o');
        if (or > 0) return evaluate(a.slice(0, or)) || evaluate(a.slice(or + 1));
        const and = a.indexOf('-a');
        if (and > 0) return evaluate(a.slice(0, and)) && evaluate(a.slice(and + 1));
        throw new TestError(`${name}: too many arguments`);
      }
    }
  };
  try {
    return { status: evaluate(args) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { error: e.message };
    throw e;
  }
}
