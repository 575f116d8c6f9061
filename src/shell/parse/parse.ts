/**
 * Tokens to a small syntax tree, after bash's grammar (parse.y) for what this shell runs:
 * lists joined by `;`, `&&`, `||`; pipelines; simple commands with their redirections; and
 * the compound commands tutorials type on one line: `for NAME in WORDS; do LIST; done`,
 * `while|until LIST; do LIST; done`, `if LIST; then LIST; [elif ...;] [else LIST;] fi`.
 * Reserved words count only where a command starts, as in bash.
 */
import { ParseError, type Redirection, type Token, type Word } from './tokenize';

export interface Redir extends Redirection {
  target: Word;
}

export type Node =
  | { kind: 'simple'; words: Word[]; redirs: Redir[] }
  | { kind: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[] }
  | { kind: 'while'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { kind: 'if'; branches: { cond: List; body: List }[]; otherwise?: List; redirs: Redir[] };

export type Pipeline = Node[];

/** Pipelines in order, each with the operator before it (the first has ';'). */
export type List = { op: ';' | '&&' | '||'; pipeline: Pipeline }[];

/** How deep compound commands may nest in one line (bash has no such limit; the call stack does). */
export const MAX_NESTING = 64;

const RESERVED = new Set(['for', 'do', 'done', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', 'in', '{', '}', '!', 'case', 'esac', 'select', 'function']);
/** bash syntax this shell does not run: said in the simulator's words rather than a wrong error. */
const UNSUPPORTED = new Set(['{', '}', '!', 'case', 'esac', 'select', 'function']);

/** A word that is a reserved word where a command starts: unquoted, literal. */
function reserved(t: Token | undefined): string | undefined {
  if (t?.kind !== 'word' || t.parts.length !== 1) return undefined;
  const p = t.parts[0]!;
  return p.k === 'lit' && !p.q && RESERVED.has(p.s) ? p.s : undefined;
}

/** The token as bash names it in "syntax error near unexpected token `X'". */
function show(t: Token | undefined): string {
  if (!t) return 'newline';
  if (t.kind === 'word') return t.value;
  if (t.kind === 'op') return t.value;
  return t.fd === 'both' ? '&>' : t.op;
}

export class SyntaxError extends ParseError {}

const unexpected = (t: Token | undefined) =>
  t ? new SyntaxError(`syntax error near unexpected token \`${show(t)}'`) : new SyntaxError('syntax error: unexpected end of file');

export function parse(tokens: Token[]): List {
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const isOp = (v: string) => {
    const t = peek();
    return t?.kind === 'op' && t.value === v;
  };
  const expectWord = (w: string) => {
    if (reserved(peek()) !== w) throw unexpected(peek());
    i++;
  };

  /** A list up to one of `ends` (reserved words) or the end of the line. */
  const list = (ends: string[]): List => {
    const items: List = [];
    let op: List[number]['op'] = ';';
    for (;;) {
      const t = peek();
      const r = reserved(t);
      if (!t || (r && ends.includes(r))) {
        if (items.length === 0 || op !== ';') throw unexpected(t);
        return items;
      }
      items.push({ op, pipeline: pipeline() });
      const next = peek();
      if (!next) {
        if (ends.length) throw unexpected(undefined);
        return items;
      }
      if (next.kind !== 'op' || next.value === '|') {
        if (next.kind === 'word' && reserved(next) && ends.includes(reserved(next)!)) throw unexpected(next);
        throw unexpected(next);
      }
      op = next.value as List[number]['op'];
      i++;
      // `a;` may end a list; `a &&` may not.
      if (op === ';') {
        const after = peek();
        const ra = reserved(after);
        if (!after || (ra && ends.includes(ra))) {
          if (!after && ends.length) throw unexpected(undefined);
          return items;
        }
      }
    }
  };

  const pipeline = (): Pipeline => {
    const nodes: Pipeline = [command()];
    while (isOp('|')) {
      i++;
      nodes.push(command());
    }
    return nodes;
  };

  const redirs = (): Redir[] => {
    const found: Redir[] = [];
    for (let t = peek(); t?.kind === 'redir'; t = peek()) {
      const target = tokens[i + 1];
      if (target?.kind !== 'word') throw unexpected(target);
      found.push({ ...t, target });
      i += 2;
    }
    return found;
  };

  const nested = <T>(build: () => T): T => {
    if (++depth > MAX_NESTING) throw new ParseError(`compound commands nested more than ${MAX_NESTING} deep are not run here`);
    try {
      return build();
    } finally {
      depth--;
    }
  };

  const command = (): Node => {
    const t = peek();
    const r = reserved(t);
    if (r === 'for') return nested(forClause);
    if (r === 'while' || r === 'until') return nested(() => whileClause(r === 'until'));
    if (r === 'if') return nested(ifClause);
    if (r && UNSUPPORTED.has(r)) throw new ParseError(`\`${r}' is not supported by this simulated shell`);
    if (r && r !== 'in') throw unexpected(t);
    const node: Node = { kind: 'simple', words: [], redirs: [] };
    for (let x = peek(); x && x.kind !== 'op'; x = peek()) {
      if (x.kind === 'redir') node.redirs.push(...redirs());
      else {
        node.words.push(x);
        i++;
      }
    }
    if (node.words.length === 0 && node.redirs.length === 0) throw unexpected(peek());
    return node;
  };

  const separator = () => {
    if (isOp(';')) i++;
  };

  const forClause = (): Node => {
    i++;
    const nameTok = peek();
    if (nameTok?.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.value)) {
      if (nameTok?.kind === 'word') throw new SyntaxError(`\`${nameTok.value}': not a valid identifier`);
      throw unexpected(nameTok);
    }
    i++;
    let items: Word[] | undefined;
    if (reserved(peek()) === 'in') {
      i++;
      items = [];
      for (let x = peek(); x?.kind === 'word'; x = peek()) {
        items.push(x);
        i++;
      }
      if (!isOp(';')) throw unexpected(peek());
      i++;
    } else separator();
    expectWord('do');
    const body = list(['done']);
    expectWord('done');
    return { kind: 'for', name: nameTok.value, ...(items ? { items } : {}), body, redirs: redirs() };
  };

  const whileClause = (until: boolean): Node => {
    i++;
    const cond = list(['do']);
    expectWord('do');
    const body = list(['done']);
    expectWord('done');
    return { kind: 'while', until, cond, body, redirs: redirs() };
  };

  const ifClause = (): Node => {
    i++;
    const branches: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = list(['then']);
      expectWord('then');
      const body = list(['elif', 'else', 'fi']);
      branches.push({ cond, body });
      const r = reserved(peek());
      i++;
      if (r === 'elif') continue;
      if (r === 'else') {
        otherwise = list(['fi']);
        expectWord('fi');
      }
      break;
    }
    return { kind: 'if', branches, ...(otherwise ? { otherwise } : {}), redirs: redirs() };
  };

  if (tokens.length === 0) return [];
  const top = list([]);
  if (i < tokens.length) throw unexpected(peek());
  return top;
}
