/**
 * What the `yaml` package lets through or throws, checked before a document becomes JSON:
 * keys written twice in one map, aliases to anchors not (yet) defined, and alias expansion
 * (a "billion laughs" document), each with where it is written and go-yaml's words for it
 * (gopkg.in/yaml.v2 decode.go: "unknown anchor '%s' referenced", "document contains
 * excessive aliasing"), which kubectl prints after "error converting YAML to JSON: ".
 */
import { isAlias, isNode, isScalar, visit, type Document } from 'yaml';

/** How much alias expansion a document may do (the `yaml` package's default; go-yaml bounds it by ratio). */
export const MAX_ALIAS_COUNT = 100;

export interface YamlSpot {
  start: number;
  end: number;
}

export interface DuplicateKey extends YamlSpot {
  key: string;
  /** Where the key was first written. */
  first: number;
}

/** Every repeat of a key within one map, in document order. */
export function duplicateKeys(doc: Document.Parsed): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const key = String(pair.key.value);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, pair.key.range[0]);
        else out.push({ key, first, start: pair.key.range[0], end: pair.key.range[1] });
      }
    },
  });
  return out;
}

/** The first alias whose anchor is not defined before it, as go-yaml reports it. */
export function unknownAnchor(doc: Document.Parsed): (YamlSpot & { message: string }) | undefined {
  const anchors = new Set<string>();
  let found: (YamlSpot & { message: string }) | undefined;
  visit(doc, (_, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        const r = node.range ?? [0, 0, 0];
        found = { start: r[0], end: r[1], message: `yaml: unknown anchor '${node.source}' referenced` };
        return visit.BREAK;
      }
    } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
    return undefined;
  });
  return found;
}

/** The first alias of a document (where an over-expansion is marked). */
export function firstAlias(doc: Document.Parsed): YamlSpot | undefined {
  let found: YamlSpot | undefined;
  visit(doc, (_, node) => {
    if (!isAlias(node)) return undefined;
    const r = node.range ?? [0, 0, 0];
    found = { start: r[0], end: r[1] };
    return visit.BREAK;
  });
  return found;
}

/**
 * doc.toJS with alias expansion bounded: the value, or go-yaml's message and where to mark it.
 * Never throws. `mayHaveAliases` false (the source has no `*`) spares the walk looking for them.
 */
export function documentToJs(doc: Document.Parsed, mayHaveAliases = true): { value: unknown } | { error: string; at: YamlSpot } {
  const unknown = mayHaveAliases ? unknownAnchor(doc) : undefined;
  if (unknown) return { error: unknown.message, at: unknown };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    const at = firstAlias(doc) ?? { start: doc.contents?.range?.[0] ?? 0, end: (doc.contents?.range?.[0] ?? 0) + 1 };
    const excessive = e instanceof ReferenceError && /Excessive alias count/.test(e.message);
    return { error: excessive ? 'yaml: document contains excessive aliasing' : `yaml: ${(e as Error).message}`, at };
  }
}


