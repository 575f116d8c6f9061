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
import { exampleManifest } from './example-manifests';

/** The tutorial's application/web/web.yaml, as the workstation carries it for kubectl apply -f URL. */
const WEB = exampleManifest('https://k8s.io/examples/application/web/web.yaml')!;

describe('StatefulSet', () => {
  const t = testShell({ 'web.yaml': WEB });
  t.run('kubectl apply -f web.yaml');

  it('creates web-0 before web-1, with the set\'s identity labels, hostname and subdomain', () => {
    expect(t.run('kubectl get statefulset web')).toBe('NAME   READY   AGE\nweb    2/2     0s\n');
    expect(t.run('kubectl get sts web -o wide')).toBe('NAME   READY   AGE   CONTAINERS   IMAGES\nweb    2/2     0s    nginx        registry.k8s.io/nginx-slim:0.7\n');
    const events = t.run('kubectl get events --field-selector involvedObject.kind=StatefulSet');
    expect(events.indexOf('create Pod web-0 in StatefulSet web successful')).toBeLessThan(events.indexOf('create Pod web-1 in StatefulSet web successful'));
    const pod = t.sim.cluster.store.get('Pod', 'default', 'web-1')!;
    expect(pod.metadata.labels).toMatchObject({ app: 'nginx', 'apps.kubernetes.io/pod-index': '1', 'statefulset.kubernetes.io/pod-name': 'web-1' });
    expect(pod.metadata.labels!['controller-revision-hash']).toMatch(/^web-[a-z0-9]+$/);
    expect(pod.spec.hostname).toBe('web-1');
    // controller_utils.go GetPodFromTemplate: GenerateName is the set's name and a dash.
    expect(pod.metadata.generateName).toBe('web-');
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
    // One sleep walks the chain: web-3 goes, then web-2 is condemned and goes (Simulation.advance stops at each wake-up).
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

  it('minReadySeconds: web-1 waits until web-0 has been Ready that long, and available counts only those', () => {
    // stateful_set_control.go processReplica: a predecessor must be Running and Ready, then
    // isRunningAndAvailable(pod, minReadySeconds) (stateful_set_utils.go) before the next ordinal.
    const m = testShell({ 'm.yaml': WEB.replace('  replicas: 2', '  replicas: 2\n  minReadySeconds: 10') });
    m.run('kubectl apply -f m.yaml');
    expect(m.run('kubectl get pods -l app=nginx --no-headers -o custom-columns=NAME:.metadata.name')).toBe('web-0\n');
    expect(m.run('kubectl get sts web -o jsonpath={.status.readyReplicas}/{.status.availableReplicas}')).toBe('1/0');
    m.sim.advance(9);
    expect(m.sim.cluster.store.get('Pod', 'default', 'web-1')).toBeUndefined();
    m.sim.advance(1);
    expect(m.sim.cluster.store.get('Pod', 'default', 'web-1')).toBeDefined();
    m.sim.advance(10);
    expect(m.run('kubectl get sts web -o jsonpath={.status.readyReplicas}/{.status.availableReplicas}')).toBe('2/2');
    // One long sleep: web-2 at once, web-3 ten seconds after it is Ready (a wake-up, no write needed).
    m.run('kubectl scale sts web --replicas=4');
    m.run('sleep 30');
    expect(m.run('kubectl get pods -l app=nginx --no-headers -o custom-columns=NAME:.metadata.name,AGE:.metadata.creationTimestamp')).toBe(
      'web-0   2026-01-01T00:00:00Z\nweb-1   2026-01-01T00:00:10Z\nweb-2   2026-01-01T00:00:20Z\nweb-3   2026-01-01T00:00:30Z\n',
    );
  });

  it('a deleted pod comes back with the same name, hostname and DNS name, on a new IP', () => {
    const d = testShell({ 'web.yaml': WEB });
    d.run('kubectl apply -f web.yaml');
    const before = d.sim.cluster.store.get('Pod', 'default', 'web-0')!.status.podIP;
    expect(d.run('kubectl delete pod web-0')).toBe('pod "web-0" deleted\n');
    const pod = d.sim.cluster.store.get('Pod', 'default', 'web-0')!;
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.podIP).not.toBe(before);
    expect(d.run("kubectl exec web-0 -- sh -c 'hostname'")).toBe('web-0\n');
    // kubelet_pods.go managedHostsFileContent: "<IP>\t<hostname>.<subdomain>.<ns>.svc.<zone>\t<hostname>", so hostname -f reads the FQDN.
    expect(d.run('kubectl exec web-0 -- hostname -f')).toBe('web-0.nginx.default.svc.cluster.local\n');
  });

  it('busybox:1.28 nslookup (getaddrinfo, search list) finds web-0.nginx; busybox 1.36 asks the dotted name as is', () => {
    const n = testShell({ 'web.yaml': WEB });
    n.run('kubectl apply -f web.yaml');
    n.run('kubectl run old --image=busybox:1.28 --restart=Never -- sleep 3600');
    n.run('kubectl run new --image=busybox:1.36 --restart=Never -- sleep 3600');
    const ip = n.sim.cluster.store.get('Pod', 'default', 'web-0')!.status.podIP!;
    // busybox 1.28 networking/nslookup.c print_host/server_print: "%-10s %s", "Address %u: %s %s" with the
    // reverse name; the tutorial (content/en/docs/tutorials/stateful-application/basic-stateful-set.md) shows the same shape.
    expect(n.run('kubectl exec old -- nslookup web-0.nginx')).toBe(
      `Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-0.nginx\nAddress 1: ${ip} web-0.nginx.default.svc.cluster.local\n`,
    );
    expect(n.run('kubectl exec old -- nslookup web-9.nginx')).toBe("Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nnslookup: can't resolve 'web-9.nginx'\ncommand terminated with exit code 1\n");
    expect(n.run('kubectl exec old -- nslookup')).toContain('Usage: nslookup [HOST] [SERVER]\n');
    // busybox 1.29+ (the LEDE nslookup) expands only dot-less names with the search list.
    expect(n.run('kubectl exec new -- nslookup web-0.nginx')).toContain("** server can't find web-0.nginx: NXDOMAIN\n");
  });

  it('describe pod names the claim; PVCs, PVs and ControllerRevisions are not shown as absent', () => {
    const v = testShell({ 'web.yaml': WEB });
    v.run('kubectl apply -f web.yaml');
    // describe.go printPersistentVolumeClaimVolumeSource.
    expect(v.run('kubectl describe pod web-1')).toContain(
      'Volumes:\n  www:\n    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:  www-web-1\n    ReadOnly:   false\n',
    );
    expect(v.run('kubectl get pvc')).toBe('error: this simulator does not model persistentvolumeclaims: a kind cluster holds some in namespace default that it cannot show\n');
    expect(v.run('kubectl get controllerrevisions')).toBe('error: this simulator does not model controllerrevisions.apps: a kind cluster holds some in namespace default that it cannot show\n');
    expect(v.run('kubectl get pvc -n kube-public')).toBe('No resources found in kube-public namespace.\n');
  });

  it('rollout status speaks only of RollingUpdate; bad names and kinds get kubectl\'s errors', () => {
    const o = testShell({ 'o.yaml': WEB.replace('  replicas: 2', '  replicas: 1\n  updateStrategy:\n    type: OnDelete') });
    o.run('kubectl apply -f o.yaml');
    // polymorphichelpers/rollout_status.go StatefulSetStatusViewer.
    expect(o.run('kubectl rollout status sts/web')).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
    expect(o.run('kubectl rollout status statefulset/nope')).toBe('Error from server (NotFound): statefulsets.apps "nope" not found\n');
    expect(o.run('kubectl scale sts nope --replicas=1')).toBe('Error from server (NotFound): statefulsets.apps "nope" not found\n');
  });

  it('set image and rollout restart roll the pods to a new revision; history says what the simulator lacks', () => {
    const r = testShell({ 'web.yaml': WEB });
    r.run('kubectl apply -f web.yaml');
    const before = r.sim.cluster.store.get('Pod', 'default', 'web-0')!.metadata.labels!['controller-revision-hash'];
    // set_image.go and objectrestarter.go print "<resource>.<group>/<name> image updated|restarted".
    expect(r.run('kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.8')).toBe('statefulset.apps/web image updated\n');
    expect(r.run('kubectl rollout status sts/web')).toContain('partitioned roll out complete: 2 new pods have been updated...\n');
    const pods = r.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'nginx');
    expect(pods.map((p) => p.spec.containers[0]!.image)).toEqual(['registry.k8s.io/nginx-slim:0.8', 'registry.k8s.io/nginx-slim:0.8']);
    expect(pods.every((p) => p.metadata.labels!['controller-revision-hash'] !== before)).toBe(true);
    expect(r.run('kubectl rollout restart statefulset/web')).toBe('statefulset.apps/web restarted\n');
    expect(r.run('kubectl rollout history sts/web')).toBe('error: this simulator keeps no ControllerRevisions, so it has no history to show for statefulset.apps/web\n');
    // exec and logs take sts/NAME (SelectorsForObject knows StatefulSets).
    expect(r.run("kubectl exec sts/web -- sh -c 'hostname'")).toBe('web-0\n');
  });

  it('spec.ordinals.start numbers the pods from there (getStartOrdinal)', () => {
    const o = testShell({ 'o.yaml': WEB.replace('  replicas: 2', '  replicas: 2\n  ordinals:\n    start: 5') });
    o.run('kubectl apply -f o.yaml');
    expect(o.run('kubectl get pods -l app=nginx --no-headers -o custom-columns=NAME:.metadata.name')).toBe('web-5\nweb-6\n');
    expect(o.run('kubectl get sts web -o jsonpath={.spec.ordinals}')).toBe('{"start":5}');
    o.run('kubectl scale sts web --replicas=1');
    o.run('sleep 30');
    expect(o.run('kubectl get pods -l app=nginx --no-headers -o custom-columns=NAME:.metadata.name')).toBe('web-5\n');
  });
});
