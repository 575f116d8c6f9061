/** kubectl: the verb table. Each verb lives in its own file. */
import type { DataPlane } from '../../sim/net/packet';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { kubectlApplyFile } from './apply';
import { kubectlDelete } from './delete';
import { kubectlExec } from './exec';
import { kubectlGet } from './get';
import { kubectlScale } from './scale';

export interface KubectlDeps {
  plane: DataPlane;
  runLine(line: string): CommandResult;
}

const VERSION = 'Client Version: v1.33.1\nKustomize Version: v5.6.0\nServer Version: v1.33.1\n';

export function kubectl(args: string[], ctx: CommandContext, deps: KubectlDeps): CommandResult {
  const [verb, ...rest] = args;
  switch (verb) {
    case undefined:
      return out('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n');
    case 'get':
      return kubectlGet(rest, ctx);
    case 'apply':
      return kubectlApplyFile(rest, ctx, 'apply');
    case 'create':
      return kubectlApplyFile(rest, ctx, 'create');
    case 'exec':
      return kubectlExec(rest, ctx, deps.plane, deps.runLine);
    case 'delete':
      return kubectlDelete(rest, ctx);
    case 'scale':
      return kubectlScale(rest, ctx);
    case 'version':
      return out(VERSION);
    default:
      return err(`error: unknown command "${verb}" for "kubectl"\nRun 'kubectl --help' for usage.\n`);
  }
}
