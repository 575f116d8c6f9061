/**
 * Go text/template's parser (src/text/template/parse/parse.go) for one template named "output", as
 * kubectl's go-template printer parses it: actions, if/else if/else, range (with $i, $e :=), with,
 * break/continue, variables, pipelines, parenthesized pipelines and field chains. Errors read as
 * Go's: "template: output:LINE: MESSAGE".
 */
import { lex, type Item } from './lex';
import { GoFloat } from '../go-format';

export type Arg =
  | { t: 'field'; pos: number; ident: string[] }
  | { t: 'variable'; pos: number; ident: string[] }
  | { t: 'dot'; pos: number }
  | { t: 'nil'; pos: number }
  | { t: 'bool'; pos: number; value: boolean }
  | { t: 'string'; pos: number; value: string; text: string }
  | { t: 'number'; pos: number; value: GoInt | GoFloat; text: string }
  | { t: 'identifier'; pos: number; name: string }
  | { t: 'pipe'; pos: number; pipe: Pipe }
  | { t: 'chain'; pos: number; node: Arg; fields: string[] };

export interface Cmd {
  pos: number;
  args: Arg[];
}

export interface Pipe {
  pos: number;
  decl: string[];
  isAssign: boolean;
  cmds: Cmd[];
}

export interface ControlNode {
  t: 'if' | 'with' | 'range';
  pos: number;
  pipe: Pipe;
  list: TNode[];
  elseList?: TNode[];
}

export type TNode =
  | { t: 'text'; text: string }
  | { t: 'action'; pos: number; pipe: Pipe }
  | ControlNode
  | { t: 'break' | 'continue'; pos: number };

/** A template literal int: Go types it int (data from JSON is int64). */
export class GoInt {
  constructor(readonly value: number) {}
}

export const BUILTINS = new Set([
  'and', 'or', 'not', 'len', 'index', 'slice', 'print', 'printf', 'println', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'html', 'js', 'urlquery', 'call', 'exists', 'base64decode',
]);

class ParseError extends Error {}

export function parseTemplate(input: string): { root: TNode[] } | { error: string } {
  const items = lex(input);
  let i = 0;
  let line = 1;
  const vars: string[][] = [['$']];
  let rangeDepth = 0;

  const fail = (msg: string): never => {
    throw new ParseError(`template: output:${line}: ${msg}`);
  };
  const peek = (): Item => items[i]!;
  const next = (): Item => {
    const it = items[i++]!;
    line = it.line;
    if (it.type === 'error') fail(it.val);
    return it;
  };
  const peekNonSpace = (): Item => {
    while (items[i]!.type === 'space') i++;
    return items[i]!;
  };
  const nextNonSpace = (): Item => {
    peekNonSpace();
    return next();
  };
  const describe = (it: Item): string => (it.type === 'eof' ? 'EOF' : it.type === 'rightDelim' ? '"}}"' : `"${it.val}"`);
  const declared = (name: string) => vars.some((scope) => scope.includes(name));

  /** itemList: nodes until {{end}} or {{else}}; returns the ending keyword. */
  function itemList(context: string): { list: TNode[]; end: 'end' | 'else' | 'eof' } {
    const list: TNode[] = [];
    for (;;) {
      const it = peek();
      if (it.type === 'eof') {
        if (context !== 'top') fail('unexpected EOF');
        return { list, end: 'eof' };
      }
      if (it.type === 'error') next();
      if (it.type === 'text') {
        list.push({ t: 'text', text: next().val });
        continue;
      }
      // leftDelim
      next();
      const kw = peekNonSpace();
      if (kw.type === 'keyword' && (kw.val === 'end' || kw.val === 'else')) {
        if (context === 'top') fail(`unexpected {{${kw.val}}}`);
        next();
        if (kw.val === 'end') {
          expectRight('end');
          return { list, end: 'end' };
        }
        return { list, end: 'else' };
      }
      list.push(action());
    }
  }

  function expectRight(context: string) {
    const it = nextNonSpace();
    if (it.type !== 'rightDelim') fail(`unexpected ${describe(it)} in ${context}`);
  }

  function action(): TNode {
    const it = peekNonSpace();
    if (it.type === 'keyword') {
      next();
      switch (it.val) {
        case 'if':
        case 'with':
        case 'range':
          return control(it.val, it.pos);
        case 'break':
        case 'continue':
          if (rangeDepth === 0) fail(`{{${it.val}}} outside {{range}}`);
          expectRight(it.val);
          return { t: it.val, pos: it.pos };
        default:
          fail(`{{${it.val}}} is not available in this simulator's go-template`);
      }
    }
    const pipe = pipeline('command');
    return { t: 'action', pos: it.pos, pipe };
  }

  function control(kind: 'if' | 'with' | 'range', pos: number): TNode {
    vars.push([]);
    const pipe = pipeline(kind);
    if (kind === 'range') rangeDepth++;
    const body = itemList(kind);
    if (kind === 'range') rangeDepth--;
    let elseList: TNode[] | undefined;
    if (body.end === 'else') {
      const after = peekNonSpace();
      if ((kind === 'if' && after.type === 'keyword' && after.val === 'if') || (kind === 'with' && after.type === 'keyword' && after.val === 'with')) {
        // {{else if ...}}: an if nested in the else branch, sharing this one's {{end}}.
        next();
        elseList = [control(kind, after.pos)];
      } else {
        expectRight('else');
        const rest = itemList(kind);
        if (rest.end === 'else') fail('expected end; found {{else}}');
        elseList = rest.list;
      }
    }
    vars.pop();
    return { t: kind, pos, pipe, list: body.list, ...(elseList ? { elseList } : {}) };
  }

  function pipeline(context: string): Pipe {
    const start = peekNonSpace();
    const pipe: Pipe = { pos: start.pos, decl: [], isAssign: false, cmds: [] };
    // Declarations: $x := / $x = / $i, $e :=
    const save = i;
    const v1 = peekNonSpace();
    if (v1.type === 'variable') {
      next();
      const after = peekNonSpace();
      if (after.type === 'declare' || after.type === 'assign') {
        next();
        pipe.decl.push(v1.val);
        pipe.isAssign = after.type === 'assign';
        if (pipe.isAssign && !declared(v1.val)) fail(`undefined variable "${v1.val}"`);
      } else if (after.type === 'comma' && context === 'range') {
        next();
        const v2 = nextNonSpace();
        if (v2.type !== 'variable') fail(`range can only initialize variables`);
        const d = nextNonSpace();
        if (d.type !== 'declare' && d.type !== 'assign') fail(`expected := or = after range variables`);
        pipe.decl.push(v1.val, v2.val);
        pipe.isAssign = d.type === 'assign';
      } else {
        i = save;
      }
    }
    for (;;) {
      const it = peekNonSpace();
      if (it.type === 'rightDelim' || (it.type === 'rightParen' && context === 'parenthesized pipeline')) {
        if (it.type === 'rightDelim') next();
        if (pipe.cmds.length === 0) fail(`missing value for ${context}`);
        break;
      }
      pipe.cmds.push(command(context));
      const after = peekNonSpace();
      if (after.type === 'pipe') next();
    }
    if (!pipe.isAssign) for (const d of pipe.decl) vars[vars.length - 1]!.push(d);
    return pipe;
  }

  function command(context: string): Cmd {
    const cmd: Cmd = { pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const it = peek();
      if (it.type === 'space') {
        next();
        continue;
      }
      if (it.type === 'rightDelim' || it.type === 'rightParen') break;
      if (it.type === 'pipe') break;
      if (it.type === 'error') next();
      fail(`unexpected ${describe(it)} in operand`);
    }
    if (cmd.args.length === 0) fail(`empty command`);
    void context;
    return cmd;
  }

  function operand(): Arg | undefined {
    const node = term();
    if (!node) return undefined;
    if (peek().type === 'field') {
      const fields: string[] = [];
      const chainPos = peek().pos;
      while (peek().type === 'field') fields.push(next().val.slice(1));
      if (node.t === 'field') return { t: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
      if (node.t === 'variable') return { t: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
      if (node.t === 'bool' || node.t === 'string' || node.t === 'number' || node.t === 'nil' || node.t === 'dot') {
        fail(`unexpected . after term "${argString(node)}"`);
      }
      return { t: 'chain', pos: chainPos, node, fields };
    }
    return node;
  }

  function term(): Arg | undefined {
    const it = peekNonSpace();
    switch (it.type) {
      case 'identifier':
        next();
        if (!BUILTINS.has(it.val)) fail(`function "${it.val}" not defined`);
        return { t: 'identifier', pos: it.pos, name: it.val };
      case 'dot':
        next();
        return { t: 'dot', pos: it.pos };
      case 'nil':
        next();
        return { t: 'nil', pos: it.pos };
      case 'variable':
        next();
        if (!declared(it.val)) fail(`undefined variable "${it.val}"`);
        return { t: 'variable', pos: it.pos, ident: [it.val] };
      case 'field':
        next();
        return { t: 'field', pos: it.pos, ident: [it.val.slice(1)] };
      case 'bool':
        next();
        return { t: 'bool', pos: it.pos, value: it.val === 'true' };
      case 'number':
        next();
        return { t: 'number', pos: it.pos, value: numberValue(it.val), text: it.val };
      case 'char':
        next();
        return { t: 'number', pos: it.pos, value: new GoInt(unquoteChar(it.val).codePointAt(0) ?? 0), text: it.val };
      case 'string':
      case 'rawString':
        next();
        return { t: 'string', pos: it.pos, value: it.type === 'rawString' ? it.val.slice(1, -1) : unquote(it.val), text: it.val };
      case 'leftParen': {
        next();
        const pipe = pipeline('parenthesized pipeline');
        const close = nextNonSpace();
        if (close.type !== 'rightParen') fail(`unclosed left paren`);
        return { t: 'pipe', pos: it.pos, pipe };
      }
      default:
        return undefined;
    }
  }

  function numberValue(text: string): GoInt | GoFloat {
    const clean = text.replace(/_/g, '');
    if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|\d+)$/.test(clean)) {
      const neg = clean.startsWith('-');
      const body = clean.replace(/^[+-]/, '');
      const n = /^0[oO]/.test(body) ? parseInt(body.slice(2), 8) : /^0[bB]/.test(body) ? parseInt(body.slice(2), 2) : /^0\d/.test(body) ? parseInt(body, 8) : Number(body);
      return new GoInt(neg ? -n : n);
    }
    const f = Number(clean);
    if (Number.isNaN(f)) fail(`illegal number syntax: "${text}"`);
    return new GoFloat(f);
  }

  try {
    const { list } = itemList('top');
    return { root: list };
  } catch (e) {
    if (e instanceof ParseError) return { error: e.message };
    throw e;
  }
}

/** strconv.Unquote of a double-quoted Go string. */
export function unquote(text: string): string {
  const body = text.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'x': case 'u': case 'U': return String.fromCodePoint(parseInt(e.slice(1), 16));
      default: return /^[0-7]{3}$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

function unquoteChar(text: string): string {
  return unquote(`"${text.slice(1, -1)}"`);
}

/** A node as Go's String() writes it, for "executing ... at <...>". */
export function argString(a: Arg): string {
  switch (a.t) {
    case 'field': return a.ident.map((f) => `.${f}`).join('');
    case 'variable': return a.ident[0] + a.ident.slice(1).map((f) => `.${f}`).join('');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return String(a.value);
    case 'string': return a.text;
    case 'number': return a.text;
    case 'identifier': return a.name;
    case 'pipe': return `(${pipeString(a.pipe)})`;
    case 'chain': return `${argString(a.node)}${a.fields.map((f) => `.${f}`).join('')}`;
  }
}

export function cmdString(c: Cmd): string {
  return c.args.map(argString).join(' ');
}

export function pipeString(p: Pipe): string {
  const decl = p.decl.length ? `${p.decl.join(', ')} ${p.isAssign ? '=' : ':='} ` : '';
  return decl + p.cmds.map(cmdString).join(' | ');
}
