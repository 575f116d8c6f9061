/**
 * The file `kubectl edit` hands to the editor and reads back: its comment header (with the
 * reasons a save failed), and the comparisons kubectl makes on what was saved.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (editHeader.writeTo,
 * hashOnLineBreak, hasLines) and pkg/cmd/util/helpers.go (StripComments, ManualStrip).
 */
import { parseDocument } from 'yaml';
import { canonicalJson } from '../../../sim/controllers/hash';
import { documentToJs } from '../../../sim/scenario/yaml-guards';

/** Why the file was reopened: one head line, and the causes under it ("# * field: message"). */
export interface EditReason {
  head: string;
  other: string[];
}

export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

/** A '#' after every line break of a message, so a multi-line reason stays a comment. */
export function hashOnLineBreak(s: string): string {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\n' && i + 1 < s.length && s[i + 1] !== '#') r += '\n# ';
    else r += ch;
  }
  return r;
}

/** The header with the reasons of the last failed save. */
export function editHeader(reasons: readonly EditReason[]): string {
  let out = EDIT_HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** ManualStrip: the lines whose first non-blank character is '#' (but not "#!") dropped. */
export function manualStrip(file: string): string {
  const lines = file.split('\n');
  const kept: string[] = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t.startsWith('#') && !t.startsWith('#!')) return;
    kept.push(i < lines.length - 1 ? `${line}\n` : line);
  });
  return kept.join('');
}

/**
 * StripComments: the file as JSON (which drops comments, layout and key order); a file that
 * does not convert is compared with its comment lines dropped instead.
 */
export function stripComments(file: string): string {
  const doc = parseDocument(file, { uniqueKeys: false });
  if (doc.errors.length === 0) {
    const js = documentToJs(doc);
    if (!('error' in js)) return canonicalJson(js.value ?? null);
  }
  return manualStrip(file);
}

/** hasLines: whether any line holds something other than blanks or a comment. */
export function hasLines(file: string): boolean {
  return file.split('\n').some((line) => {
    const t = line.trim();
    return t.length > 0 && t[0] !== '#';
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The temporary file kubectl writes for the editor: os.TempDir() + "kubectl-edit-" + five
 * random letters or digits + the extension (editor.go LaunchTempFile, tempFile, randSeq).
 * The letters come from a hash of `seed`, so a session replays to the same names without
 * drawing from the cluster's random numbers.
 */
export function tempFileName(seed: string, ext: '.yaml' | '.json'): string {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let name = '';
  for (let i = 0; i < 5; i++) {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    name += LETTERS[h % LETTERS.length];
  }
  return `/tmp/kubectl-edit-${name}${ext}`;
}
