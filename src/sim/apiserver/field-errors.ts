/**
 * Validation errors as the API server words them.
 * Mirrors apimachinery pkg/util/validation/field/errors.go (Error, ErrorBody)
 * and kubectl's rendering of a 422 Invalid (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go).
 */

export type FieldErrorType =
  | 'Required value'
  | 'Invalid value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Unsupported value'
  | 'Too long';

export interface FieldError {
  type: FieldErrorType;
  /** The field path, e.g. "spec.ports[1].name". */
  field: string;
  /** Absent for Required and Forbidden, which print no value. */
  value?: GoValue;
  detail: string;
}

/** A value tagged with how Go's fmt would print it in the error. */
export type GoValue =
  | { kind: 'string'; v: string }
  | { kind: 'int'; v: number }
  | { kind: 'bool'; v: boolean }
  | { kind: 'stringSlice'; v: string[] }
  | { kind: 'stringMap'; v: Record<string, string> }
  | { kind: 'raw'; v: string };

export const goString = (v: string): GoValue => ({ kind: 'string', v });
export const goInt = (v: number): GoValue => ({ kind: 'int', v });

/** Go's %q for the strings we meet (printable ASCII plus the usual escapes). */
export function goQuote(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t') + '"';
}

function formatGoValue(value: GoValue): string {
  switch (value.kind) {
    case 'string':
      return goQuote(value.v);
    case 'int':
      return String(value.v);
    case 'bool':
      return String(value.v);
    case 'stringSlice':
      return `[]string{${value.v.map(goQuote).join(', ')}}`;
    case 'stringMap': {
      const keys = Object.keys(value.v).sort();
      return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(value.v[k]!)}`).join(', ')}}`;
    }
    case 'raw':
      return value.v;
  }
}

/** "spec.ports[0].port: Invalid value: 99999: must be between 1 and 65535, inclusive" */
export function formatFieldError(e: FieldError): string {
  let body: string = e.type;
  if (e.type !== 'Required value' && e.type !== 'Forbidden' && e.value !== undefined) {
    body += `: ${formatGoValue(e.value)}`;
  }
  if (e.detail) body += `: ${e.detail}`;
  return `${e.field}: ${body}`;
}

/**
 * The whole message kubectl prints for a rejected object. Identical causes
 * are printed once (statusCausesToAggrError skips repeated "<field>: <message>").
 */
export function formatInvalid(kind: string, name: string, errors: FieldError[]): string {
  const head = `The ${kind} ${goQuote(name)} is invalid: `;
  const lines = [...new Set(errors.map(formatFieldError))];
  if (lines.length === 1) return head + lines[0]!;
  return head + '\n' + lines.map((l) => `* ${l}`).join('\n');
}

export const required = (field: string, detail = ''): FieldError => ({ type: 'Required value', field, detail });
export const invalid = (field: string, value: GoValue, detail: string): FieldError => ({ type: 'Invalid value', field, value, detail });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const duplicate = (field: string, value: GoValue): FieldError => ({ type: 'Duplicate value', field, value, detail: '' });

/** NotSupported lists the allowed values quoted and sorted. */
export function notSupported(field: string, value: GoValue, allowed: string[]): FieldError {
  const list = [...allowed].sort().map(goQuote).join(', ');
  return { type: 'Unsupported value', field, value, detail: `supported values: ${list}` };
}
