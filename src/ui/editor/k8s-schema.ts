/**
 * A small JSON schema for the scenario's objects, checked in the editor by
 * monaco-yaml while typing (the API server's own validation arrives as the
 * worker's diagnostics). Deliberately loose: only what every object has, and
 * ranges the API server would also refuse.
 */
const port = { type: 'integer', minimum: 1, maximum: 65535 };

export const K8S_SCHEMA = {
  uri: 'inmemory://schemas/kubernetes-lite.json',
  fileMatch: ['*'],
  schema: {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata'],
    properties: {
      apiVersion: { type: 'string', description: 'The API group and version, e.g. v1 or apps/v1.' },
      kind: { type: 'string', description: 'The object kind, e.g. Pod, Service, Deployment.' },
      metadata: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, namespace: { type: 'string' }, labels: { type: 'object', additionalProperties: { type: 'string' } } },
      },
      spec: {
        type: 'object',
        properties: {
          replicas: { type: 'integer', minimum: 0 },
          type: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
          ports: {
            type: 'array',
            items: {
              type: 'object',
              properties: { port, nodePort: { type: 'integer', minimum: 1, maximum: 65535 }, protocol: { enum: ['TCP', 'UDP', 'SCTP'] } },
            },
          },
        },
      },
    },
  },
} as const;
