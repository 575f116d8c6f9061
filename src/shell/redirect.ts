/**
 * Redirections as bash applies them to one command, left to right: `>/dev/null`, `2>/dev/null`,
 * `2>&1`, `&>/dev/null`, `>&2`, `< FILE`. Output can go to the terminal's two streams, a pipe
 * (the stdout of a command that is not the last) or nowhere; this simulated shell writes no files.
 */
import type { Redirection, Token } from './parse/tokenize';
import type { OutputChunk, ShellEnv } from './types';

export interface Command {
  argv: string[];
  redirs: (Redirection & { target: string })[];
}

export const newCommand = (): Command => ({ argv: [], redirs: [] });

type Sink = 'out' | 'err' | 'null';

export interface OpenStreams {
  /** Where the command's stdout (1) and stderr (2) go. */
  fds: { 1: Sink; 2: Sink };
  /** Standard input read from a file (`< FILE`). */
  stdin?: string;
}

/** The token bash stops at when a redirection has no target: `newline`, or the operator that follows. */
export function syntaxError(tokens: Token[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'redir') continue;
    const next = tokens[i + 1];
    if (!next) return 'newline';
    if (next.kind === 'op') return next.value;
    if (next.kind === 'redir') return next.fd === 'both' ? '&>' : next.op;
  }
  return undefined;
}

function sinkOf(path: string, fds: OpenStreams['fds']): Sink | undefined {
  if (path === '/dev/null') return 'null';
  if (path === '/dev/stdout' || path === '/dev/fd/1') return fds[1];
  if (path === '/dev/stderr' || path === '/dev/fd/2') return fds[2];
  return undefined;
}

/** Opens a command's redirections in order, or the error bash prints when one cannot be opened. */
export function openRedirections(redirs: Command['redirs'], sh: string, env: ShellEnv | undefined): OpenStreams | { error: string } {
  const fds: OpenStreams['fds'] = { 1: 'out', 2: 'err' };
  let stdin: string | undefined;
  for (const r of redirs) {
    if (r.op === '<') {
      const text = env?.readFile(r.target);
      if (text === undefined) return { error: sh === 'sh' ? `sh: can't open '${r.target}': No such file or directory\n` : `bash: ${r.target}: No such file or directory\n` };
      stdin = text;
      continue;
    }
    if (r.op === '>&' && /^\d+$/.test(r.target)) {
      const from = Number(r.target);
      if (from !== 1 && from !== 2) return { error: `${sh}: ${r.target}: Bad file descriptor\n` };
      if (r.fd === 1 || r.fd === 2) fds[r.fd] = fds[from];
      continue;
    }
    const sink = sinkOf(r.target, fds);
    if (sink === undefined) return { error: `${sh}: ${r.target}: this simulated shell writes no files (only /dev/null, /dev/stdout, /dev/stderr)\n` };
    // `>&FILE` with no fd is `&>FILE`; fds other than 1 and 2 are opened and unused.
    if (r.fd === 'both' || (r.op === '>&' && r.fd === 1)) {
      fds[1] = sink;
      fds[2] = sink;
    } else if (r.fd === 1 || r.fd === 2) fds[r.fd] = sink;
  }
  return stdin === undefined ? { fds } : { fds, stdin };
}

/** A command's output, each chunk sent where its fd now points ('null' dropped). */
export function route(chunks: OutputChunk[], fds: OpenStreams['fds']): OutputChunk[] {
  if (fds[1] === 'out' && fds[2] === 'err') return chunks;
  const routed: OutputChunk[] = [];
  for (const c of chunks) {
    const sink = fds[c.stream === 'out' ? 1 : 2];
    if (sink !== 'null') routed.push(sink === c.stream ? c : { stream: sink, text: c.text });
  }
  return routed;
}
