/**
 * kubectl's template printers: -o jsonpath=..., -o jsonpath-as-json=..., and
 * -o custom-columns=HEADER:PATH,... over the object (or the v1 List) that
 * -o json would print.
 * Mirrors staging/src/k8s.io/cli-runtime/pkg/printers/jsonpath.go (JSONPathPrinter),
 * .../cli-runtime/pkg/genericclioptions/jsonpath_flags.go, and
 * staging/src/k8s.io/kubectl/pkg/cmd/get/customcolumn.go (RelaxedJSONPathExpression,
 * NewCustomColumnsPrinterFromSpec, printOneObject).
 */
import { goQuote, goSharpV, goV } from './go-format';
import { findResults, JsonPathError, printGroup } from './jsonpath';
import { parseJsonPath, type JpNode } from './jsonpath-parse';
import { formatTable } from './table';

export type Json = Record<string, unknown>;

/** What a printer wrote, and the error it stopped on (printed after it, as kubectl does). */
export interface Printed {
  out: string;
  error?: string;
}

/** The object as the printer sees it: decoded from JSON, so absent fields are gone. */
function decoded(doc: Json): Json {
  return JSON.parse(JSON.stringify(doc)) as Json;
}

/** NewJSONPathPrinter + PrintObj. */
export function jsonPathPrinter(template: string, opts: { asJson: boolean; allowMissingKeys: boolean }): ((doc: Json) => Printed) | { error: string } {
  const parsed = parseJsonPath(template);
  if ('error' in parsed) return { error: `error parsing jsonpath ${template}, ${parsed.error}\n` };
  return (doc) => {
    const data = decoded(doc);
    try {
      const groups = findResults(parsed.nodes, data, { allowMissingKeys: opts.allowMissingKeys });
      return { out: groups.map((g) => printGroup(g, opts.asJson)).join('') };
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      const debug =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
      return { out: '', error: `error executing jsonpath ${goQuote(template)}: ${debug}\n` };
    }
  };
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: "metadata.name", ".metadata.name", "{metadata.name}" all become "{.metadata.name}". */
export function relaxedJsonPath(path: string): { path: string } | { error: string } {
  if (path === '') return { path };
  const m = RELAXED.exec(path);
  if (!m) return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
  return { path: `{.${m[1] || m[2]}}` };
}

interface Column {
  header: string;
  spec: string;
}

/** NewCustomColumnsPrinterFromSpec + PrintObj: one header (unless --no-headers), one row per object. */
export function customColumnsPrinter(spec: string, noHeaders: boolean): ((docs: Json[]) => Printed) | { error: string } {
  if (spec === '') return { error: 'custom-columns format specified but no custom columns given' };
  const columns: Column[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const path = relaxedJsonPath(part.slice(colon + 1));
    if ('error' in path) return { error: path.error };
    columns.push({ header: part.slice(0, colon), spec: path.path });
  }
  return (docs) => {
    const rows: string[][] = noHeaders ? [] : [columns.map((c) => c.header)];
    const parsers: JpNode[][] = [];
    for (const c of columns) {
      const p = parseJsonPath(c.spec);
      if ('error' in p) return { out: formatTable(rows), error: p.error };
      parsers.push(p.nodes);
    }
    for (const doc of docs) {
      const data = decoded(doc);
      const row: string[] = [];
      for (const nodes of parsers) {
        let groups: unknown[][];
        try {
          groups = findResults(nodes, data, { allowMissingKeys: true });
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          return { out: formatTable(rows), error: e.message };
        }
        const values = groups.length === 0 || groups[0]!.length === 0 ? ['<none>'] : [];
        for (const g of groups) for (const v of g) values.push(goV(v));
        row.push(values.join(','));
      }
      rows.push(row);
    }
    return { out: formatTable(rows) };
  };
}
