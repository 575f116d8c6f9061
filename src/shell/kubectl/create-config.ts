/**
 * kubectl create configmap|cm NAME and kubectl create secret generic NAME, from
 * --from-literal (a string array: each value whole, commas included), --from-file
 * ([key=]path, a string slice; a directory gives its files) and --type (secrets).
 * Mirrors kubectl pkg/cmd/create/create_configmap.go and create_secret.go (files first,
 * then literals; the key checks and their texts). --append-hash and --from-env-file are not
 * simulated. Checked against the real kubectl's --dry-run=client -o yaml|json (create-config.test.ts).
 */
import { base64OfText } from '../../sim/model/base64';
import { hasOwn, setOwn } from '../../sim/model/own';
import { configMapKeyErrors } from '../../sim/apiserver/validate-config';
import { err, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags, splitCsv } from './flags';
import { SUBMIT_FLAGS, submitManifest, submitOptions } from './submit';

type Which = 'configmap' | 'secret generic';

const SPEC = { valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS, '--type': 'type' }, bool: {} };

/** Pulls the repeatable --from-* flags out before the ordinary flag parser sees them. */
function takeSources(args: string[]): { rest: string[]; literals: string[]; files: string[]; envFiles: string[] } | { error: string } {
  const rest: string[] = [];
  const literals: string[] = [];
  const files: string[] = [];
  const envFiles: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    const m = /^(--from-literal|--from-file|--from-env-file)(?:=(.*))?$/s.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    const value = m[2] ?? args[++i];
    if (value === undefined) return { error: `error: flag needs an argument: ${m[1]}\n` };
    if (m[1] === '--from-literal') literals.push(value);
    else if (m[1] === '--from-file') files.push(...splitCsv(value));
    else envFiles.push(...splitCsv(value));
  }
  return { rest, literals, files, envFiles };
}

/** util.ParseLiteralSource: split at the first '=' (a leading '=' is an error); the value kept whole, quotes included. */
function parseLiteral(source: string): [string, string] | undefined {
  const eq = source.indexOf('=');
  if (eq <= 0) return undefined;
  return [source.slice(0, eq), source.slice(eq + 1)];
}

/** util.ParseFileSource: [key=]path. */
function parseFileSource(source: string): { key?: string; path: string } | { error: string } {
  const n = source.split('=').length - 1;
  if (n === 0) return { path: source };
  if (n === 1 && source.startsWith('=')) return { error: `key name for file path ${source.slice(1)} missing` };
  if (n === 1 && source.endsWith('=')) return { error: `file path for key name ${source.slice(0, -1)} missing` };
  if (n > 1) return { error: "key names or file paths cannot contain '='" };
  const [key, path] = source.split('=');
  return { key: key!, path: path! };
}

const basename = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? p;

export function kubectlCreateConfig(which: Which, args: string[], ctx: CommandContext): CommandResult {
  const command = `kubectl create ${which}`;
  const sources = takeSources(args);
  if ('error' in sources) return err(sources.error);
  const p = parseFlags(sources.rest, which === 'configmap' ? { ...SPEC, valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS } } : SPEC, command);
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  if (p.positional.length !== 1) return err(`error: exactly one NAME is required, got ${p.positional.length}\nSee '${command} -h' for help and examples\n`);
  const name = p.positional[0]!;
  if (sources.envFiles.length && (sources.files.length || sources.literals.length)) {
    return err('error: from-env-file cannot be combined with from-file or from-literal\n');
  }
  if (sources.envFiles.length) return err(`error: simulator: --from-env-file is not simulated; use --from-literal or --from-file\n`);
  const data: Record<string, string> = {};
  const add = (key: string, value: string): string | undefined => {
    const errs = configMapKeyErrors(key);
    if (which === 'configmap') {
      if (errs.length) return `error: ${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}\n`;
      if (hasOwn(data, key)) return `error: cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}\n`;
      setOwn(data, key, value);
    } else {
      if (errs.length) return `error: ${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}\n`;
      if (hasOwn(data, key)) return `error: cannot add key ${key}, another key by that name already exists\n`;
      setOwn(data, key, base64OfText(value));
    }
    return undefined;
  };
  for (const source of sources.files) {
    const fs = parseFileSource(source);
    if ('error' in fs) return err(`error: ${fs.error}\n`);
    const text = ctx.env.readFile(fs.path);
    if (text !== undefined) {
      const problem = add(fs.key ?? basename(fs.path), text);
      if (problem) return err(problem);
      continue;
    }
    const entries = ctx.env.listDir?.(fs.path);
    if (entries === undefined) return err(`error: error reading ${fs.path}: no such file or directory\n`);
    if (fs.key !== undefined) return err(`error: cannot give a key name for a directory path\n`);
    // A directory: each regular file whose name is a valid key (others are skipped).
    for (const f of [...entries].sort()) {
      const t = ctx.env.readFile(`${fs.path.replace(/\/+$/, '')}/${f}`);
      if (t === undefined || configMapKeyErrors(f).length) continue;
      const problem = add(f, t);
      if (problem) return err(problem);
    }
  }
  for (const literal of sources.literals) {
    const kv = parseLiteral(literal);
    if (!kv) return err(`error: invalid literal source ${literal}, expected key=value\n`);
    const problem = add(kv[0], kv[1]);
    if (problem) return err(problem);
  }
  const metadata = { name, ...(p.flags.namespace ? { namespace: p.flags.namespace } : {}) };
  const hasData = Object.keys(data).length > 0;
  const manifest =
    which === 'configmap'
      ? { apiVersion: 'v1', kind: 'ConfigMap', metadata, ...(hasData ? { data } : {}) }
      : { apiVersion: 'v1', kind: 'Secret', metadata, ...(hasData ? { data } : {}), ...(p.flags.type ? { type: p.flags.type } : {}) };
  return submitManifest(ctx, manifest, 'created', opts);
}
