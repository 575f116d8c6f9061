/**
 * Go text/template's executor (src/text/template/exec.go and funcs.go) over the map kubectl hands its
 * go-template printer: the object as JSON decoded into interface{} (integral numbers int64). Missing
 * map keys are "<no value>", or an error with --allow-missing-template-keys=false (missingkey=error).
 * Errors read as Go's: template: output:LINE:COL: executing "output" at <NODE>: MESSAGE.
 */
import { GoFloat } from '../go-format';
import { hasOwn, own } from '../../../sim/model/own';
import { base64Decode, utf8Text } from '../../../sim/model/base64';
import { argString, cmdString, GoInt, pipeString, type Arg, type Cmd, type ControlNode, type Pipe, type TNode } from './parse';
import { sprint, sprintf, sprintln, typeName, utf8Length, vText } from './printf';

/** An invalid reflect.Value: a missing map key, an empty pipeline. */
export const NO_VALUE = Symbol('no value');
const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

class ExecError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoInt) && !(v instanceof GoFloat);

/** The value a command gives after Go's unwrapping of an empty interface: a nil one is invalid. */
const unwrap = (v: unknown): unknown => (v === null || v === undefined ? NO_VALUE : v);

function intValue(v: unknown): number | undefined {
  if (v instanceof GoInt) return v.value;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return undefined;
}

/** isTrue: the zero value of its type is false. */
function truth(v: unknown): boolean {
  if (v === NO_VALUE || v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof GoInt || v instanceof GoFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.keys(v).length > 0;
  return true;
}

type BasicKind = 'invalid' | 'bool' | 'int' | 'float' | 'string' | 'other';
function basicKind(v: unknown): BasicKind {
  if (v === NO_VALUE || v === null || v === undefined) return 'invalid';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (v instanceof GoInt) return 'int';
  if (v instanceof GoFloat) return 'float';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'other';
}
const num = (v: unknown): number => (v instanceof GoInt || v instanceof GoFloat ? v.value : (v as number));

class Fail extends Error {}

export interface ExecResult {
  out: string;
  error?: string;
}

export function execute(root: TNode[], text: string, data: unknown, missingKeyError: boolean): ExecResult {
  let out = '';
  const vars: { name: string; value: unknown }[] = [{ name: '$', value: data }];
  let at: { pos: number; str: string } = { pos: 0, str: '' };

  const setAt = (pos: number, str: string) => {
    at = { pos, str };
  };
  const errorf = (msg: string): never => {
    const before = text.slice(0, at.pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = nl < 0 ? at.pos : at.pos - (nl + 1);
    throw new ExecError(`template: output:${line}:${col}: executing "output" at <${at.str}>: ${msg}`);
  };
  const varValue = (name: string): unknown => {
    for (let k = vars.length - 1; k >= 0; k--) if (vars[k]!.name === name) return vars[k]!.value;
    return errorf(`undefined variable: ${name}`);
  };
  const setVar = (name: string, value: unknown) => {
    for (let k = vars.length - 1; k >= 0; k--) {
      if (vars[k]!.name === name) {
        vars[k]!.value = value;
        return;
      }
    }
  };

  function walk(dot: unknown, nodes: TNode[]): void {
    for (const n of nodes) {
      switch (n.t) {
        case 'text':
          out += n.text;
          break;
        case 'action': {
          const v = evalPipeline(dot, n.pipe);
          if (n.pipe.decl.length === 0) out += v === NO_VALUE ? '<no value>' : vText(v);
          break;
        }
        case 'if':
        case 'with': {
          const mark = vars.length;
          const v = evalPipeline(dot, n.pipe);
          if (truth(v)) walk(n.t === 'with' ? v : dot, n.list);
          else if (n.elseList) walk(dot, n.elseList);
          vars.length = mark;
          break;
        }
        case 'range':
          walkRange(dot, n);
          break;
        case 'break':
          throw BREAK;
        case 'continue':
          throw CONTINUE;
      }
    }
  }

  function walkRange(dot: unknown, n: ControlNode) {
    const mark = vars.length;
    const val = evalPipelineNoDecl(dot, n.pipe);
    const iterations: [unknown, unknown][] = [];
    if (Array.isArray(val)) val.forEach((e, k) => iterations.push([k, e]));
    else if (isObj(val)) for (const k of Object.keys(val).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) iterations.push([k, val[k]]);
    else if (intValue(val) !== undefined) for (let k = 0; k < intValue(val)!; k++) iterations.push([k, k]);
    else if (val !== NO_VALUE) errorf(`range can't iterate over ${vText(val)}`);
    for (const [index, elem] of iterations) {
      const inner = vars.length;
      const [d1, d2] = n.pipe.decl;
      if (n.pipe.isAssign) {
        if (d2) {
          setVar(d1!, index);
          setVar(d2, elem);
        } else if (d1) setVar(d1, elem);
      } else if (d2) {
        vars.push({ name: d1!, value: index }, { name: d2, value: elem });
      } else if (d1) vars.push({ name: d1, value: elem });
      try {
        walk(elem, n.list);
      } catch (e) {
        if (e === BREAK) {
          vars.length = inner;
          break;
        }
        if (e !== CONTINUE) throw e;
      }
      vars.length = inner;
    }
    if (iterations.length === 0 && n.elseList) walk(dot, n.elseList);
    vars.length = mark;
  }

  function evalPipelineNoDecl(dot: unknown, pipe: Pipe): unknown {
    setAt(pipe.pos, pipeString(pipe));
    let value: unknown = NO_VALUE;
    let final = false;
    for (const cmd of pipe.cmds) {
      value = unwrap(evalCommand(dot, cmd, value, final));
      final = true;
    }
    return value;
  }

  function evalPipeline(dot: unknown, pipe: Pipe): unknown {
    const value = evalPipelineNoDecl(dot, pipe);
    for (const d of pipe.decl) {
      if (pipe.isAssign) setVar(d, value);
      else vars.push({ name: d, value });
    }
    return value;
  }

  function notAFunction(args: Arg[], hasFinal: boolean) {
    if (args.length > 1 || hasFinal) errorf(`can't give argument to non-function ${argString(args[0]!)}`);
  }

  function evalCommand(dot: unknown, cmd: Cmd, final: unknown, hasFinal: boolean): unknown {
    const first = cmd.args[0]!;
    switch (first.t) {
      case 'field':
        setAt(first.pos, argString(first));
        return evalFieldChain(dot, true, first, first.ident, cmd.args, hasFinal);
      case 'chain': {
        setAt(first.pos, argString(first));
        const base = evalArg(dot, first.node);
        return evalFieldChain(unwrap(base), false, first, first.fields, cmd.args, hasFinal);
      }
      case 'identifier':
        return evalFunction(dot, first, cmd, cmd.args, final, hasFinal);
      case 'pipe':
        notAFunction(cmd.args, hasFinal);
        return evalPipeline(dot, first.pipe);
      case 'variable': {
        setAt(first.pos, argString(first));
        const value = varValue(first.ident[0]!);
        if (first.ident.length === 1) {
          notAFunction(cmd.args, hasFinal);
          return value;
        }
        return evalFieldChain(value, false, first, first.ident.slice(1), cmd.args, hasFinal);
      }
    }
    setAt(first.pos, argString(first));
    notAFunction(cmd.args, hasFinal);
    switch (first.t) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return errorf('nil is not a command');
      case 'number':
        return first.value;
      case 'string':
        return first.value;
    }
  }

  /** Field steps from a receiver; `isRoot`: the receiver is the data itself (typed map[string]interface {}). */
  function evalFieldChain(receiver: unknown, isRoot: boolean, node: Arg, ident: string[], args: Arg[], hasFinal: boolean): unknown {
    let r = receiver;
    let root = isRoot;
    for (let k = 0; k < ident.length; k++) {
      const last = k === ident.length - 1;
      r = evalField(ident[k]!, r, root, last && (args.length > 1 || hasFinal));
      root = false;
    }
    void node;
    return r;
  }

  function evalField(name: string, receiver: unknown, isRoot: boolean, hasArgs: boolean): unknown {
    if (receiver === NO_VALUE) {
      if (missingKeyError) errorf(`nil data; no entry for key "${name}"`);
      return NO_VALUE;
    }
    const typ = isRoot ? typeName(receiver) : 'interface {}';
    if (receiver === null || receiver === undefined) return errorf(`nil pointer evaluating ${typ}.${name}`);
    if (isObj(receiver)) {
      if (hasArgs) errorf(`${name} is not a method but has arguments`);
      if (hasOwn(receiver, name)) return own(receiver, name);
      if (missingKeyError) errorf(`map has no entry for key "${name}"`);
      return NO_VALUE;
    }
    return errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  /** An argument to a function: a nil interface stays nil (Go passes it as such). */
  function evalArg(dot: unknown, a: Arg): unknown {
    setAt(a.pos, argString(a));
    switch (a.t) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return evalFieldChain(dot, true, a, a.ident, [a], false);
      case 'variable':
        return a.ident.length === 1 ? varValue(a.ident[0]!) : evalFieldChain(varValue(a.ident[0]!), false, a, a.ident.slice(1), [a], false);
      case 'pipe':
        return evalPipeline(dot, a.pipe);
      case 'identifier':
        return unwrap(evalFunction(dot, a, { pos: a.pos, args: [a] }, [a], NO_VALUE, false));
      case 'chain':
        return evalFieldChain(unwrap(evalArg(dot, a.node)), false, a, a.fields, [a], false);
      case 'bool':
        return a.value;
      case 'number':
        return a.value;
      case 'string':
        return a.value;
    }
  }

  function evalFunction(dot: unknown, node: Extract<Arg, { t: 'identifier' }>, cmd: Cmd, args: Arg[], final: unknown, hasFinal: boolean): unknown {
    setAt(node.pos, node.name);
    const name = node.name;
    const rest = args.slice(1);
    const callFail = (msg: string): never => {
      setAt(cmd.pos, cmdString(cmd));
      return errorf(`error calling ${name}: ${msg}`);
    };
    if (name === 'and' || name === 'or') {
      const all = [...rest.map((a) => () => evalArg(dot, a)), ...(hasFinal ? [() => final] : [])];
      if (all.length === 0) {
        setAt(cmd.pos, cmdString(cmd));
        errorf(`wrong number of args for ${name}: want at least 1 got 0`);
      }
      let v: unknown = NO_VALUE;
      for (const f of all) {
        v = f();
        if (name === 'and' ? !truth(v) : truth(v)) return v;
      }
      return v;
    }
    const argv = rest.map((a) => evalArg(dot, a));
    if (hasFinal) argv.push(final);
    const want = (n: number, atLeast = false) => {
      if (atLeast ? argv.length < n : argv.length !== n) {
        setAt(cmd.pos, cmdString(cmd));
        errorf(`wrong number of args for ${name}: want ${atLeast ? 'at least ' : ''}${n} got ${argv.length}`);
      }
    };
    // Arguments typed interface{} receive a missing value as nil.
    const asAny = (v: unknown) => (v === NO_VALUE ? null : v);
    try {
      switch (name) {
        case 'not':
          want(1);
          return !truth(argv[0]);
        case 'len': {
          want(1);
          const v = argv[0];
          if (v === NO_VALUE) return callFail('reflect: call of reflect.Value.Type on zero Value');
          if (v === null) return callFail('len of nil pointer');
          if (typeof v === 'string') return utf8Length(v);
          if (Array.isArray(v)) return new GoInt(v.length);
          if (isObj(v)) return new GoInt(Object.keys(v).length);
          return callFail(`len of type ${typeName(v)}`);
        }
        case 'index':
          want(1, true);
          return indexOf(argv[0], argv.slice(1), callFail);
        case 'exists':
          want(1, true);
          return existsIn(argv[0], argv.slice(1));
        case 'print':
          return sprint(argv.map(asAny));
        case 'println':
          return sprintln(argv.map(asAny));
        case 'printf': {
          want(1, true);
          const f = argv[0];
          if (typeof f !== 'string') {
            setAt(cmd.pos, cmdString(cmd));
            return errorf(`wrong type for value; expected string; got ${f === NO_VALUE || f === null ? 'interface {}' : typeName(f)}`);
          }
          return sprintf(f, argv.slice(1).map(asAny));
        }
        case 'eq':
        case 'ne': {
          want(1, true);
          const r = eq(argv[0], argv.slice(1), callFail);
          return name === 'eq' ? r : !r;
        }
        case 'lt':
        case 'le':
        case 'gt':
        case 'ge': {
          want(2);
          const [a, b] = argv;
          const lt = less(a, b, callFail);
          if (name === 'lt') return lt;
          const e = eq(a, [b], callFail);
          if (name === 'le') return lt || e;
          if (name === 'gt') return !lt && !e;
          return !lt;
        }
        case 'html':
          return sprint(argv.map(asAny)).replace(/[<>&'"\0]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;', '\0': '\uFFFD' })[c]!);
        case 'urlquery':
          return encodeURIComponent(sprint(argv.map(asAny))).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
        case 'js':
          return sprint(argv.map(asAny)).replace(/[\\'"<>&=]/g, (c) => (c === '\\' || c === "'" || c === '"' ? `\\${c}` : `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`));
        case 'base64decode': {
          want(1);
          const s = argv[0];
          if (typeof s !== 'string') {
            setAt(cmd.pos, cmdString(cmd));
            return errorf(`wrong type for value; expected string; got ${s === NO_VALUE || s === null ? 'interface {}' : typeName(s)}`);
          }
          const decoded = base64Decode(s);
          if (!decoded.ok) return callFail(`base64 decode failed: illegal base64 data at input byte ${decoded.at}`);
          return utf8Text(decoded.bytes);
        }
        case 'slice':
          want(1, true);
          return sliceOf(argv, callFail);
        default:
          setAt(cmd.pos, cmdString(cmd));
          return errorf(`"${name}" is not available in this simulator's go-template`);
      }
    } catch (e) {
      if (e instanceof Fail) return callFail(e.message);
      throw e;
    }
  }

  try {
    walk(data, root);
    return { out };
  } catch (e) {
    if (e instanceof ExecError) return { out, error: e.message };
    if (e === BREAK || e === CONTINUE) return { out };
    throw e;
  }
}

function indexOf(item: unknown, indexes: unknown[], fail: (m: string) => never): unknown {
  let v = item;
  if (v === NO_VALUE || v === null) fail('index of untyped nil');
  for (const raw of indexes) {
    const index = raw === NO_VALUE ? null : raw;
    if (v === NO_VALUE || v === null) fail('index of nil pointer');
    if (Array.isArray(v) || typeof v === 'string') {
      const k = intValue(index);
      if (k === undefined) fail(`cannot index slice/array with type ${index === null ? 'nil' : typeName(index)}`);
      if (k! < 0 || k! >= (typeof v === 'string' ? utf8Length(v) : v.length)) fail(`index out of range: ${k}`);
      v = typeof v === 'string' ? v.charCodeAt(k!) : v[k!];
    } else if (isObj(v)) {
      if (index === null) fail('value is nil; should be of type string');
      if (typeof index !== 'string') fail(`value has type ${typeName(index)}; should be string`);
      v = hasOwn(v, index as string) ? own(v, index as string) : null;
    } else {
      fail(`can't index item of type ${typeName(v)}`);
    }
  }
  return v;
}

function existsIn(item: unknown, indexes: unknown[]): boolean {
  let v = item;
  for (const index of indexes) {
    if (v === null || v === NO_VALUE) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      const k = intValue(index);
      if (k === undefined || k < 0 || k >= v.length) return false;
      v = typeof v === 'string' ? v.charCodeAt(k) : v[k];
    } else if (isObj(v)) {
      if (typeof index !== 'string') return false;
      v = hasOwn(v, index) ? own(v, index) : null;
    } else return false;
  }
  return v !== null && v !== NO_VALUE;
}

function eq(a: unknown, rest: unknown[], fail: (m: string) => never): boolean {
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    if (k1 !== k2) {
      if (k1 !== 'invalid' && k2 !== 'invalid') fail('incompatible types for comparison');
      continue;
    }
    switch (k1) {
      case 'bool':
      case 'string':
        if (a === b) return true;
        break;
      case 'int':
      case 'float':
        if (num(a) === num(b)) return true;
        break;
      case 'invalid':
        return true;
      default:
        fail(`non-comparable types ${vText(a)}: ${typeName(a)}, ${typeName(b)}: ${vText(b)}`);
    }
  }
  return false;
}

function less(a: unknown, b: unknown, fail: (m: string) => never): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid' || k1 === 'other' || k2 === 'other') fail('invalid type for comparison');
  if (k1 !== k2) fail('incompatible types for comparison');
  if (k1 === 'bool') fail('invalid type for comparison');
  if (k1 === 'string') return (a as string) < (b as string);
  return num(a) < num(b);
}

function sliceOf(argv: unknown[], fail: (m: string) => never): unknown {
  const [item, ...idx] = argv;
  if (item === NO_VALUE || item === null) fail('slice of untyped nil');
  if (idx.length > 3) fail(`too many slice indexes: ${idx.length}`);
  if (!Array.isArray(item) && typeof item !== 'string') fail(`can't slice item of type ${typeName(item)}`);
  const seq = item as unknown[] | string;
  const ints = idx.map((x) => {
    const k = intValue(x);
    if (k === undefined) fail(`cannot index slice/array with type ${typeName(x)}`);
    return k!;
  });
  const start = ints[0] ?? 0;
  const end = ints[1] ?? seq.length;
  if (start < 0 || start > seq.length) fail(`index out of range: ${start}`);
  if (end < start || end > seq.length) fail(`index out of range: ${end}`);
  return seq.slice(start, end);
}
