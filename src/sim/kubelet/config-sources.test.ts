// The kubelet's view of ConfigMaps and Secrets: k/k pkg/kubelet/kubelet_pods.go makeEnvironmentVariables
// (envFrom then env, prefixes, optional refs, the NotFound and "couldn't find key" texts) and
// pkg/volume/configmap/configmap.go SetUpAt (MountVolume.SetUp failed ... : configmap "x" not found).
import { describe, expect, it } from 'vitest';
import { apply, newSim, pod } from '../test-helpers';
import { containerConfigEnv, failedMount, mountedFile } from './config-sources';

const podWith = (container: string, volumes = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n    command: [sleep, "3600"]\n${container}${volumes}`;
const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  color: blue\n  size: "3"\n';
const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: sec\nstringData:\n  token: s3cr3t\n';

describe('environment from ConfigMaps and Secrets', () => {
  it('envFrom first (prefixed), env after it and overriding; secret values decoded', () => {
    const sim = newSim();
    apply(sim, cm + '---\n' + secret);
    apply(sim, podWith('    envFrom:\n    - configMapRef:\n        name: cfg\n      prefix: CFG_\n    env:\n    - name: CFG_color\n      value: red\n    - name: TOKEN\n      valueFrom:\n        secretKeyRef:\n          name: sec\n          key: token\n'));
    const p = pod(sim, 'p');
    expect(containerConfigEnv(sim.cluster.store, p, p.spec.containers[0]!)).toEqual({ vars: [['CFG_color', 'red'], ['CFG_size', '3'], ['TOKEN', 's3cr3t']] });
    expect(p.status.phase).toBe('Running');
  });

  it('a missing object or key is the kubelet\'s error; optional ones are skipped', () => {
    const sim = newSim();
    apply(sim, cm);
    apply(sim, podWith('    env:\n    - name: X\n      valueFrom:\n        configMapKeyRef:\n          name: cfg\n          key: nope\n'));
    const p = pod(sim, 'p');
    expect(containerConfigEnv(sim.cluster.store, p, p.spec.containers[0]!)).toEqual({ error: "couldn't find key nope in ConfigMap default/cfg" });
    expect(p.status.phase).toBe('Pending');
    expect(p.status.configErrors).toEqual([{ container: 'c', message: "couldn't find key nope in ConfigMap default/cfg" }]);
    const optional = newSim();
    apply(optional, podWith('    envFrom:\n    - secretRef:\n        name: absent\n        optional: true\n'));
    expect(pod(optional, 'p').status.phase).toBe('Running');
  });
});

describe('configMap and secret volumes', () => {
  it('a missing ConfigMap fails the mount and keeps the pod without a sandbox; its files appear once it exists', () => {
    const sim = newSim();
    apply(sim, podWith('    volumeMounts:\n    - name: v\n      mountPath: /etc/config\n', '  volumes:\n  - name: v\n    configMap:\n      name: cfg\n      items:\n      - key: color\n        path: colour\n'));
    const p = pod(sim, 'p');
    expect(failedMount(sim.cluster.store, p)).toEqual({ volume: 'v', message: 'MountVolume.SetUp failed for volume "v" : configmap "cfg" not found' });
    expect(p.status.podIP).toBeUndefined();
    apply(sim, cm);
    expect(pod(sim, 'p').status.phase).toBe('Running');
    expect(mountedFile(sim.cluster.store, p, p.spec.containers[0]!, '/etc/config/colour')).toEqual({ file: 'blue' });
    expect(mountedFile(sim.cluster.store, p, p.spec.containers[0]!, '/etc/config')).toEqual({ dir: ['colour'] });
  });
});

describe('downward API and $(VAR) in env', () => {
  it('status.podIP is the sandbox\'s IP; $(VAR) expands a variable defined before', () => {
    const sim = newSim();
    apply(sim, podWith('    env:\n    - name: MY_IP\n      valueFrom:\n        fieldRef:\n          fieldPath: status.podIP\n    - name: URL\n      value: http://$(MY_IP):80/$$(X)\n'));
    const p = pod(sim, 'p');
    expect(p.spec.containers[0]!.env![0]!.valueFrom!.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'status.podIP' });
    expect(p.status.containerEnv).toEqual([[['MY_IP', p.status.podIP], ['URL', `http://${p.status.podIP}:80/$(X)`]]]);
  });
});

describe('hostile keys', () => {
  it('__proto__ and constructor are ordinary keys in data, env and files; Object.prototype stays untouched', () => {
    const sim = newSim();
    apply(sim, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: h\nstringData:\n  __proto__: x\n  constructor: y\n');
    apply(sim, podWith('    envFrom:\n    - secretRef:\n        name: h\n    volumeMounts:\n    - name: s\n      mountPath: /s\n', '  volumes:\n  - name: s\n    secret:\n      secretName: h\n'));
    const p = pod(sim, 'p');
    expect(p.status.containerEnv).toEqual([[['__proto__', 'x'], ['constructor', 'y']]]);
    expect(mountedFile(sim.cluster.store, p, p.spec.containers[0]!, '/s/__proto__')).toEqual({ file: 'x' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
