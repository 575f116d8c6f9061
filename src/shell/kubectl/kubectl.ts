/** kubectl: the verb table. Each verb lives in its own file. */
import type { Pod } from '../../sim/model/types';
import type { DataPlane } from '../../sim/net/packet';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { kubectlApplyFile } from './apply';
import { kubectlCreate } from './create';
import { kubectlDescribe } from './describe';
import { kubectlExpose } from './expose';
import { kubectlLabel } from './label';
import { kubectlLogs } from './logs';
import { kubectlRun } from './run';
import { kubectlPatch } from './patch';
import { kubectlReplace } from './replace';
import { kubectlEvents } from './events-command';
import { kubectlRollout, kubectlSet } from './rollout';
import { kubectlDelete } from './delete';
import { kubectlExec } from './exec';
import { kubectlGet } from './get';
import { kubectlScale } from './scale';
import { KUBECTL_COMMANDS } from './commands';
import { kubectlClusterInfo } from './cluster-info';
import { kubectlApiResources } from './api-resources';
import { normalizeGlobalFlags } from './global-flags';
import { kubectlPortForward } from './port-forward';
import type { Jobs } from '../jobs';
import { kubectlEdit, type OpenEditor } from './edit';
import { KUBERNETES_VERSION, kubernetesVersionOf } from '../../sim/scenario/versions';

export interface KubectlDeps {
  plane: DataPlane;
  /** Runs a shell line inside a pod's container (`sh -c LINE`). */
  runInPod(pod: Pod, container: string | undefined, line: string, tty?: boolean): CommandResult;
  /**
   * Attaches the terminal to a shell in the pod until it exits. `run`: the shell is the
   * container's main process (kubectl run -it), so its exit ends the container.
   */
  attach(pod: Pod, container: string | undefined, prompt: string, run?: RunAttach): void;
  /** The workstation's background jobs (kubectl port-forward ... &). */
  jobs: Jobs;
  /** The line as typed without its trailing "&" when it runs in the background. */
  background?: string;
  /** Hands kubectl edit's file to the host's editor; absent when the host has none (npm run sim). */
  openEditor?: OpenEditor;
}

/** kubectl run -i/-t attached to the pod's main process: --rm, and whether a tty was asked for (-t). */
export interface RunAttach {
  remove: boolean;
  tty: boolean;
}

/**
 * kubectl version (kubectl pkg/cmd/version/version.go): the client, its kustomize, the server;
 * a server more than one minor version away draws the skew warning on stderr (the userspace
 * mode's v1.25 cluster).
 */
function kubectlVersion(ctx: CommandContext): CommandResult {
  const server = kubernetesVersionOf(ctx.sim.config);
  const text = `Client Version: ${KUBERNETES_VERSION}\nKustomize Version: v5.6.0\nServer Version: ${server}\n`;
  const minor = (v: string) => Number(v.split('.')[1]);
  const skew = Math.abs(minor(KUBERNETES_VERSION) - minor(server));
  if (skew <= 1) return out(text);
  return { chunks: [{ stream: 'out', text }, { stream: 'err', text: `WARNING: version difference between client (1.${minor(KUBERNETES_VERSION)}) and server (1.${minor(server)}) exceeds the supported minor version skew of +/-1\n` }], exitCode: 0 };
}

export function kubectl(argv: string[], ctx: CommandContext, deps: KubectlDeps): CommandResult {
  const normalized = normalizeGlobalFlags(argv);
  if ('error' in normalized) return err(normalized.error);
  const [verb, ...rest] = normalized.args;
  switch (verb) {
    case undefined:
      return out('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n');
    case 'get':
      return kubectlGet(rest, ctx);
    case 'apply':
      return kubectlApplyFile(rest, ctx, 'apply');
    case 'create':
      return kubectlCreate(rest, ctx);
    case 'describe':
      return kubectlDescribe(rest, ctx);
    case 'expose':
      return kubectlExpose(rest, ctx);
    case 'run':
      return kubectlRun(rest, ctx, deps);
    case 'label':
      return kubectlLabel(rest, ctx);
    case 'logs':
      return kubectlLogs(rest, ctx, deps);
    case 'exec':
      return kubectlExec(rest, ctx, deps);
    case 'delete':
      return kubectlDelete(rest, ctx);
    case 'scale':
      return kubectlScale(rest, ctx);
    case 'patch':
      return kubectlPatch(rest, ctx);
    case 'replace':
      return kubectlReplace(rest, ctx);
    case 'rollout':
      return kubectlRollout(rest, ctx);
    case 'events':
      return kubectlEvents(rest, ctx);
    case 'set':
      return kubectlSet(rest, ctx);
    case 'version':
      return kubectlVersion(ctx);
    case 'api-resources':
      return kubectlApiResources(rest, ctx);
    case 'cluster-info':
      return kubectlClusterInfo(rest, ctx);
    case 'port-forward':
      return kubectlPortForward(rest, ctx, deps);
    case 'edit':
      return kubectlEdit(rest, ctx, deps.openEditor);
    default:
      // A real kubectl command this simulator does not model: say so rather than claim it does not exist.
      if (KUBECTL_COMMANDS.includes(verb)) return err(`error: "kubectl ${verb}" is not available in this simulator\n`);
      return err(unknownCommand(verb));
  }
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** cobra's unknown-command error with its suggestions (command.go findSuggestions, SuggestionsFor). */
export function unknownCommand(verb: string): string {
  const typed = verb.toLowerCase();
  const near = KUBECTL_COMMANDS.filter((c) => levenshtein(typed, c) <= 2 || c.startsWith(typed));
  const suggestions = near.length ? `\n\nDid you mean this?\n${near.map((c) => `\t${c}\n`).join('')}` : '';
  return `Error: unknown command "${verb}" for "kubectl"${suggestions}\n`;
}
