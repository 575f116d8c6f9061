/**
 * kubectl apply -f / create -f: every document in order, one line each, the
 * errors printed as kubectl prints them after the objects that did apply.
 */
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { LAST_APPLIED } from '../../sim/apiserver/apply';
import { pluralOf } from '../../sim/apiserver/resource-names';
import type { Kind } from '../../sim/model/types';

/**
 * apply.go warningNoLastAppliedConfigAnnotation, on stderr before that object's line; the
 * object is named as resource.Info.ObjectName names it (plural/name).
 */
function noLastAppliedWarning(kind: Kind, name: string): string {
  return `Warning: resource ${pluralOf(kind)}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

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
    const missing = r.outcome.missingLastApplied;
    if (missing) chunks.push({ stream: 'err', text: noLastAppliedWarning(missing.kind, missing.name) });
    if (r.outcome.ok) chunks.push({ stream: 'out', text: `${r.outcome.message}\n` });
    else errors.push(`${r.outcome.message}\n`);
  }
  for (const e of errors) chunks.push({ stream: 'err', text: e });
  if (report.results.length === 0) return err('error: no objects passed to apply\n');
  return { chunks, exitCode: errors.length > 0 ? 1 : 0 };
}
