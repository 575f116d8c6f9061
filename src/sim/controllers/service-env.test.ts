// Service environment variables: k/k pkg/kubelet/envvars/envvars.go (FromServices, makeLinkVariables)
// and pkg/kubelet/kubelet_pods.go getServiceEnvVarMap.
import { describe, expect, it } from 'vitest';
import { apply, applyOne, defaultScenario, newSim, pod, podYaml, serviceYaml } from '../test-helpers';

describe('service env vars', () => {
  it('client pod of the default scenario sees kubernetes and web, named as envvars.go does', () => {
    const sim = defaultScenario();
    const web = sim.cluster.store.get('Service', 'default', 'web')!.spec.clusterIP!;
    const env = pod(sim, 'client').status.serviceEnv!;
    expect(env).toMatchObject({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      WEB_SERVICE_HOST: web,
      WEB_SERVICE_PORT: '80',
      WEB_PORT: `tcp://${web}:80`,
      WEB_PORT_80_TCP: `tcp://${web}:80`,
    });
  });

  it('only Services that existed before the pod started', () => {
    const sim = newSim();
    applyOne(sim, podYaml('early', { a: 'b' }));
    applyOne(sim, serviceYaml('late', '  ports:\n  - port: 80\n'));
    applyOne(sim, podYaml('after', { a: 'b' }));
    expect(Object.keys(pod(sim, 'early').status.serviceEnv!).some((k) => k.startsWith('LATE_'))).toBe(false);
    expect(pod(sim, 'after').status.serviceEnv!.LATE_SERVICE_PORT).toBe('80');
  });

  it('dashes become underscores; named ports get _SERVICE_PORT_<NAME>; ports are Service ports, not targetPorts', () => {
    const sim = newSim();
    applyOne(sim, serviceYaml('my-db', '  ports:\n  - name: pg-main\n    port: 5432\n    targetPort: 15432\n  - name: metrics\n    port: 9187\n    protocol: UDP\n'));
    applyOne(sim, podYaml('p', { a: 'b' }));
    const env = pod(sim, 'p').status.serviceEnv!;
    const ip = sim.cluster.store.get('Service', 'default', 'my-db')!.spec.clusterIP!;
    expect(env.MY_DB_SERVICE_PORT).toBe('5432');
    expect(env.MY_DB_SERVICE_PORT_PG_MAIN).toBe('5432');
    expect(env.MY_DB_SERVICE_PORT_METRICS).toBe('9187');
    expect(env.MY_DB_PORT).toBe(`tcp://${ip}:5432`);
    expect(env.MY_DB_PORT_9187_UDP).toBe(`udp://${ip}:9187`);
    expect(env.MY_DB_PORT_9187_UDP_PROTO).toBe('udp');
    expect(Object.values(env)).not.toContain('15432');
  });

  it('skips headless and ExternalName Services', () => {
    const sim = newSim();
    apply(sim, [serviceYaml('hl', '  clusterIP: None\n  ports:\n  - port: 80\n'), serviceYaml('ext', '  type: ExternalName\n  externalName: db.example.com\n'), podYaml('p', { a: 'b' })].join('---\n'));
    const keys = Object.keys(pod(sim, 'p').status.serviceEnv!);
    expect(keys.filter((k) => k.startsWith('HL_') || k.startsWith('EXT_'))).toEqual([]);
  });

  it('only the pod namespace, plus default/kubernetes always; enableServiceLinks: false keeps only kubernetes', () => {
    const sim = newSim();
    apply(sim, ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', serviceYaml('cart', '  ports:\n  - port: 80\n', 'shop'), serviceYaml('web', '  ports:\n  - port: 80\n')].join('---\n'));
    apply(sim, podYaml('p', { a: 'b' }, { ns: 'shop' }));
    const env = pod(sim, 'p', 'shop').status.serviceEnv!;
    expect(env.CART_SERVICE_PORT).toBe('80');
    expect(env.WEB_SERVICE_PORT).toBeUndefined();
    expect(env.KUBERNETES_SERVICE_HOST).toBe('10.96.0.1');
    apply(sim, podYaml('q', { a: 'b' }, { ns: 'shop' }).replace('spec:\n', 'spec:\n  enableServiceLinks: false\n'));
    expect(Object.keys(pod(sim, 'q', 'shop').status.serviceEnv!).every((k) => k.startsWith('KUBERNETES_'))).toBe(true);
  });

  it('a Service named kubernetes in the pod namespace wins over default/kubernetes', () => {
    const sim = newSim();
    apply(sim, ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', serviceYaml('kubernetes', '  ports:\n  - port: 8080\n', 'shop')].join('---\n'));
    apply(sim, podYaml('p', { a: 'b' }, { ns: 'shop' }));
    expect(pod(sim, 'p', 'shop').status.serviceEnv!.KUBERNETES_SERVICE_PORT).toBe('8080');
  });
});
