/**
 * The resource names kubectl accepts, as discovery lists them (short names
 * included), and the kind each names.
 */
import { own } from '../../sim/model/own';
import type { Kind } from '../../sim/model/types';

const ALIASES: Record<string, Kind> = {};
const TABLE: [Kind, string[]][] = [
  ['Pod', ['pod', 'pods', 'po']],
  ['Service', ['service', 'services', 'svc']],
  ['Endpoints', ['endpoints', 'ep']],
  ['EndpointSlice', ['endpointslice', 'endpointslices', 'endpointslice.discovery.k8s.io', 'endpointslices.discovery.k8s.io']],
  ['Deployment', ['deployment', 'deployments', 'deploy', 'deployment.apps', 'deployments.apps']],
  ['ReplicaSet', ['replicaset', 'replicasets', 'rs', 'replicaset.apps', 'replicasets.apps']],
  ['StatefulSet', ['statefulset', 'statefulsets', 'sts', 'statefulset.apps', 'statefulsets.apps']],
  ['Node', ['node', 'nodes', 'no']],
  ['Namespace', ['namespace', 'namespaces', 'ns']],
  ['ConfigMap', ['configmap', 'configmaps', 'cm']],
  ['Secret', ['secret', 'secrets']],
];
for (const [kind, names] of TABLE) for (const n of names) ALIASES[n] = kind;

export function kindOf(resource: string): Kind | undefined {
  return own(ALIASES, resource.toLowerCase());
}

export function unknownResource(resource: string): string {
  return `error: the server doesn't have a resource type "${resource}"\n`;
}

/** The builder's missingResourceError (cli-runtime pkg/resource/builder.go), for a verb given nothing to act on. */
export const MISSING_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";
