/**
 * kubectl's go-template printer (k8s.io/cli-runtime pkg/printers/template.go): a Go text/template named
 * "output" with kubectl's extra functions exists and base64decode, run on the object as JSON.
 */
import { execute } from './exec';
import { parseTemplate, type TNode } from './parse';

export interface GoTemplate {
  run(data: unknown, missingKeyError: boolean): { out: string; error?: string };
}

/** Parses a template; the error reads as Go's ("template: output:1: unclosed action"). */
export function compileGoTemplate(text: string): GoTemplate | { error: string } {
  const parsed = parseTemplate(text);
  if ('error' in parsed) return parsed;
  const root: TNode[] = parsed.root;
  return { run: (data, missingKeyError) => execute(root, text, data, missingKeyError) };
}
