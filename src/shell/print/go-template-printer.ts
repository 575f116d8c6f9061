/**
 * kubectl's -o go-template / template printer (k8s.io/cli-runtime pkg/printers/template.go
 * GoTemplatePrinter): the object marshalled to JSON and decoded into a map, the template run on it;
 * on an execution error, what was written so far, then the debugging block on stdout and
 * `error executing template "T": ...` as the error.
 */
import { compileGoTemplate } from './gotemplate';
import { goJson, goQuote, goV } from './go-format';
import type { Json, Printed } from './templates';

export function goTemplatePrinter(template: string, allowMissingKeys: boolean): ((doc: Json) => Printed) | { error: string } {
  const compiled = compileGoTemplate(template);
  if ('error' in compiled) return { error: `error parsing template ${template}, ${compiled.error}\n` };
  return (doc) => {
    const data = JSON.parse(JSON.stringify(doc)) as Json;
    const r = compiled.run(data, !allowMissingKeys);
    if (r.error === undefined) return { out: r.out };
    const debug =
      `Error executing template: ${r.error}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\traw data was:\n\t\t${goJson(data)}\n` +
      `\tobject given to template engine was:\n\t\t${goV(data)}\n\n`;
    return { out: r.out + debug, error: `error executing template ${goQuote(template)}: ${r.error}` };
  };
}
