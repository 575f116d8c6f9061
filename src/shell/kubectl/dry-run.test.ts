import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

// The real kubectl client prints these offline: our text must be the same, byte for byte.
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
const real = (line: string) => execFileSync(KUBECTL!, line.split(' ').slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

describe.runIf(KUBECTL)('--dry-run=client prints what real kubectl prints', () => {
  const lines = [
    'kubectl create deployment web --image=nginx --dry-run=client -o yaml',
    'kubectl create deployment web --image=nginx --replicas=3 --port=80 -n foo --dry-run=client -o json',
    'kubectl create deployment web --image=nginx --dry-run=client -o name',
    'kubectl create deployment web --image=nginx --dry-run=client',
    'kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o yaml',
    'kubectl create service nodeport web --tcp=80:8080 --dry-run=client -o json',
    'kubectl create service clusterip h --clusterip=None --dry-run=client -o yaml',
    'kubectl create service externalname ext --external-name=example.com --dry-run=client -o yaml',
    'kubectl create namespace x --dry-run=client -o yaml',
  ];
  for (const line of lines) it(line, () => expect(testShell().run(line)).toBe(real(line)));
});

describe('dry runs and -o on the imperative creators', () => {
  it('kubectl run builds the pod it would send (cmd/run/run.go) and stores nothing', () => {
    const t = testShell();
    expect(t.run('kubectl run web --image=nginx --port=80 --dry-run=client -o yaml')).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
    expect(t.sim.cluster.store.get('Pod', 'default', 'web')).toBeUndefined();
  });

  it('expose --dry-run=client prints the Service without a namespace unless -n was given', () => {
    const out = appliedShell().run('kubectl expose deployment web --port=80 --name=web2 --dry-run=client -o yaml');
    expect(out).toContain('  name: web2\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n');
    expect(out).not.toContain('namespace:');
  });

  it('--dry-run=server checks with the API server, stores nothing, and says so', () => {
    const t = appliedShell();
    expect(t.run('kubectl create deployment other --image=nginx --dry-run=server')).toBe('deployment.apps/other created (server dry run)\n');
    expect(t.sim.cluster.store.get('Deployment', 'default', 'other')).toBeUndefined();
    expect(t.run('kubectl create deployment web --image=nginx --dry-run=server')).toBe('Error from server (AlreadyExists): deployments.apps "web" already exists\n');
    expect(t.run('kubectl create service clusterip bad_name --tcp=80 --dry-run=server')).toMatch(/^The Service "bad_name" is invalid/);
  });

  it('rejects an unknown dry-run value, and -o without a dry run prints the stored object', () => {
    const t = testShell();
    expect(t.run('kubectl create deployment web --image=nginx --dry-run=maybe')).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
    expect(t.run('kubectl create deployment web --image=nginx -o name')).toBe('deployment.apps/web\n');
    expect(t.run('kubectl create service clusterip web --tcp=80 -o yaml')).toMatch(/\n {2}uid: [0-9a-f-]{36}\n/);
  });
});
