/** What a simulated command gets and gives back. */
import type { Simulation } from '../sim/simulation';

export interface OutputChunk {
  stream: 'out' | 'err';
  text: string;
}

export interface CommandResult {
  chunks: OutputChunk[];
  exitCode: number;
}

/** Files the shell can read (kubectl apply -f): injected by the host (Node fs, or the browser's scenario). */
export interface ShellEnv {
  readFile(path: string): string | undefined;
  /** The names in a directory the terminal can read (ls, kubectl apply -f DIR); undefined when it is none. */
  listDir?(path: string): string[] | undefined;
  /** The host shows kubectl edit's file in an editor (the browser's editor pane); npm run sim has none. */
  editor?: boolean;
}

export interface CommandContext {
  sim: Simulation;
  env: ShellEnv;
  /** Standard input, from a pipe. */
  stdin: string;
  /** Whether stdout is a terminal (curl hides its progress meter then). */
  stdoutTTY?: boolean;
  /** Whether stdin is the terminal: neither a pipe, a `<` file nor a here-document's body. */
  stdinTTY?: boolean;
}

export type CommandHandler = (args: string[], ctx: CommandContext) => CommandResult;

export const out = (text: string, exitCode = 0): CommandResult => ({ chunks: text ? [{ stream: 'out', text }] : [], exitCode });
export const err = (text: string, exitCode = 1): CommandResult => ({ chunks: text ? [{ stream: 'err', text }] : [], exitCode });

export function combine(results: CommandResult[], exitCode: number): CommandResult {
  return { chunks: results.flatMap((r) => r.chunks), exitCode };
}

export function stdoutOf(result: CommandResult): string {
  return result.chunks.filter((c) => c.stream === 'out').map((c) => c.text).join('');
}

export function textOf(result: CommandResult): string {
  return result.chunks.map((c) => c.text).join('');
}

/** Appends a newline unless the text is empty or already ends with one. */
export function line(text: string): string {
  return text === '' || text.endsWith('\n') ? text : text + '\n';
}
