/** A line's output cut at a bound (a limit of this simulated terminal, not of bash), with a note saying so. */
import type { CommandResult, OutputChunk } from './types';

export function capOutput(result: CommandResult, maxChars: number): CommandResult {
  let total = 0;
  for (const c of result.chunks) total += c.text.length;
  if (total <= maxChars) return result;
  const chunks: OutputChunk[] = [];
  let left = maxChars;
  for (const c of result.chunks) {
    if (left <= 0) break;
    chunks.push(c.text.length <= left ? c : { stream: c.stream, text: c.text.slice(0, left) });
    left -= c.text.length;
  }
  const last = chunks[chunks.length - 1];
  const newline = last && !last.text.endsWith('\n') ? '\n' : '';
  chunks.push({ stream: 'err', text: `${newline}simulator: output cut after ${maxChars} characters (a limit of this simulated terminal)\n` });
  return { chunks, exitCode: result.exitCode };
}
