import { hasOwn } from '../../sim/model/own';

/**
 * kubectl-style flag parsing: `--flag=value`, `--flag value`, `-n value`,
 * boolean flags, and everything after `--` kept apart.
 */

export interface FlagSpec {
  /** Flags that take a value, by every name they answer to ("-n", "--namespace"). */
  valued: Record<string, string>;
  /** Boolean flags by name. */
  bool: Record<string, string>;
  /**
   * Valued flags (by their canonical name) that pflag keeps as a string slice: each use
   * adds to the list (-L a -L b), kept here comma-joined for the caller to split as CSV.
   */
  repeated?: ReadonlySet<string>;
}

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string>;
  bools: Set<string>;
  /** Words after `--`, or undefined when there was no `--`. */
  rest?: string[];
  error?: string;
}

export function parseFlags(args: string[], spec: FlagSpec, command: string): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: {}, bools: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      parsed.rest = args.slice(i + 1);
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      // pflag shorthands take their value attached too: -ojsonpath={...}, -o=json, -nkube-system.
      const attached = !a.startsWith('--') && a.length > 2 && hasOwn(spec.valued, a.slice(0, 2));
      const eq = attached ? (a[2] === '=' ? 2 : 1) : a.indexOf('=');
      const name = attached ? a.slice(0, 2) : eq >= 0 ? a.slice(0, eq) : a;
      if (hasOwn(spec.valued, name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) {
          // pflag: "flag needs an argument: --namespace" / "flag needs an argument: 'n' in -n"; cobra prefixes "Error: ".
          parsed.error = `Error: flag needs an argument: ${name.startsWith('--') ? name : `'${name.slice(1)}' in ${name}`}\nSee '${command} --help' for usage.\n`;
          return parsed;
        }
        const key = spec.valued[name]!;
        const prev = parsed.flags[key];
        // pflag's stringSlice: an empty value adds nothing.
        parsed.flags[key] = spec.repeated?.has(key) && prev ? (value ? `${prev},${value}` : prev) : value;
      } else if (hasOwn(spec.bool, name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : 'true';
        if (value !== 'false') parsed.bools.add(spec.bool[name]!);
      } else {
        parsed.error = `Error: unknown ${name.startsWith('--') ? 'flag' : 'shorthand flag'}: ${name.startsWith('--') ? name : `'${name.slice(1, 2)}' in ${name}`}\nSee '${command} --help' for usage.\n`;
        return parsed;
      }
    } else {
      parsed.positional.push(a);
    }
  }
  return parsed;
}

export const NAMESPACE_FLAGS = { '-n': 'namespace', '--namespace': 'namespace' };

/**
 * A string-slice flag's value as pflag reads it: one CSV record (encoding/csv, quotes
 * allowed, no trimming), nothing for an empty value. Mirrors spf13/pflag string_slice.go readAsCSV.
 */
export function splitCsv(value: string): string[] {
  if (value === '') return [];
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (quoted) {
      if (ch === '"' && value[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}
