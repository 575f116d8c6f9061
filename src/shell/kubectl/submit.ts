/**
 * Sends one object built by an imperative command (create, run, expose) through the API
 * server's create path, or only shows it: --dry-run=client prints the object as kubectl
 * built it, --dry-run=server has the API server check it without storing it, and -o
 * prints the result (yaml, json, name) instead of "created".
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (GetDryRunStrategy) and
 * the create commands' Run (cmd/create/create.go, cmd/run/run.go, cmd/expose/expose.go).
 */
import { applyManifest } from '../../sim/apiserver/apply';
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import type { Kind } from '../../sim/model/types';
import { toApiObject, toJson, toYaml } from '../print/serialize';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { clientObject, goOrderedJson } from './client-object';
import { printGeneric } from './get-output';
import type { Json } from '../print/templates';

const TEMPLATE_FORMATS = ['go-template', 'template', 'jsonpath', 'jsonpath-as-json'];

export type DryRun = 'none' | 'client' | 'server';

export interface SubmitOptions {
  dryRun: DryRun;
  output?: string;
}

/** The flags every imperative creator takes for this (add to its FlagSpec's valued flags). */
export const SUBMIT_FLAGS = { '--dry-run': 'dry-run', '-o': 'output', '--output': 'output' };

/** A bare --dry-run (deprecated) means client; any other value must be one of the three. */
export function withBareDryRun(args: string[]): string[] {
  return args.map((a) => (a === '--dry-run' ? '--dry-run=client' : a));
}

export function submitOptions(flags: Record<string, string | undefined>): SubmitOptions | { error: string } {
  const dryRun = flags['dry-run'] ?? 'none';
  if (dryRun !== 'none' && dryRun !== 'client' && dryRun !== 'server') return { error: `error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".\n` };
  const output = flags.output;
  if (output !== undefined && !['yaml', 'json', 'name'].includes(output) && !TEMPLATE_FORMATS.includes(output.split('=')[0]!)) {
    return { error: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n` };
  }
  return { dryRun, output };
}

const SUFFIX: Record<DryRun, string> = { none: '', client: ' (dry run)', server: ' (server dry run)' };

export function submitManifest(ctx: CommandContext, raw: Record<string, unknown>, verb: 'created' | 'exposed', opts: SubmitOptions = { dryRun: 'none' }): CommandResult {
  const kind = raw.kind as Kind;
  const name = (raw.metadata as { name: string }).name;
  if (opts.dryRun === 'client') return printed(opts, `${resourceRef(kind, name)} ${verb}`, () => clientObject(raw), true);
  const cluster = ctx.sim.cluster;
  const outcome = applyManifest(cluster, raw, { mode: 'create', source: 'STDIN', dryRun: opts.dryRun === 'server' });
  if (!outcome.ok) {
    return err(`${outcome.message.replace(/^Error from server \((\w+)\): error when creating "STDIN": /, 'Error from server ($1): ')}\n`);
  }
  const obj = outcome.object;
  if (opts.dryRun === 'server' && cluster.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) {
    return err(`Error from server (AlreadyExists): ${groupResource(obj.kind)} "${obj.metadata.name}" already exists\n`);
  }
  if (opts.dryRun === 'none') ctx.sim.settle();
  return printed(opts, `${resourceRef(obj.kind, obj.metadata.name)} ${verb}`, () => toApiObject(obj, ctx.sim.cluster.clock.now()), false);
}

function printed(opts: SubmitOptions, line: string, object: () => Record<string, unknown>, typed: boolean): CommandResult {
  const ref = line.slice(0, line.lastIndexOf(' '));
  switch (opts.output) {
    case 'yaml':
      return out(toYaml(object()));
    // kubectl prints the object it built from its Go struct (fields in declaration order); what the server returns, sorted.
    case 'json':
      return out(typed ? goOrderedJson(object()) : toJson(object()));
    case 'name':
      return out(`${ref}\n`);
    case undefined:
      break;
    default: {
      // -o go-template=... / jsonpath=...: the same printers kubectl get uses, on the one object.
      const r = printGeneric([{ doc: object() as Json, ref }], true, opts.output, [], { noHeaders: false, allowMissingKeys: true });
      return { chunks: r.chunks, exitCode: r.exitCode };
    }
  }
  switch (opts.output) {
    default:
      return out(`${line}${SUFFIX[opts.dryRun]}\n`);
  }
}
