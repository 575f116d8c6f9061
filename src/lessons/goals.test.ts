/** Goals judge the cluster and what was done, never the text: every right way passes, a wrong fix does not. */
import { describe, expect, it } from 'vitest';
import { SimSession } from '../worker/session';
import type { LessonStatus } from '../worker/protocol';

const lesson = (tasks: string) => `
id: t
title: T
track: Test
order: 1
minutes: 1
concepts: [x]
summary: s
start:
  scenario: |
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: app
            image: registry.k8s.io/e2e-test-images/agnhost:2.47
            args: ["serve-hostname"]
            ports: [{containerPort: 9376, name: http}]
    ---
    apiVersion: v1
    kind: Pod
    metadata: {name: client}
    spec:
      containers:
      - name: c
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["pause"]
steps:
  - title: S
    text: t
    tasks:
${tasks}
    solution:
      - run: kubectl get pods
`;

function open(tasks: string): SimSession {
  const s = new SimSession();
  const r = s.lessonOpen({ text: lesson(tasks), step: 0 });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return s;
}
const done = (st: LessonStatus | null) => st!.tasks.map((t) => t.done);

const SERVICE_TASK = `
      - title: Service web selects the web pods
        goal:
          all:
            - service: { name: web, ports: [{ port: 80, targetPort: 9376 }] }
            - endpoints: { service: web, ready: 2 }
      - title: Reach it
        goal:
          request: { from: client, service: web, ok: true, servedBy: { selector: { app: web } } }`;

describe('goals', () => {
  it('a Service made with kubectl expose passes', () => {
    const s = open(SERVICE_TASK);
    expect(done(s.lessonStatus())).toEqual([false, false]);
    s.run('kubectl expose deploy web --port 80 --target-port 9376');
    s.run('kubectl exec client -- wget -qO- web');
    expect(done(s.lessonStatus())).toEqual([true, true]);
  });

  it('a Service made with a named targetPort counts as the port it resolves to', () => {
    const s = open(SERVICE_TASK);
    s.run('kubectl create service clusterip web --tcp=80:http');
    expect(done(s.lessonStatus())[0]).toBe(true);
  });

  it('a wrong fix does not tick: a selector that matches no pod', () => {
    const s = open(SERVICE_TASK);
    s.run('kubectl create service clusterip web --tcp=80:9376');
    s.run('kubectl label svc web app-');
    s.run('kubectl patch svc web -p \'{"spec":{"selector":{"app":"wbe"}}}\'');
    s.trace({ from: 'client', url: 'http://web/' });
    expect(done(s.lessonStatus())).toEqual([false, false]);
  });

  it('a request through the editor-made Service and the request bar passes', () => {
    const s = open(SERVICE_TASK);
    const text = lesson('').split('scenario: |\n')[1]!.split('steps:')[0]!.replace(/^ {4}/gm, '');
    s.applyYaml(`${text}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 9376}]\n`);
    s.trace({ from: 'client', url: 'http://web.default.svc.cluster.local/' });
    expect(done(s.lessonStatus())).toEqual([true, true]);
  });

  it('a task once met stays ticked within the step', () => {
    const s = open(SERVICE_TASK);
    s.run('kubectl expose deploy web --port 80 --target-port 9376');
    expect(done(s.lessonStatus())[0]).toBe(true);
    s.run('kubectl delete svc web');
    expect(done(s.lessonStatus())[0]).toBe(true);
  });

  it('command goals read what ran and what it printed', () => {
    const s = open(`
      - title: Look at the slices
        goal:
          command: { verb: get, resource: endpointslice, exitCode: 0 }
      - title: Resolve a name
        goal:
          command: { tool: nslookup, printed: "Address: 10\\\\.96\\\\.0\\\\.1$" }`);
    s.run('kubectl get svc');
    expect(done(s.lessonStatus())).toEqual([false, false]);
    s.run('kubectl get endpointslices.discovery.k8s.io');
    s.run('kubectl exec client -- nslookup kubernetes');
    expect(done(s.lessonStatus())).toEqual([true, true]);
  });

  it('pods goals see pods replaced since the step began', () => {
    const s = open(`
      - title: Replace a web pod
        goal:
          all:
            - pods: { selector: { app: web }, gone: 1 }
            - pods: { selector: { app: web }, new: 1, ready: 2 }`);
    const name = s.run('kubectl get pods -l app=web -o name').output.split('\n')[0]!;
    expect(done(s.lessonStatus())).toEqual([false]);
    s.run(`kubectl delete ${name}`);
    expect(done(s.lessonStatus())).toEqual([true]);
  });

  it('object and clock goals', () => {
    const s = open(`
      - title: Scale to 4
        goal:
          object: { kind: Deployment, name: web, fields: { spec.replicas: 4 } }
      - title: Wait a minute
        goal:
          clock: { advanced: 60 }`);
    s.run('kubectl scale deploy web --replicas=3');
    s.advance(30);
    expect(done(s.lessonStatus())).toEqual([false, false]);
    s.run('kubectl scale deploy/web --replicas=4');
    s.advance(31);
    expect(done(s.lessonStatus())).toEqual([true, true]);
  });

  it("rules goals read the node's rules in the mode in force", () => {
    const s = open(`
      - title: A Service chain exists
        goal:
          rules: { matches: "^-A KUBE-SERVICES -d 10\\\\.96\\\\.\\\\d+\\\\.\\\\d+/32 .*default/web cluster IP" }`);
    expect(done(s.lessonStatus())).toEqual([false]);
    s.run('kubectl expose deploy web --port 80 --target-port 9376');
    expect(done(s.lessonStatus())).toEqual([true]);
  });
});
