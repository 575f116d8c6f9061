/**
 * What `-f` names, as kubectl's resource builder reads it (cli-runtime pkg/resource/builder.go
 * FilenameParam, visitor.go ExpandPathsToFileVisitors): a string slice, so `-f a.yaml,b.yaml`
 * and `-f a.yaml -f b.yaml`; `-` for stdin; a directory for its .json, .yaml and .yml files in
 * lexical order (without -R, not its subdirectories); an http(s) URL as a file fetched
 * from it (the workstation reaches the kubernetes.io examples: example-manifests.ts).
 */
import type { CommandContext } from '../types';
import { exampleManifest, isUrl } from './example-manifests';
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
    if (isUrl(path)) {
      const fetched = exampleManifest(path);
      if (fetched === undefined) return { error: unreachable(path) };
      sources.push({ name: path, text: fetched });
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

/**
 * A URL the simulated workstation cannot fetch: kubectl's "unable to read URL" words
 * (cli-runtime visitor.go readHttpWithRetries), with the reason said plainly rather than
 * a made-up server answer.
 */
function unreachable(url: string): string {
  return `error: unable to read URL "${url}": the simulated workstation has no internet; it carries the kubernetes.io examples the Service tutorials apply (https://k8s.io/examples/...). Paste the file's text into the editor pane instead\n`;
}
