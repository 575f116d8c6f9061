/**
 * kubectl describe service, checked against staging/src/k8s.io/kubectl/pkg/describe/describe.go
 * (describeService, buildIngressString) and the defaults of pkg/apis/core/v1/defaults.go
 * (SetDefaults_Service: internalTrafficPolicy only for ClusterIP, NodePort and LoadBalancer;
 * ipMode VIP on a LoadBalancer ingress IP).
 */
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig } from '../../sim/scenario/cluster-config';
import { Simulation } from '../../sim/simulation';
import { Shell } from '../shell';
import { stdoutOf } from '../types';
import { testShell } from '../test-shell';

const EXTERNAL = `apiVersion: v1
kind: Service
metadata:
  name: docs
spec:
  type: ExternalName
  externalName: kubernetes.io
`;

const STICKY = `apiVersion: v1
kind: Service
metadata:
  name: sticky
spec:
  selector:
    app: web
  sessionAffinity: ClientIP
  ports:
  - port: 80
`;

const LB = `apiVersion: v1
kind: Service
metadata:
  name: lb
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector:
    app: web
  ports:
  - port: 80
`;

describe('kubectl describe service', () => {
  it('gives an ExternalName Service the IP lines too: no families, an empty IP, no IPs, and no traffic policy', () => {
    const t = testShell({ 'x.yaml': EXTERNAL });
    t.run('kubectl apply -f x.yaml');
    expect(t.stdout('kubectl describe svc docs')).toBe(
      [
        'Name:              docs',
        'Namespace:         default',
        'Labels:            <none>',
        'Annotations:       <none>',
        'Selector:          <none>',
        'Type:              ExternalName',
        'IP Families:       <none>',
        'IP:                ',
        'IPs:               <none>',
        'External Name:     kubernetes.io',
        'Session Affinity:  None',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints no line for the ClientIP affinity timeout', () => {
    const t = testShell({ 'x.yaml': STICKY });
    t.run('kubectl apply -f x.yaml');
    const out = t.stdout('kubectl describe svc sticky');
    expect(out).toMatch(/\nSession Affinity: +ClientIP\nInternal Traffic Policy: +Cluster\nEvents: +<none>\n$/);
    expect(out).not.toContain('Timeout');
  });

  it('prints the ingress IP with its ipMode, and Internal Traffic Policy before HealthCheck NodePort', () => {
    const config = { ...defaultClusterConfig(), loadBalancerPool: ['172.18.255.200'] };
    const shell = new Shell(new Simulation(config, 1), { readFile: (p) => (p === 'lb.yaml' ? LB : undefined) });
    shell.run('kubectl apply -f lb.yaml');
    const out = stdoutOf(shell.run('kubectl describe svc lb'));
    expect(out).toMatch(/\nIPs: +10\.96\.\d+\.\d+\nLoadBalancer Ingress: +172\.18\.255\.200 \(VIP\)\nPort: /);
    expect(out).toMatch(/\nExternal Traffic Policy: +Local\nInternal Traffic Policy: +Cluster\nHealthCheck NodePort: +\d+\nEvents:/);
    expect(stdoutOf(shell.run('kubectl get svc lb -o jsonpath={.status.loadBalancer.ingress}'))).toBe('[{"ip":"172.18.255.200","ipMode":"VIP"}]');
  });
});
