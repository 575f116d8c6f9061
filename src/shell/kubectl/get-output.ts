/**
 * kubectl get's non-table outputs (-o yaml|json|name|jsonpath=|jsonpath-as-json=|custom-columns=):
 * one object when a single one was asked for by name, else every object found in a v1 List,
 * sorted first with --sort-by. No "No resources found" here: that is the table path's.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (printGeneric) and the printer
 * selection of k8s.io/cli-runtime/pkg/genericclioptions/print_flags.go.
 */
import { toJson, toYaml } from '../print/serialize';
import { customColumnsPrinter, jsonPathPrinter, type Json, type Printed } from '../print/templates';
import type { OutputChunk } from '../types';
import { sortObjects } from './sort-by';
import { goTemplatePrinter } from '../print/go-template-printer';

export interface GenericItem {
  doc: Json;
  /** What -o name prints: kind[.group]/name. */
  ref: string;
}

export interface GenericOptions {
  noHeaders: boolean;
  sortBy?: string;
  allowMissingKeys: boolean;
  /** Reads a -o *-file= template (the workstation's files). */
  readFile?: (path: string) => string | undefined;
}

export const TABLE_FORMATS = new Set(['', 'wide']);

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const TEMPLATE_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'go-template', 'go-template-file', 'template', 'templatefile'];

type Printer = { whole: (doc: Json, items: GenericItem[], single: boolean) => Printed };

/** PrintFlags.ToPrinter: the printer for -o FORMAT[=TEMPLATE], or kubectl's error for it. */
function printerFor(output: string, opts: GenericOptions): Printer | { error: string } {
  const eq = output.indexOf('=');
  const format = eq >= 0 ? output.slice(0, eq) : output;
  const value = eq >= 0 ? output.slice(eq + 1) : '';
  if (output === 'yaml' || output === 'json') return { whole: (doc) => ({ out: output === 'yaml' ? toYaml(doc) : toJson(doc) }) };
  if (output === 'name') return { whole: (_doc, items) => ({ out: items.map((i) => `${i.ref}\n`).join('') }) };
  if (TEMPLATE_FORMATS.includes(format)) {
    if (value === '') return { error: 'error: template format specified but no template given\n' };
    if (format === 'go-template' || format === 'template' || format === 'go-template-file' || format === 'templatefile') {
      let text = value;
      if (format.endsWith('file')) {
        const file = opts.readFile?.(value);
        // cli-runtime GoTemplatePrintFlags.ToPrinter: os.ReadFile's error.
        if (file === undefined) return { error: `error: error reading --template ${value}, open ${value}: no such file or directory\n` };
        text = file;
      }
      const g = goTemplatePrinter(text, opts.allowMissingKeys);
      if ('error' in g) return { error: `error: ${g.error}` };
      return { whole: (doc) => g(doc) };
    }
    if (format !== 'jsonpath' && format !== 'jsonpath-as-json') return { error: `error: -o ${format} is not available in this simulator\n` };
    const p = jsonPathPrinter(value, { asJson: format === 'jsonpath-as-json', allowMissingKeys: opts.allowMissingKeys });
    if ('error' in p) return { error: `error: ${p.error}` };
    return { whole: (doc) => p(doc) };
  }
  if (format === 'custom-columns' || format === 'custom-columns-file') {
    if (value === '') return { error: 'error: custom-columns format specified but no custom columns given\n' };
    if (format === 'custom-columns-file') return { error: `error: -o ${format} is not available in this simulator\n` };
    const p = customColumnsPrinter(value, opts.noHeaders);
    if ('error' in p) return { error: `error: ${p.error}\n` };
    return { whole: (doc, items, single) => p(single ? [doc] : items.map((i) => i.doc)) };
  }
  return { error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}\n` };
}

/**
 * printGeneric: `single` when one object was asked for by name and found. NotFound
 * errors come after what was printed; a printer that cannot be built drops them.
 */
export function printGeneric(items: GenericItem[], single: boolean, output: string, notFound: OutputChunk[], opts: GenericOptions): { chunks: OutputChunk[]; exitCode: number } {
  const printer = printerFor(output, opts);
  if ('error' in printer) return { chunks: [{ stream: 'err', text: printer.error }], exitCode: 1 };
  let list = items;
  const errors: OutputChunk[] = [...notFound];
  if (opts.sortBy && !single) {
    const sorted = sortObjects(items, (i) => i.doc, opts.sortBy);
    if ('error' in sorted) {
      errors.push({ stream: 'err', text: `error: ${sorted.error}\n` });
      return { chunks: errors, exitCode: 1 };
    }
    list = sorted.sorted;
  }
  const doc: Json = single ? items[0]!.doc : { apiVersion: 'v1', items: list.map((i) => i.doc), kind: 'List', metadata: { resourceVersion: '' } };
  const printed = printer.whole(doc, list, single);
  const chunks: OutputChunk[] = [];
  if (printed.out) chunks.push({ stream: 'out', text: printed.out });
  chunks.push(...errors);
  if (printed.error !== undefined) chunks.push({ stream: 'err', text: `error: ${printed.error}${printed.error.endsWith('\n') ? '' : '\n'}` });
  return { chunks, exitCode: errors.length || printed.error !== undefined ? 1 : 0 };
}
