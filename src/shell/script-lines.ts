/**
 * A shell reading its script from standard input (kubectl exec -i POD -- sh < script.sh,
 * docker exec -i NODE bash < script.sh): each line in turn, blank lines and comments
 * skipped, until a line that is an `exit` (its status is the script's).
 */
import type { CommandResult } from './types';

export function runScriptLines(script: string, runLine: (line: string) => CommandResult): CommandResult {
  const chunks: CommandResult['chunks'] = [];
  let exitCode = 0;
  for (const line of script.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const r = runLine(line);
    chunks.push(...r.chunks);
    exitCode = r.exitCode;
    if (/^\s*exit\b/.test(line)) break;
  }
  return { chunks, exitCode };
}
