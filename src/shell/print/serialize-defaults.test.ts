/**
 * -o yaml/json fields the API server and its admission plugins fill in:
 * plugin/pkg/admission/serviceaccount/admission.go (the kube-api-access-* projected volume
 * and its mount), plugin/pkg/admission/defaulttolerationseconds (the NoExecute tolerations),
 * pkg/apis/core/v1/defaults.go (SetDefaults_Probe, SetDefaults_PodSpec; enableServiceLinks
 * only on pods), pkg/kubelet/kubelet_pods.go (container statuses), and kubeadm's CoreDNS
 * Service (cmd/kubeadm/app/phases/addons/dns/manifests.go, the prometheus annotations).
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const PROBED = `apiVersion: v1
kind: Pod
metadata:
  name: probed
spec:
  containers:
  - name: app
    image: nginx
    readinessProbe:
      httpGet:
        port: 80
`;

describe('pods as the API server returns them', () => {
  it('carries the projected token volume, its mount, and the default NoExecute tolerations', () => {
    const t = testShell({ 'p.yaml': PROBED });
    t.run('kubectl apply -f p.yaml');
    const pod = JSON.parse(t.stdout('kubectl get pod probed -o json'));
    const volume = pod.spec.volumes[0];
    expect(volume.name).toMatch(/^kube-api-access-\w{5}$/);
    expect(t.run('kubectl describe pod probed')).toContain(`from ${volume.name} (ro)`);
    expect(volume.projected.sources.map((s: object) => Object.keys(s)[0])).toEqual(['serviceAccountToken', 'configMap', 'downwardAPI']);
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume.name, readOnly: true }]);
    expect(pod.spec.tolerations).toEqual(['not-ready', 'unreachable'].map((k) => ({ effect: 'NoExecute', key: `node.kubernetes.io/${k}`, operator: 'Exists', tolerationSeconds: 300 })));
  });

  it('fills in the probe defaults', () => {
    const t = testShell({ 'p.yaml': PROBED });
    t.run('kubectl apply -f p.yaml');
    const pod = JSON.parse(t.stdout('kubectl get pod probed -o json'));
    expect(pod.spec.containers[0].readinessProbe).toEqual({ failureThreshold: 3, httpGet: { path: '/', port: 80, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 });
  });

  it('reports containerID, the normalised image, imageID and an empty lastState, as describe shows them', () => {
    const t = testShell({ 'p.yaml': PROBED });
    t.run('kubectl apply -f p.yaml');
    const s = JSON.parse(t.stdout('kubectl get pod probed -o json')).status.containerStatuses[0];
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.image).toBe('docker.io/library/nginx:latest');
    expect(s.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(s.lastState).toEqual({});
    const described = t.run('kubectl describe pod probed');
    expect(described).toContain(s.containerID);
    expect(described).toContain(s.imageID);
  });
});

describe('templates as the API server returns them', () => {
  it('defaults a ReplicaSet\'s template as a Deployment\'s, without enableServiceLinks', () => {
    const t = testShell();
    t.run('kubectl create deployment web --image=nginx');
    const rs = JSON.parse(t.stdout('kubectl get rs -o json')).items[0];
    const deploy = JSON.parse(t.stdout('kubectl get deploy web -o json'));
    expect(rs.spec.template.spec).toEqual({ ...deploy.spec.template.spec });
    expect(rs.spec.template.spec).toMatchObject({ dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30 });
    expect(rs.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(rs.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'Always', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
  });
});

describe('the kube-dns Service', () => {
  it('has kubeadm\'s prometheus annotations', () => {
    const svc = JSON.parse(testShell().stdout('kubectl get svc -n kube-system kube-dns -o json'));
    expect(svc.metadata.annotations).toEqual({ 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' });
  });
});
