/**
 * kubectl apply -f / create -f: every document in order, one line each, the
 * errors printed as kubectl prints them after the objects that did apply.
 */
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';

const SPEC = { valued: { '-f': 'filename', '--filename': 'filename', ...NAMESPACE_FLAGS }, bool: { '--dry-run': 'dry-run' } };

export function kubectlApplyFile(args: string[], ctx: CommandContext, mode: 'apply' | 'create'): CommandResult {
  const parsed = parseFlags(args, SPEC, `kubectl ${mode}`);
  if (parsed.error) return err(parsed.error);
  const file = parsed.flags.filename;
  if (!file) {
    return err(
      mode === 'apply'
        ? "error: must specify one of -f and -k\n"
        : "error: must specify one of -f and -k\n",
    );
  }
  const text = file === '-' ? ctx.stdin : ctx.env.readFile(file);
  if (text === undefined) return err(`error: the path "${file}" does not exist\n`);
  const source = file === '-' ? 'STDIN' : file;
  const report = ctx.sim.applyText(text, source, mode);
  if (report.syntaxErrors.length > 0) {
    const first = report.syntaxErrors[0]!;
    return err(`${first.message}\n`);
  }
  const chunks: OutputChunk[] = [];
  const errors: string[] = [];
  for (const r of report.results) {
    if (r.outcome.ok) chunks.push({ stream: 'out', text: `${r.outcome.message}\n` });
    else errors.push(`${r.outcome.message}\n`);
  }
  for (const e of errors) chunks.push({ stream: 'err', text: e });
  if (report.results.length === 0) return err('error: no objects passed to apply\n');
  return { chunks, exitCode: errors.length > 0 ? 1 : 0 };
}
