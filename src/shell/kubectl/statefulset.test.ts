/**
 * StatefulSets as the kubernetes.io StatefulSet basics tutorial walks them
 * (content/en/docs/tutorials/stateful-application/basic-stateful-set.md, application/web/web.yaml):
 * ordered pods with stable names, hostnames and DNS through the headless Service, scaling from the
 * highest ordinal, rollout status, describe, delete. Controller behaviour from k/k pkg/controller/statefulset
 * (stateful_set_control.go, stateful_set_utils.go); columns from printers.go printStatefulSet; the status
 * viewer from kubectl polymorphichelpers/rollout_status.go; describe from describe.go describeStatefulSet.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  minReadySeconds: 10
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;

describe('StatefulSet', () => {
  const t = testShell({ 'web.yaml': WEB });
  t.run('kubectl apply -f web.yaml');

  it('creates web-0 before web-1, with the set\'s identity labels, hostname and subdomain', () => {
    expect(t.run('kubectl get statefulset web')).toBe('NAME   READY   AGE\nweb    2/2     0s\n');
    expect(t.run('kubectl get sts web -o wide')).toBe('NAME   READY   AGE   CONTAINERS   IMAGES\nweb    2/2     0s    nginx        registry.k8s.io/nginx-slim:0.24\n');
    const events = t.run('kubectl get events --field-selector involvedObject.kind=StatefulSet');
    expect(events.indexOf('create Pod web-0 in StatefulSet web successful')).toBeLessThan(events.indexOf('create Pod web-1 in StatefulSet web successful'));
    const pod = t.sim.cluster.store.get('Pod', 'default', 'web-1')!;
    expect(pod.metadata.labels).toMatchObject({ app: 'nginx', 'apps.kubernetes.io/pod-index': '1', 'statefulset.kubernetes.io/pod-name': 'web-1' });
    expect(pod.metadata.labels!['controller-revision-hash']).toMatch(/^web-[a-z0-9]+$/);
    expect(pod.spec.hostname).toBe('web-1');
    expect(pod.spec.subdomain).toBe('nginx');
    expect(pod.spec.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect(t.run(`for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done`)).toBe('web-0\nweb-1\n');
  });

  it('the headless Service\'s endpoints carry the hostnames, so CoreDNS answers web-0.nginx', () => {
    const slice = t.sim.cluster.store.list('EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'nginx')!;
    expect(slice.endpoints.map((e) => e.hostname).sort()).toEqual(['web-0', 'web-1']);
    t.run('kubectl run bb --image=busybox:1.36 --restart=Never -- sleep 3600');
    const ip = t.sim.cluster.store.get('Pod', 'default', 'web-0')!.status.podIP!;
    expect(t.run('kubectl exec bb -- nslookup web-0.nginx.default.svc.cluster.local')).toContain(`Name:\tweb-0.nginx.default.svc.cluster.local\nAddress: ${ip}\n`);
  });

  it('rollout status, scale up in order and down from the highest ordinal', () => {
    expect(t.run('kubectl rollout status sts/web')).toBe('partitioned roll out complete: 2 new pods have been updated...\n');
    expect(t.run('kubectl scale sts web --replicas=4')).toBe('statefulset.apps/web scaled\n');
    expect(t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'nginx').map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
    expect(t.run('kubectl scale sts web --replicas=2')).toBe('statefulset.apps/web scaled\n');
    // OrderedReady: web-3 goes first; web-2 only once web-3 is gone.
    const terminating = () => t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.deletionTimestamp !== undefined).map((p) => p.metadata.name);
    expect(terminating()).toEqual(['web-3']);
    t.sim.advance(60);
    t.sim.advance(60);
    expect(t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'nginx').map((p) => p.metadata.name)).toEqual(['web-0', 'web-1']);
  });

  it('describe shows the update strategy and the volume claims', () => {
    const d = t.run('kubectl describe sts web');
    expect(d).toContain('Replicas:           2 desired | 2 total\nUpdate Strategy:    RollingUpdate\n  Partition:        0\n');
    expect(d).toContain('    Mounts:\n      /usr/share/nginx/html from www (rw)\n');
    expect(d).toContain('Volume Claims:\n  Name:          www\n  StorageClass:  \n  Labels:        <none>\n  Annotations:   <none>\n  Capacity:      1Gi\n  Access Modes:  [ReadWriteOnce]\n');
  });

  it('Parallel creates every pod at once; delete takes the pods with the set', () => {
    const p = testShell({ 'p.yaml': WEB.replace('  replicas: 2', '  replicas: 3\n  podManagementPolicy: Parallel') });
    p.run('kubectl apply -f p.yaml');
    expect(p.run('kubectl get sts web --no-headers')).toBe('web   3/3   0s\n');
    expect(p.run('kubectl delete sts web')).toBe('statefulset.apps "web" deleted\n');
    p.sim.advance(60);
    expect(p.run('kubectl get pods')).toBe('No resources found in default namespace.\n');
  });
});
