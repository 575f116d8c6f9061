import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createServiceManifest, deploymentManifest } from './generators';

// The real kubectl client on this machine builds these objects offline
// (`--dry-run=client -o yaml`); ours must be the same objects.
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

/** Drops what kubectl prints for an unset field: creationTimestamp null and empty structs. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'creationTimestamp' && v === null) continue;
      const pruned = prune(v);
      if (pruned && typeof pruned === 'object' && !Array.isArray(pruned) && Object.keys(pruned).length === 0) continue;
      out[k] = pruned;
    }
    return out;
  }
  return value;
}

function realKubectl(args: string[]): unknown {
  const text = execFileSync(KUBECTL!, [...args, '--dry-run=client', '-o', 'yaml'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return prune(parse(text));
}

describe.runIf(KUBECTL)('generators match real kubectl --dry-run=client', () => {
  it('kubectl create deployment NAME --image --replicas --port', () => {
    const real = realKubectl(['create', 'deployment', 'web', '--image=registry.k8s.io/e2e-test-images/agnhost:2.47', '--replicas=3', '--port=9376']);
    expect(prune(deploymentManifest('web', ['registry.k8s.io/e2e-test-images/agnhost:2.47'], 3, 9376))).toEqual(real);
  });

  it('kubectl create deployment with two images names each container after its image', () => {
    const real = realKubectl(['create', 'deployment', 'pair', '--image=nginx:1.27', '--image=busybox']);
    expect(prune(deploymentManifest('pair', ['nginx:1.27', 'busybox'], 1))).toEqual(real);
  });

  it('an image name with "_" becomes a DNS-1123 container name with a random suffix (create_deployment.go sanitizeAndUniquify)', () => {
    const real = realKubectl(['create', 'deployment', 'hostnames', '--image=registry.k8s.io/serve_hostname']) as { spec: { template: { spec: { containers: { name: string }[] } } } };
    const realName = real.spec.template.spec.containers[0]!.name;
    expect(realName).toMatch(/^serve-hostname-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const suffix = realName.slice(-5);
    expect(prune(deploymentManifest('hostnames', ['registry.k8s.io/serve_hostname'], 1, undefined, undefined, () => suffix))).toEqual(real);
  });

  it('kubectl create service clusterip NAME --tcp=80:9376', () => {
    const real = realKubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:9376']);
    expect(prune(createServiceManifest('ClusterIP', 'web', [{ port: 80, targetPort: 9376 }]))).toEqual(real);
  });

  it('kubectl create service nodeport NAME --tcp=80:9376 --node-port=30080', () => {
    const real = realKubectl(['create', 'service', 'nodeport', 'np', '--tcp=80:9376', '--node-port=30080']);
    expect(prune(createServiceManifest('NodePort', 'np', [{ port: 80, targetPort: 9376, nodePort: 30080 }]))).toEqual(real);
  });

  it('kubectl create service externalname NAME --external-name', () => {
    const real = realKubectl(['create', 'service', 'externalname', 'db', '--external-name=db.example.com']);
    expect(prune(createServiceManifest('ExternalName', 'db', [], undefined, 'db.example.com'))).toEqual(real);
  });
});
