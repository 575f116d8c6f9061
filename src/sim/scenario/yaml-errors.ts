/**
 * YAML syntax errors in kubectl's words. kubectl converts YAML with go-yaml,
 * whose messages differ from the `yaml` package we parse with; this maps the
 * common mistakes onto go-yaml's texts and its line numbering (0-based
 * internally, +1 for scanner errors, omitted when 0: gopkg.in/yaml decode.go
 * parser.fail). Checked against kubectl v1.32 on the same inputs.
 */
import type { YAMLError } from 'yaml';

interface GoYamlError {
  text: string;
  /** Scanner errors print the 1-based line; parser errors print one less. */
  scanner: boolean;
  /** Where go-yaml stops: at the offending ':' for mapping errors. */
  atColon: boolean;
}

function classify(err: YAMLError): GoYamlError | undefined {
  switch (err.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { text: 'mapping values are not allowed in this context', scanner: true, atColon: true };
    case 'TAB_AS_INDENT':
      return { text: 'found character that cannot start any token', scanner: true, atColon: false };
    case 'MISSING_CHAR':
      return err.message.includes('quote')
        ? { text: 'found unexpected end of stream', scanner: true, atColon: false }
        : { text: "did not find expected ',' or '}'", scanner: false, atColon: false };
    case 'BAD_INDENT':
      return err.message.includes('Flow sequence')
        ? { text: "did not find expected ',' or ']'", scanner: false, atColon: false }
        : { text: 'did not find expected key', scanner: false, atColon: false };
    case 'UNEXPECTED_TOKEN':
      return { text: "did not find expected '-' indicator", scanner: false, atColon: false };
    default:
      return undefined;
  }
}

/** 0-based line of the first ':' (followed by a space or line end) at or after `offset`. */
function colonLine(text: string, offset: number): number {
  const re = /:(?=\s|$)/gm;
  re.lastIndex = offset;
  const m = re.exec(text);
  const at = m ? m.index : offset;
  return text.slice(0, at).split('\n').length - 1;
}

/** "yaml: line 3: mapping values are not allowed in this context", as kubectl prints it. */
export function goYamlMessage(err: YAMLError, text: string): string {
  const kind = classify(err);
  const offset = err.pos[0];
  if (!kind) return `yaml: ${err.message.split(' at line ')[0]}`;
  const line0 = kind.atColon ? colonLine(text, offset) : text.slice(0, offset).split('\n').length - 1;
  const shown = line0 === 0 ? 0 : kind.scanner ? line0 + 1 : line0;
  return shown ? `yaml: line ${shown}: ${kind.text}` : `yaml: ${kind.text}`;
}
