/**
 * Runs a parsed JSONPath template over a JSON value and prints the results as
 * kubectl does: each {action}'s values joined by spaces, maps and lists as
 * compact JSON, strings raw, null as "null".
 * Mirrors staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go (FindResults,
 * PrintResults, evalArray, evalFilter...), error texts included.
 * Departure: Go walks a map's keys in random order (wildcards, ..); here they
 * come sorted, so transcripts stay reproducible.
 */
import { GoFloat, goJson, goTypeName, goV } from './go-format';
import type { JpNode, SliceParam } from './jsonpath-parse';

export class JsonPathError extends Error {}

/** One value reached by the template, or nothing at all when a field is missing. */
type Value = unknown;

export interface JsonPathOptions {
  /** kubectl's --allow-missing-template-keys (default true): a missing field yields nothing instead of an error. */
  allowMissingKeys: boolean;
}

function isList(n: JpNode | undefined, name: string): boolean {
  return n?.t === 'list' && n.nodes[0]?.t === 'ident' && n.nodes[0].name === name;
}

/** FindResults: one array of values per top-level node (text, or an action). */
export function findResults(nodes: JpNode[], data: Value, opts: JsonPathOptions): Value[][] {
  const ev = new Evaluator(opts);
  return ev.run(nodes, 0, [data], 0).groups;
}

class Evaluator {
  constructor(private readonly opts: JsonPathOptions) {}

  /**
   * Walks the top-level nodes from `start`. A {range X} runs what follows up to
   * its {end} once per value of X (with nothing, when X has none: the body is
   * still walked, for its errors and to find the end), then goes on after it.
   */
  run(nodes: JpNode[], start: number, cur: Value[], depth: number): { groups: Value[][]; end: number } {
    const groups: Value[][] = [];
    for (let i = start; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (isList(node, 'end')) {
        if (depth > 0) return { groups, end: i };
        throw new JsonPathError('not in range, nothing to end');
      }
      if (node.t === 'list' && isList(node, 'range')) {
        const values = this.list(cur, node.nodes.slice(1));
        let end = nodes.length;
        if (values.length === 0) end = this.run(nodes, i + 1, [null], depth + 1).end;
        for (const v of values) {
          const r = this.run(nodes, i + 1, [v], depth + 1);
          groups.push(...r.groups);
          end = r.end;
        }
        i = end;
        continue;
      }
      groups.push(this.walk(cur, node));
    }
    return { groups, end: nodes.length };
  }

  private list(input: Value[], nodes: JpNode[]): Value[] {
    let cur = input;
    for (const n of nodes) cur = this.walk(cur, n);
    return cur;
  }

  private walk(input: Value[], node: JpNode): Value[] {
    switch (node.t) {
      case 'list':
        return this.list(input, node.nodes);
      case 'text':
        return [node.text];
      case 'field':
        return this.field(input, node.name);
      case 'array':
        return this.array(input, node.params);
      case 'filter':
        return this.filter(input, node);
      case 'int':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return this.recursive(input);
      case 'union':
        return node.lists.flatMap((l) => this.list(input, l));
      case 'ident':
        if (node.name === 'range' || node.name === 'end') return input;
        throw new JsonPathError(`unrecognized identifier ${node.name}`);
    }
  }

  private field(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const out: Value[] = [];
    for (const v of input) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoFloat) && Object.hasOwn(v, name)) {
        out.push((v as Record<string, Value>)[name]);
      }
    }
    if (out.length === 0 && !this.opts.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
    return out;
  }

  private array(input: Value[], params: readonly [SliceParam, SliceParam, SliceParam]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null) continue;
      if (!Array.isArray(v)) throw new JsonPathError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      let from = params[0].known ? params[0].value : 0;
      if (from < 0) from += len;
      let to = params[1].known ? params[1].value : len;
      if (params[1].derived) to = from + 1;
      else if (to < 0) to += len;
      if (to !== from) {
        if (from >= len || from < 0) throw new JsonPathError(`array index out of bounds: index ${from}, length ${len}`);
        if (to > len) throw new JsonPathError(`array index out of bounds: index ${to - 1}, length ${len}`);
        if (from > to) throw new JsonPathError(`starting index ${from} is greater than ending index ${to}`);
      } else continue;
      const step = params[2].known ? params[2].value : 1;
      if (step <= 0) throw new JsonPathError('step must be > 0');
      for (let i = from; i < to; i += step) out.push(v[i]);
    }
    return out;
  }

  private recursive(input: Value[]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      const kids = children(v);
      if (kids.length === 0) continue;
      out.push(v, ...this.recursive(kids));
    }
    return out;
  }

  private filter(input: Value[], node: JpNode & { t: 'filter' }): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathError(`${v === null ? '<invalid reflect.Value>' : goV(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (node.op === 'exists') {
          let lefts: Value[] = [];
          try {
            lefts = this.list([item], node.left);
          } catch (e) {
            if (!(e instanceof JsonPathError)) throw e;
          }
          if (lefts.length > 0) out.push(item);
          continue;
        }
        const lefts = this.list([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.list([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.op)) out.push(item);
      }
    }
    return out;
  }
}

/** A value's children, as evalWildcard and evalRecursive see them: map values, list items, a string's bytes. */
function children(v: Value): Value[] {
  if (v === null || v instanceof GoFloat) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'object') return Object.keys(v).sort().map((k) => (v as Record<string, Value>)[k]);
  if (typeof v === 'string') return utf8Bytes(v);
  return [];
}

/** A Go string indexes as its UTF-8 bytes (uint8). */
function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

type BasicKind = 'bool' | 'int' | 'float' | 'string';

function basicKind(v: Value): BasicKind {
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'string';
  throw new JsonPathError('invalid type for comparison');
}

function raw(v: Value): number | string | boolean {
  return v instanceof GoFloat ? v.value : (v as number | string | boolean);
}

/** The forked text/template comparisons (eq, lt...) the filter uses: both sides of one basic kind. */
function compare(left: Value, right: Value, op: string): boolean {
  const k1 = basicKind(left);
  const k2 = basicKind(right);
  const eq = (): boolean => {
    if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
    return raw(left) === raw(right);
  };
  const lt = (): boolean => {
    if (k1 !== k2) throw new JsonPathError('incompatible types for comparison');
    if (k1 === 'bool') throw new JsonPathError('invalid type for comparison');
    return raw(left) < raw(right);
  };
  switch (op) {
    case '==':
      return eq();
    case '!=':
      return !eq();
    case '<':
      return lt();
    case '<=':
      return lt() || eq();
    case '>':
      return !(lt() || eq());
    case '>=':
      return !lt();
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

/** PrintResults for one group: maps, lists as JSON; with asJson, the whole group as one indented JSON array. */
export function printGroup(values: Value[], asJson = false): string {
  if (asJson) return goJson(values, '    ') + '\n';
  return values.map((v) => (v !== null && typeof v === 'object' && !(v instanceof GoFloat) ? goJson(v) : v === null ? 'null' : goV(v))).join(' ');
}
