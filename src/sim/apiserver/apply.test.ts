// The write path: kubectl apply/create answers, Service allocation kept across updates and released on delete.
// k/k pkg/registry/core/service/storage/alloc.go (allocIPs, initNodePorts, updateNodePorts) and storage.go.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOne, newSim, serviceYaml, svc } from '../test-helpers';

const web = (extra = '') => serviceYaml('web', `  selector:\n    app: web\n  ports:\n  - port: 80\n${extra}`);
const nodePortWeb = (extra = '') => serviceYaml('web', `  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n${extra}`);

describe('kubectl apply answers', () => {
  it('created, then unchanged, then configured', () => {
    const sim = newSim();
    expect(applyOne(sim, web())).toBe('service/web created');
    expect(applyOne(sim, web())).toBe('service/web unchanged');
    expect(applyOne(sim, web('    targetPort: 8080\n'))).toBe('service/web configured');
  });

  it('create on an existing object is AlreadyExists', () => {
    const sim = newSim();
    applyOne(sim, web());
    expect(applyOne(sim, web(), 'create')).toBe('Error from server (AlreadyExists): error when creating "app.yaml": services "web" already exists');
  });

  it('a missing namespace is NotFound', () => {
    expect(applyOne(newSim(), serviceYaml('web', '  ports:\n  - port: 80\n', 'shop'))).toBe(
      'Error from server (NotFound): error when creating "app.yaml": namespaces "shop" not found',
    );
  });

  it('names resources with their group (deployment.apps/...)', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels:\n      a: b\n  template:\n    metadata:\n      labels:\n        a: b\n    spec:\n      containers:\n      - name: c\n        image: nginx\n';
    expect(applyOne(newSim(), yaml)).toBe('deployment.apps/d created');
  });
});

describe('ClusterIP on apply', () => {
  it('is kept across apply when the manifest leaves it out', () => {
    const sim = newSim();
    applyOne(sim, web());
    const ip = svc(sim, 'web').spec.clusterIP;
    applyOne(sim, web('    targetPort: 8080\n'));
    expect(svc(sim, 'web').spec.clusterIP).toBe(ip);
    expect(svc(sim, 'web').spec.clusterIPs).toEqual([ip]);
  });

  it('may not change once set', () => {
    const sim = newSim();
    applyOne(sim, web('  clusterIP: 10.96.100.100\n'));
    expect(applyOne(sim, web('  clusterIP: 10.96.100.101\n'))).toBe(
      'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.100.101"}: may not change once set',
    );
    expect(svc(sim, 'web').spec.clusterIP).toBe('10.96.100.100');
  });

  it('kube-dns holds 10.96.0.10, so pinning it fails with ErrAllocated', () => {
    expect(applyOne(newSim(), web('  clusterIP: 10.96.0.10\n'))).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });

  it('an address outside the service subnet fails with ErrMismatchedNetwork', () => {
    expect(applyOne(newSim(), web('  clusterIP: 10.97.0.1\n'))).toBe(
      'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.97.0.1"}: failed to allocate IP 10.97.0.1: the provided network does not match the current range',
    );
  });

  it('a headless Service keeps clusterIPs [None]', () => {
    const sim = newSim();
    applyOne(sim, web('  clusterIP: None\n'));
    expect(svc(sim, 'web').spec.clusterIPs).toEqual(['None']);
  });
});

describe('nodePort on apply', () => {
  it('is allocated in range and kept across apply', () => {
    const sim = newSim();
    applyOne(sim, nodePortWeb());
    const np = svc(sim, 'web').spec.ports[0]!.nodePort!;
    expect(np).toBeGreaterThanOrEqual(30000);
    expect(np).toBeLessThanOrEqual(32767);
    expect(applyOne(sim, nodePortWeb('    targetPort: 8080\n'))).toBe('service/web configured');
    expect(svc(sim, 'web').spec.ports[0]!.nodePort).toBe(np);
  });

  it('ports sharing a number (53/UDP, 53/TCP) share one nodePort (initNodePorts)', () => {
    const sim = newSim();
    applyOne(sim, serviceYaml('dns', '  type: NodePort\n  ports:\n  - name: dns\n    port: 53\n    protocol: UDP\n  - name: dns-tcp\n    port: 53\n'));
    const [a, b] = svc(sim, 'dns').spec.ports;
    expect(a!.nodePort).toBe(b!.nodePort);
  });

  it('a pinned nodePort out of range or taken is rejected on spec.ports[i].nodePort', () => {
    const sim = newSim();
    expect(applyOne(sim, nodePortWeb('    nodePort: 8080\n'))).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    applyOne(sim, nodePortWeb('    nodePort: 30080\n'));
    expect(applyOne(sim, serviceYaml('api', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n'))).toBe(
      'The Service "api" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });

  it('switching to ClusterIP drops and releases the nodePort', () => {
    const sim = newSim();
    applyOne(sim, nodePortWeb('    nodePort: 30080\n'));
    applyOne(sim, web());
    expect(svc(sim, 'web').spec.ports[0]!.nodePort).toBeUndefined();
    expect(applyOne(sim, serviceYaml('api', '  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 30080\n'))).toBe('service/api created');
  });

  it('LoadBalancer with externalTrafficPolicy Local gets a healthCheckNodePort (NeedsHealthCheck)', () => {
    const sim = newSim();
    applyOne(sim, serviceYaml('lb', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n'));
    const s = svc(sim, 'lb');
    expect(s.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(s.spec.healthCheckNodePort).not.toBe(s.spec.ports[0]!.nodePort);
  });
});

describe('delete', () => {
  it('releases the ClusterIP and nodePort at once', () => {
    const sim = newSim();
    expect(applyOne(sim, serviceYaml('web', '  type: NodePort\n  clusterIP: 10.96.50.50\n  ports:\n  - port: 80\n    nodePort: 30080\n'))).toBe('service/web created');
    expect(sim.delete('Service', 'default', 'web')?.metadata.name).toBe('web');
    expect(sim.cluster.store.get('Service', 'default', 'web')).toBeUndefined();
    expect(applyOne(sim, serviceYaml('api', '  type: NodePort\n  clusterIP: 10.96.50.50\n  ports:\n  - port: 80\n    nodePort: 30080\n'))).toBe('service/api created');
  });

  it('takes the Endpoints and EndpointSlices of the Service with it', () => {
    const sim = newSim();
    applyOne(sim, web());
    expect(sim.cluster.store.get('Endpoints', 'default', 'web')).toBeDefined();
    sim.delete('Service', 'default', 'web');
    expect(sim.cluster.store.get('Endpoints', 'default', 'web')).toBeUndefined();
    expect(sim.cluster.store.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')).toEqual([]);
  });

  it('an unknown object gives undefined', () => {
    expect(newSim().delete('Service', 'default', 'nope')).toBeUndefined();
  });
});

describe('allocation invariant (property)', () => {
  it('no two Services share a ClusterIP or a nodePort over random create/delete sequences', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), name: fc.integer({ min: 0, max: 7 }), type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer'), ports: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.integer({ min: 0, max: 7 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(op, { minLength: 1, maxLength: 25 }), (seed, ops) => {
        const sim = newSim(seed);
        for (const o of ops) {
          if (o.kind === 'delete') sim.delete('Service', 'default', `s${o.name}`);
          else {
            const ports = Array.from({ length: o.ports }, (_, i) => `  - name: p${i}\n    port: ${80 + i}\n`).join('');
            sim.applyText(serviceYaml(`s${o.name}`, `  type: ${o.type}\n  ports:\n${ports}`), 'a.yaml', 'apply');
          }
        }
        const services = sim.cluster.store.list('Service');
        const ips = services.map((s) => s.spec.clusterIP).filter((ip) => ip && ip !== 'None');
        expect(new Set(ips).size).toBe(ips.length);
        const nodePorts = services.flatMap((s) => [...new Set(s.spec.ports.map((p) => p.nodePort)), s.spec.healthCheckNodePort]).filter((n) => n !== undefined);
        expect(new Set(nodePorts).size).toBe(nodePorts.length);
        for (const s of services) if (s.spec.type !== 'ClusterIP') expect(s.spec.ports.every((p) => p.nodePort !== undefined)).toBe(true);
        // what the allocator holds is exactly what the Services hold
        for (const ip of ips) expect(sim.cluster.clusterIPs.isAllocated(ip!)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
