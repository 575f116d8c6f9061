/**
 * Runs a script of shell lines and writes the transcript: `$ line` (or a pod
 * shell's prompt while one is attached: `/ # line`), then
 * exactly what the terminal shows. Output that does not end in a newline (a
 * curl body) is closed with one, so the next `$` starts its own line.
 * Shared by `npm run sim` and the golden transcript tests.
 */
import type { SimSession } from '../worker/session';

export function scriptLines(script: string): string[] {
  return script
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}

export function runTranscript(session: SimSession, script: string): string {
  let out = '';
  let prompt = '$';
  for (const line of scriptLines(script)) {
    out += `${prompt} ${line}\n`;
    const result = session.run(line);
    const text = result.output;
    prompt = result.prompt;
    out += text === '' || text.endsWith('\n') ? text : `${text}\n`;
  }
  return out;
}
