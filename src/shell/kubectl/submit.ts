/** Sends one object built by an imperative command through the API server's create path. */
import { applyManifest } from '../../sim/apiserver/apply';
import { err, out, type CommandContext, type CommandResult } from '../types';

export function submitManifest(ctx: CommandContext, raw: Record<string, unknown>, verb: 'created' | 'exposed'): CommandResult {
  const outcome = applyManifest(ctx.sim.cluster, raw, { mode: 'create', source: 'STDIN' });
  if (!outcome.ok) {
    return err(`${outcome.message.replace(/^Error from server \((\w+)\): error when creating "STDIN": /, 'Error from server ($1): ')}\n`);
  }
  ctx.sim.settle();
  return out(`${outcome.message.replace(/ created$/, ` ${verb}`)}\n`);
}
