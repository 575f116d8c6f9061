/**
 * What `-f` names, as kubectl's resource builder reads it (cli-runtime pkg/resource/builder.go
 * FilenameParam, visitor.go ExpandPathsToFileVisitors): a string slice, so `-f a.yaml,b.yaml`
 * and `-f a.yaml -f b.yaml`; `-` for stdin; a directory for its .json, .yaml and .yml files in
 * lexical order (without -R, not its subdirectories).
 */
import type { CommandContext } from '../types';
import { splitCsv } from './flags';

export interface Source {
  /** The name kubectl reports (the path as given, joined with the file for a directory). */
  name: string;
  text: string;
}

const MANIFEST = /\.(json|ya?ml)$/;

export function readSources(filenames: string, ctx: CommandContext): Source[] | { error: string } {
  const sources: Source[] = [];
  for (const path of splitCsv(filenames)) {
    if (path === '-') {
      sources.push({ name: 'STDIN', text: ctx.stdin });
      continue;
    }
    const text = ctx.env.readFile(path);
    if (text !== undefined) {
      sources.push({ name: path, text });
      continue;
    }
    const entries = ctx.env.listDir?.(path);
    if (entries === undefined) return { error: `error: the path "${path}" does not exist\n` };
    for (const f of [...entries].sort()) {
      if (!MANIFEST.test(f)) continue;
      const name = `${path.replace(/\/+$/, '')}/${f}`;
      const t = ctx.env.readFile(name);
      if (t !== undefined) sources.push({ name, text: t });
    }
  }
  return sources;
}
