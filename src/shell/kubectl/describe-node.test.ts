/**
 * kubectl describe node and endpointslice, checked against
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go (NodeDescriber, describeNode,
 * describeNodeLease, describeNodeResource, describeEndpointSliceV1) and a real v1.32
 * client's layout for the same objects.
 */
import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('kubectl describe node', () => {
  it('lays out a kind worker: roles, lease, conditions, addresses, capacity, system info, provider ID', () => {
    const out = testShell().run('kubectl describe node kind-worker');
    expect(out).toMatch(/^Name: {15}kind-worker\nRoles: {14}<none>\n/);
    expect(out).toMatch(/\nTaints: {13}<none>\nUnschedulable: {6}false\nLease:\n {2}HolderIdentity: {2}kind-worker\n {2}AcquireTime: {5}<unset>\n/);
    expect(out).toMatch(/\n {2}Ready {12}True {4}\w{3}, .{26} {3}.{31} {3}KubeletReady {17}kubelet is posting ready status\n/);
    expect(out).toMatch(/\nAddresses:\n {2}InternalIP: {2}172\.18\.0\.3\n {2}Hostname: {4}kind-worker\n/);
    expect(out).toMatch(/\n {2}Kubelet Version: {12}v1\.33\.1\n {2}Kube-Proxy Version: {9}\nPodCIDR: {22}10\.244\.1\.0\/24\nPodCIDRs: {21}10\.244\.1\.0\/24\nProviderID: {19}kind:\/\/docker\/kind\/kind-worker\n/);
  });

  it('lists the node\'s pods with their requests and limits as a share of allocatable, and their sum', () => {
    const out = testShell().run('kubectl describe node kind-worker');
    expect(out).toMatch(/\nNon-terminated Pods: {10}\(2 in total\)\n {2}Namespace {19}Name {16}CPU Requests {2}CPU Limits {2}Memory Requests {2}Memory Limits {2}Age\n/);
    expect(out).toMatch(/\n {2}kube-system {17}kindnet-\w{5} {7}100m \(1%\) {5}100m \(1%\) {3}50Mi \(0%\) {8}50Mi \(0%\) {6}5m\n/);
    expect(out).toMatch(/\n {2}cpu {16}100m \(1%\) {2}100m \(1%\)\n {2}memory {13}50Mi \(0%\) {2}50Mi \(0%\)\n {2}ephemeral-storage {2}0 \(0%\) {5}0 \(0%\)\n/);
    expect(testShell().run('kubectl describe node kind-control-plane')).toMatch(/\n {2}cpu {16}950m \(11%\) {2}100m \(1%\)\n/);
  });

  it('shows the control plane\'s taint and role', () => {
    const out = testShell().run('kubectl describe node kind-control-plane');
    expect(out).toMatch(/\nRoles: +control-plane\n/);
    expect(out).toMatch(/\nTaints: +node-role\.kubernetes\.io\/control-plane:NoSchedule\n/);
  });

  it('shows the events of both searches: by the node\'s uid (node-controller) and by its name (kubelet)', () => {
    const out = testShell().run('kubectl describe node kind-worker');
    expect(out).toMatch(/Normal {2}RegisteredNode +\S+ +node-controller {2}Node kind-worker event: Registered Node kind-worker in Controller\n/);
    expect(out).toMatch(/Normal {2}NodeReady +\S+ +kubelet {10}Node kind-worker status is now: NodeReady\n$/);
  });
});

describe('kubectl describe endpointslice', () => {
  it('lists ports and each endpoint\'s readiness, hostname, target, node and zone', () => {
    const t = appliedShell();
    const out = t.run('kubectl describe endpointslice -n kube-system');
    expect(out).toMatch(/\nAddressType: {2}IPv4\nPorts:\n {2}Name {5}Port {2}Protocol\n {2}---- {5}---- {2}--------\n {2}dns {6}53 {4}UDP\n/);
    expect(out).toMatch(/\n {2}- Addresses: {2}10\.244\.0\.2\n {4}Conditions:\n {6}Ready: {4}true\n {4}Hostname: {3}<unset>\n {4}TargetRef: {2}Pod\/coredns-\w+-\w{5}\n {4}NodeName: {3}kind-control-plane\n {4}Zone: {7}<unset>\n/);
  });

  it('leaves TargetRef out for an endpoint without one (default/kubernetes)', () => {
    const out = testShell().run('kubectl describe endpointslice kubernetes');
    expect(out).toMatch(/\n {4}Hostname: {2}<unset>\n {4}NodeName: {2}<unset>\n {4}Zone: {6}<unset>\nEvents: {8}<none>\n$/);
  });

  // pkg/controlplane/reconcilers/endpointsadapter.go updateEndpointSlice: Conditions{Ready: true} alone.
  it('gives the apiserver\'s own slice a ready condition and nothing else', () => {
    const yaml = testShell().stdout('kubectl get endpointslice kubernetes -o yaml');
    expect(yaml).toContain('endpoints:\n- addresses:\n  - 172.18.0.2\n  conditions:\n    ready: true\nkind: EndpointSlice\n');
  });
});
