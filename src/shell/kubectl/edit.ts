/**
 * kubectl edit TYPE NAME | TYPE/NAME | TYPE [-n NS] [-o yaml|json]: fetches the objects (any
 * NotFound first, as the builder's Latest() does), writes them into the editor's file and hands
 * it to the host's editor (the browser's editor pane); each save then goes through
 * edit/edit-session.ts. A host without an editor (npm run sim) says so and names the commands
 * that change an object without one.
 * Mirrors staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go and pkg/cmd/util/editor/editoptions.go.
 */
import { groupResource, resourceRef } from '../../sim/apiserver/resource-names';
import { isClusterScoped } from '../../sim/model/store';
import type { KubeObject } from '../../sim/model/types';
import { toApiObject } from '../print/serialize';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { beginEdit, type EditState } from './edit/edit-session';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { requestsFor } from './get';
import { MISSING_RESOURCES } from './resources';

/** Opens the editor on the file; answers why it cannot (no editor here, or not the whole line). */
export type OpenEditor = (state: EditState) => string | undefined;

export const NO_EDITOR =
  'error: "kubectl edit" opens the object in an editor, and this terminal has none (the browser shows it in the editor pane): ' +
  'change the object with kubectl apply -f FILE, kubectl patch, kubectl label, kubectl scale or kubectl set image instead\n';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '-o': 'output', '--output': 'output', '-f': 'filename', '--filename': 'filename', '--subresource': 'subresource', '--field-manager': 'field-manager', '--validate': 'validate', '-k': 'kustomize', '--kustomize': 'kustomize', '--template': 'template' },
  bool: { '--output-patch': 'output-patch', '--save-config': 'save-config', '--windows-line-endings': 'windows-line-endings', '--show-managed-fields': 'show-managed-fields', '--allow-missing-template-keys': 'allow-missing-template-keys', '-R': 'recursive', '--recursive': 'recursive' },
};

/** Flags kubectl edit has that change what it does in ways this simulator does not model. */
const NOT_MODELLED = ['filename', 'subresource', 'kustomize', 'output-patch', 'save-config', 'windows-line-endings', 'recursive'];

export function kubectlEdit(args: string[], ctx: CommandContext, openEditor: OpenEditor | undefined): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl edit');
  if (p.error) return err(p.error);
  const unmodelled = NOT_MODELLED.find((f) => p.flags[f] !== undefined || p.bools.has(f));
  if (unmodelled) return err(`error: kubectl edit --${unmodelled} is not available in this simulator\n`);
  if (p.positional.length === 0) return err(MISSING_RESOURCES);
  const resolved = requestsFor(p.positional);
  if ('error' in resolved) return err(resolved.error);
  const namespace = p.flags.namespace ?? 'default';
  const store = ctx.sim.cluster.store;
  const found: KubeObject[] = [];
  const notFound: string[] = [];
  for (const { kind, name } of resolved.requests) {
    const ns = isClusterScoped(kind) ? undefined : namespace;
    if (name === undefined) {
      found.push(...store.list(kind, ns));
      continue;
    }
    const o = store.get(kind, ns, name);
    if (o) found.push(o);
    else notFound.push(`Error from server (NotFound): ${groupResource(kind)} "${name}" not found\n`);
  }
  if (notFound.length > 0) return err(notFound.join(''));
  if (found.length === 0) return err('error: edit cancelled, no objects found\n');
  const output = p.flags.output ?? '';
  if (output !== '' && output !== 'yaml' && output !== 'json') {
    // The editor's printer knows only JSON and YAML (editoptions.go editPrinterOptions).
    return err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml\n`);
  }
  const now = ctx.sim.cluster.clock.now();
  const state = beginEdit(
    found.map((o) => toApiObject(o, now) as Record<string, unknown>),
    { format: output === 'json' ? 'json' : 'yaml', output, namespace, title: found.map((o) => resourceRef(o.kind, o.metadata.name)).join(', ') },
  );
  if (!openEditor) return err(NO_EDITOR);
  const refused = openEditor(state);
  return refused ? err(refused) : out('');
}
