/**
 * Resource types a v1.33 cluster serves that this simulator does not model (Jobs, Ingresses,
 * ServiceAccounts...). kubectl get on one answers as a fresh kind cluster does where that answer is
 * known to be empty ("No resources found in default namespace.", NotFound for a name, an empty List);
 * where a kind cluster would hold objects (ServiceAccounts, kube-system's DaemonSets), it says the
 * simulator does not model them rather than pretend the list is empty.
 */
import { holdsObjects, servedResourceFor, type ServedResource } from '../../sim/apiserver/discovery';
import type { ObjectStore } from '../../sim/model/store';
import { toJson, toYaml } from '../print/serialize';
import { err, type CommandResult } from '../types';
import { kindOf } from './resources';

/** The served-but-unmodelled resource a TYPE names, when it names one. */
export function unmodelledResource(type: string): ServedResource | undefined {
  if (kindOf(type)) return undefined;
  const res = servedResourceFor(type);
  return res?.unmodelled !== undefined ? res : undefined;
}

/** "jobs.batch", "serviceaccounts": the group-qualified plural of NotFound errors. */
function qualified(res: ServedResource): string {
  return res.group ? `${res.name}.${res.group}` : res.name;
}

export interface UnmodelledGet {
  res: ServedResource;
  names: string[];
  namespace: string;
  allNamespaces: boolean;
  output: string;
  /** Objects the simulated cluster would hold there because of what it models (heldBecauseOfModelled). */
  held?: boolean;
}

/**
 * Unmodelled objects a kind cluster would have made for modelled ones: a StatefulSet's claim
 * templates give PersistentVolumeClaims (and kind's local-path provisioner PersistentVolumes), and
 * every StatefulSet records its templates as ControllerRevisions.
 */
export function heldBecauseOfModelled(res: ServedResource, store: ObjectStore, namespace: string | undefined): boolean {
  const sets = store.list('StatefulSet', res.namespaced ? namespace : undefined);
  if (res.name === 'controllerrevisions') return sets.length > 0;
  if (res.name === 'persistentvolumeclaims' || res.name === 'persistentvolumes') return sets.some((s) => (s.spec.volumeClaimTemplates ?? []).length > 0);
  return false;
}

/** kubectl get TYPE [NAME...] on an unmodelled resource. */
export function getUnmodelled(q: UnmodelledGet): CommandResult {
  const { res } = q;
  const ns = res.namespaced && !q.allNamespaces ? q.namespace : undefined;
  if (holdsObjects(res, ns) || q.held) {
    const where = ns ? ` in namespace ${ns}` : '';
    return err(`error: this simulator does not model ${qualified(res)}: a kind cluster holds some${where} that it cannot show\n`);
  }
  if (res.verbs.length && !res.verbs.includes('list') && q.names.length === 0) {
    // A create-only resource (tokenreviews, bindings): the apiserver refuses the list.
    return err(`Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n`);
  }
  if (q.names.length) {
    return err(q.names.map((n) => `Error from server (NotFound): ${qualified(res)} "${n}" not found\n`).join(''));
  }
  if (q.output === 'yaml' || q.output === 'json') {
    const list = { apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } };
    return { chunks: [{ stream: 'out', text: q.output === 'yaml' ? toYaml(list) : toJson(list) }], exitCode: 0 };
  }
  return err(ns ? `No resources found in ${ns} namespace.\n` : 'No resources found\n', 0);
}
