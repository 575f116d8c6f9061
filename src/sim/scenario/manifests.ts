/**
 * Multi-document YAML as kubectl apply -f reads it, keeping where each field
 * is written so that an error can be marked on its line.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import { documentToJs, duplicateKeys } from './yaml-guards';
import type { Diagnostic } from '../view/snapshot';
import { goYamlMessage } from './yaml-errors';

export interface TextRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Manifest {
  raw: Record<string, unknown>;
  /** The range of the whole document (or List item). */
  range: TextRange;
  /** The range of the field at a path like "spec.ports[1].name", or of its closest written parent. */
  locate(fieldPath: string): TextRange;
}

export interface ParsedManifests {
  manifests: Manifest[];
  /** YAML syntax errors, as kubectl would report them. */
  errors: Diagnostic[];
  /** What kubectl lets pass but a reader should see: a key written twice (the last one wins). */
  warnings: Diagnostic[];
}

export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function parseManifests(text: string, source = 'STDIN'): ParsedManifests {
  const lineCounter = new LineCounter();
  // Duplicate keys pass kubectl's YAML-to-JSON conversion (the last one wins: cli-runtime's StreamVisitor
  // decodes with apimachinery's non-strict YAMLToJSONDecoder, kubernetes/kubernetes#89303), so they are
  // only warnings here.
  const docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  const toRange = (start: number, end: number): TextRange => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return { startLine: a.line, startColumn: a.col, endLine: b.line, endColumn: b.col };
  };
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const manifests: Manifest[] = [];
  const docList = Array.isArray(docs) ? docs : [docs];
  const mayHaveAliases = text.includes('*');
  for (const doc of docList as Document.Parsed[]) {
    for (const err of doc.errors) {
      const [start, end] = err.pos;
      errors.push({
        ...toRange(start, end),
        message: `error: error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(err, text)}`,
        severity: 'error',
      });
    }
    if (doc.errors.length > 0) continue;
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) continue;
    for (const d of duplicateKeys(doc)) {
      const firstLine = lineCounter.linePos(d.first).line;
      warnings.push({ ...toRange(d.start, d.end), message: `duplicate key "${d.key}" (first on line ${firstLine}): kubectl keeps only the last value written`, severity: 'warning' });
    }
    const converted = documentToJs(doc, mayHaveAliases);
    if ('error' in converted) {
      errors.push({ ...toRange(converted.at.start, converted.at.end), message: `error: error parsing ${source}: error converting YAML to JSON: ${converted.error}`, severity: 'error' });
      continue;
    }
    const value = converted.value;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const r = root.range ?? [0, 0, 0];
      errors.push({ ...toRange(r[0], r[1]), message: `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`, severity: 'error' });
      continue;
    }
    const rootRange = root.range ?? [0, 0, 0];
    const raw = value as Record<string, unknown>;
    const locateIn = (base: (string | number)[]) => (fieldPath: string): TextRange => {
      const path = [...base, ...splitFieldPath(fieldPath)];
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true) as YamlNode | undefined;
        if (node && node.range) return keyRangeOrNode(doc, path.slice(0, n), node, toRange);
      }
      return toRange(rootRange[0], rootRange[1]);
    };
    if (raw.kind === 'List' && Array.isArray(raw.items)) {
      const items = doc.get('items', true);
      raw.items.forEach((item, i) => {
        if (typeof item !== 'object' || item === null) return;
        const node = isSeq(items) ? (items.items[i] as YamlNode | undefined) : undefined;
        const r = node?.range ?? rootRange;
        manifests.push({ raw: item as Record<string, unknown>, range: toRange(r[0], r[1]), locate: locateIn(['items', i]) });
      });
      continue;
    }
    manifests.push({ raw, range: toRange(rootRange[0], rootRange[1]), locate: locateIn([]) });
  }
  return { manifests, errors, warnings };
}

/** Prefer marking "key: value" from the key's start, as a person reads the line. */
function keyRangeOrNode(
  doc: Document.Parsed,
  path: (string | number)[],
  node: YamlNode,
  toRange: (a: number, b: number) => TextRange,
): TextRange {
  const last = path[path.length - 1];
  if (typeof last === 'string' && path.length > 0) {
    const parent = doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
      const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange && node.range) {
        const end = isScalar(node) ? node.range[1] : keyRange[1];
        return toRange(keyRange[0], end);
      }
    }
  }
  const r = node.range!;
  return isScalar(node) ? toRange(r[0], r[1]) : toRange(r[0], Math.min(r[1], r[0] + 1));
}
