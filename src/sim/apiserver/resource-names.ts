/** How kubectl names resources in its messages ("deployment.apps/web created"). */
import type { Kind } from '../model/types';

const RESOURCE: Record<Kind, { plural: string; singular: string; group: string }> = {
  Pod: { plural: 'pods', singular: 'pod', group: '' },
  Service: { plural: 'services', singular: 'service', group: '' },
  Deployment: { plural: 'deployments', singular: 'deployment', group: 'apps' },
  ReplicaSet: { plural: 'replicasets', singular: 'replicaset', group: 'apps' },
  StatefulSet: { plural: 'statefulsets', singular: 'statefulset', group: 'apps' },
  Endpoints: { plural: 'endpoints', singular: 'endpoints', group: '' },
  EndpointSlice: { plural: 'endpointslices', singular: 'endpointslice', group: 'discovery.k8s.io' },
  Node: { plural: 'nodes', singular: 'node', group: '' },
  Namespace: { plural: 'namespaces', singular: 'namespace', group: '' },
  ConfigMap: { plural: 'configmaps', singular: 'configmap', group: '' },
  Secret: { plural: 'secrets', singular: 'secret', group: '' },
};

/** "deployment.apps/web", "service/web" */
export function resourceRef(kind: Kind, name: string): string {
  const r = RESOURCE[kind];
  return `${r.singular}${r.group ? '.' + r.group : ''}/${name}`;
}

/** "deployments.apps", "services": the group-qualified plural used in NotFound errors. */
export function groupResource(kind: Kind): string {
  const r = RESOURCE[kind];
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

export function singularOf(kind: Kind): string {
  return RESOURCE[kind].singular;
}

/** "deployments", "services": the plural alone, as cli-runtime's Info.ObjectName names an object. */
export function pluralOf(kind: Kind): string {
  return RESOURCE[kind].plural;
}
