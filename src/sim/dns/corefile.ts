/**
 * The Corefile as CoreDNS reads it: Caddy's lexer and server-block parser (coredns/caddy
 * caddyfile/lexer.go, dispenser.go, parse.go), and the digest the reload plugin compares
 * and logs (plugin/reload/reload.go parse + sha512.Sum512: the SHA-512 of json.Marshal of
 * the server blocks; tokens lexed from the main file carry an empty File, so the JSON is
 * {"Keys":[...],"Tokens":{"directive":[{"File":"","Line":N,"Text":"..."}]}} with the
 * directives in Go's sorted map order).
 * Departures: `import` and environment placeholders ({$VAR}) are not expanded (there are
 * no other files and no environment here); an `import` line is kept as a directive.
 */
import { sha512Hex } from '../model/sha512';

/** Where kubeadm's Deployment mounts the ConfigMap and points CoreDNS (args: -conf /etc/coredns/Corefile). */
export const COREFILE_PATH = '/etc/coredns/Corefile';

export interface Token {
  line: number;
  text: string;
}

export interface ServerBlock {
  keys: string[];
  /** Tokens by directive, in the order the directives first appear; each list starts with the directive itself. */
  directives: { name: string; tokens: Token[] }[];
}

/** lexer.go next(): words split on white space, "quoted" words with \" escapes, # comments to the end of the line. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let val = '';
  let start = 1;
  let quoted = false;
  let escaped = false;
  let comment = false;
  let has = false;
  const emit = () => {
    tokens.push({ line: start, text: val });
    val = '';
    has = false;
  };
  for (const ch of text) {
    if (quoted) {
      if (!escaped) {
        if (ch === '\\') {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quoted = false;
          emit();
          continue;
        }
      }
      if (ch === '\n') line++;
      if (escaped && ch !== '"') val += '\\';
      val += ch;
      escaped = false;
      continue;
    }
    if (/\s/.test(ch)) {
      if (ch === '\r') continue;
      if (ch === '\n') {
        line++;
        comment = false;
      }
      if (has) emit();
      continue;
    }
    if (ch === '#') comment = true;
    if (comment) continue;
    if (!has) {
      start = line;
      has = true;
      if (ch === '"') {
        quoted = true;
        continue;
      }
    }
    val += ch;
  }
  if (has) emit();
  return tokens;
}

export class CorefileError extends Error {}

/** dispenser.go: a cursor over the tokens with Caddy's error texts. */
class Dispenser {
  cursor = -1;
  constructor(readonly tokens: Token[], readonly filename: string) {}
  next(): boolean {
    if (this.cursor < this.tokens.length - 1) {
      this.cursor++;
      return true;
    }
    return false;
  }
  val(): string {
    return this.tokens[this.cursor]?.text ?? '';
  }
  line(): number {
    return this.tokens[this.cursor]?.line ?? 0;
  }
  /** isNewLine: the token starts on a later line than the previous one ended. */
  isNewLine(): boolean {
    if (this.cursor < 1) return true;
    const prev = this.tokens[this.cursor - 1]!;
    const breaks = prev.text.split('\n').length - 1;
    return prev.line + breaks < this.tokens[this.cursor]!.line;
  }
  errf(msg: string): CorefileError {
    return new CorefileError(`${this.filename}:${this.line()} - Error during parsing: ${msg}`);
  }
  syntaxErr(expected: string): CorefileError {
    return new CorefileError(`${this.filename}:${this.line()} - Syntax error: Unexpected token '${this.val()}', expecting '${expected}'`);
  }
}

/**
 * parse.go parseAll: server blocks in order; `validDirectives` (the server type's plugin list)
 * rejects any other directive with "Unknown directive"; the reload plugin parses with none.
 * Throws CorefileError with Caddy's message.
 */
export function parseCorefile(text: string, validDirectives?: ReadonlySet<string>, filename = COREFILE_PATH): ServerBlock[] {
  const d = new Dispenser(lex(text), filename);
  const blocks: ServerBlock[] = [];
  while (d.next()) {
    const block: ServerBlock = { keys: [], directives: [] };
    let eof = false;
    let expectingAnother = false;
    // addresses(): keys up to "{" or the end of the line.
    for (;;) {
      let tkn = d.val();
      if (tkn === '{') {
        if (expectingAnother) throw d.errf(`Expected another address but had '${tkn}' - check for extra comma`);
        break;
      }
      if (tkn !== '') {
        expectingAnother = tkn.endsWith(',');
        if (expectingAnother) tkn = tkn.slice(0, -1);
        block.keys.push(tkn);
      }
      const hasNext = d.next();
      if (expectingAnother && !hasNext) throw d.errf('Unexpected EOF');
      if (!hasNext) {
        eof = true;
        break;
      }
      if (!expectingAnother && d.isNewLine()) break;
    }
    if (!eof) {
      const braced = d.val() === '{';
      if (!braced) d.cursor--;
      while (d.next()) {
        if (d.val() === '}') break;
        directive(d, block, validDirectives);
      }
      if (braced && d.val() !== '}') throw d.syntaxErr('}');
    }
    if (block.keys.length > 0) blocks.push(block);
  }
  return blocks;
}

function directive(d: Dispenser, block: ServerBlock, valid?: ReadonlySet<string>): void {
  const name = d.val();
  if (valid && !valid.has(name)) throw d.errf(`Unknown directive '${name}'`);
  let entry = block.directives.find((x) => x.name === name);
  if (!entry) block.directives.push((entry = { name, tokens: [] }));
  entry.tokens.push(d.tokens[d.cursor]!);
  let nesting = 0;
  while (d.next()) {
    const v = d.val();
    if (v === '{') nesting++;
    else if (d.isNewLine() && nesting === 0) {
      d.cursor--;
      break;
    } else if (v === '}' && nesting > 0) nesting--;
    else if (v === '}' && nesting === 0) throw d.errf("Unexpected '}' because no matching opening brace");
    entry.tokens.push(d.tokens[d.cursor]!);
  }
  if (nesting > 0) throw d.errf('Unexpected EOF');
}

/** Go's encoding/json string: HTML-safe escapes for <, > and &, \u00XX for other control characters. */
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** json.Marshal([]ServerBlock): Keys, then Tokens with the map's keys sorted (byte order). */
export function serverBlocksJson(blocks: ServerBlock[]): string {
  const block = (b: ServerBlock) => {
    const names = b.directives.map((x) => x.name).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    const tokens = names.map((n) => {
      const list = b.directives.find((x) => x.name === n)!.tokens;
      return `${goJsonString(n)}:[${list.map((t) => `{"File":"","Line":${t.line},"Text":${goJsonString(t.text)}}`).join(',')}]`;
    });
    return `{"Keys":${b.keys.length ? `[${b.keys.map(goJsonString).join(',')}]` : 'null'},"Tokens":{${tokens.join(',')}}}`;
  };
  return blocks.length ? `[${blocks.map(block).join(',')}]` : 'null';
}

/** The reload plugin's digest of a Corefile, or its parse error. */
export function corefileDigest(text: string): { digest: string } | { error: string } {
  try {
    return { digest: sha512Hex(serverBlocksJson(parseCorefile(text))) };
  } catch (e) {
    if (e instanceof CorefileError) return { error: e.message };
    throw e;
  }
}
