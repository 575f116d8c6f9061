/**
 * kubectl port-forward: texts from k/k staging/src/k8s.io/kubectl/pkg/cmd/portforward/portforward.go
 * (Complete: TYPE/NAME usage error, translateServicePortToTargetPort, convertPodNamedPortToNumber;
 * RunPortForwardContext: "unable to forward port because pod is not running") and client-go
 * tools/portforward/portforward.go (parseAddresses sorted, parsePorts errors, "Forwarding from %s -> %d"
 * with net.JoinHostPort, "Handling connection for %d", "Unable to listen on port %d: %v",
 * "unable to listen on any of the requested ports: %v", ErrLostConnectionToPod). Jobs as bash's jobs.c.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: registry.k8s.io/e2e-test-images/agnhost:2.47
        args: ["serve-hostname"]
        ports:
        - containerPort: 9376
          name: http
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - name: web
    port: 80
    targetPort: http
  - name: dns
    port: 53
    protocol: UDP
    targetPort: 53
`;

const setup = () => {
  const t = testShell({ 'app.yaml': APP });
  t.run('kubectl apply -f app.yaml');
  return t;
};

describe('kubectl port-forward', () => {
  it('a Service port becomes its targetPort, a named one looked up on the pod, and curl reaches that pod', () => {
    const t = setup();
    expect(t.run('kubectl port-forward svc/web 8080:80 &')).toBe('[1] 4721\nForwarding from 127.0.0.1:8080 -> 9376\nForwarding from [::1]:8080 -> 9376\n');
    const pod = t.run('curl -s localhost:8080');
    expect(pod).toMatch(/^Handling connection for 8080\nweb-[a-z0-9]+-[a-z0-9]+$/);
    // Always the same pod: port-forward bypasses the Service once it has picked one.
    expect(t.run('curl -s http://127.0.0.1:8080/')).toBe(pod);
    expect(t.run('jobs')).toBe('[1]+  Running                 kubectl port-forward svc/web 8080:80 &\n');
  });

  it('LOCAL:REMOTE, :REMOTE (a port the kernel picks), several ports, --address', () => {
    const t = setup();
    expect(t.run('kubectl port-forward deploy/web 9000:http 9001:9376 --address 0.0.0.0,localhost &')).toBe(
      '[1] 4721\n' +
        'Forwarding from 0.0.0.0:9000 -> 9376\nForwarding from 127.0.0.1:9000 -> 9376\nForwarding from [::1]:9000 -> 9376\n' +
        'Forwarding from 0.0.0.0:9001 -> 9376\nForwarding from 127.0.0.1:9001 -> 9376\nForwarding from [::1]:9001 -> 9376\n',
    );
    expect(t.run('kubectl port-forward svc/web :web &')).toMatch(/^\[2\] 4722\nForwarding from 127\.0\.0\.1:(\d+) -> 9376\nForwarding from \[::1\]:\1 -> 9376\n$/);
    expect(t.run('kubectl port-forward svc/web 9002:80 --address nowhere')).toBe('error: nowhere is not a valid IP\n');
  });

  it('kubectl\'s errors before it listens', () => {
    const t = setup();
    expect(t.run('kubectl port-forward svc/web')).toBe("error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n");
    expect(t.run('kubectl port-forward svc/nope 8080:80')).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(t.run('kubectl port-forward svc/web 8080:81')).toBe('error: Service web does not have a service port 81\n');
    expect(t.run('kubectl port-forward svc/web 8080:www')).toBe("error: Service 'web' does not have a named port 'www'\n");
    expect(t.run('kubectl port-forward svc/web 5353:53')).toBe('error: UDP protocol is not supported for 53\n');
    expect(t.run('kubectl port-forward deploy/web 8080:grpc')).toBe("error: Pod 'web-" + t.run('kubectl get pods -o jsonpath={.items[0].metadata.name}').slice(4) + "' does not have a named port 'grpc'\n");
    expect(t.run('kubectl port-forward deploy/web 8080:0')).toBe('error: remote port must be > 0\n');
    // On a pod, splitPort turns "1:2:3" into port 1 before parsePorts could call the format invalid.
    expect(t.run('kubectl port-forward deploy/web 1:2:3')).toContain('Error listen tcp4 127.0.0.1:1: bind: permission denied');
    expect(t.run('kubectl port-forward svc/web 1:2:3')).toBe('error: Service web does not have a service port 1\n');
    expect(t.run('kubectl port-forward deploy/web 70000:80')).toBe('error: error parsing local port \'70000\': strconv.ParseUint: parsing "70000": value out of range\n');
  });

  it('a pod that is not Running cannot be forwarded to', () => {
    const t = testShell({ 'p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: stuck\nspec:\n  nodeSelector:\n    disk: none\n  containers:\n  - name: c\n    image: busybox:1.36\n' });
    t.run('kubectl apply -f p.yaml');
    expect(t.run('kubectl port-forward stuck 8080:80')).toBe('error: unable to forward port because pod is not running. Current status=Pending\n');
  });

  it('binding: a port below 1024, one already forwarded; a failure in the background ends the job', () => {
    const t = setup();
    // forward(): each port's error right after that port's attempt, before the next port's lines.
    expect(t.run('kubectl port-forward svc/web 80 8090:80 &')).toBe(
      '[1] 4721\nUnable to listen on port 80: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:80: bind: permission denied unable to create listener: Error listen tcp6 [::1]:80: bind: permission denied]\n' +
        'Forwarding from 127.0.0.1:8090 -> 9376\nForwarding from [::1]:8090 -> 9376\n',
    );
    t.run('kill %1');
    expect(t.run('kubectl port-forward svc/web 80')).toBe(
      'Unable to listen on port 80: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:80: bind: permission denied unable to create listener: Error listen tcp6 [::1]:80: bind: permission denied]\n' +
        'error: unable to listen on any of the requested ports: [{80 9376}]\n',
    );
    t.run('kubectl port-forward svc/web 8080:80 &');
    expect(t.run('kubectl port-forward svc/web 8080:80 &')).toBe(
      '[2] 4723\nUnable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\n' +
        'error: unable to listen on any of the requested ports: [{8080 9376}]\n[2]+  Exit 1                  kubectl port-forward svc/web 8080:80\n',
    );
  });

  it('in the foreground it says what the simulated terminal does, and stops', () => {
    const t = setup();
    const r = t.result('kubectl port-forward svc/web 8080:80');
    expect(r.exitCode).toBe(0);
    expect(r.chunks.filter((c) => c.stream === 'out').map((c) => c.text).join('')).toBe('Forwarding from 127.0.0.1:8080 -> 9376\nForwarding from [::1]:8080 -> 9376\n');
    expect(r.chunks[r.chunks.length - 1]!.stream).toBe('err');
    expect(t.run('curl -s localhost:8080; echo $?')).toBe('7\n');
  });

  it('a port nothing in the pod listens on: kubectl reports it and the job ends; a deleted pod ends it too', () => {
    const t = setup();
    t.run('kubectl port-forward deploy/web 8080:81 &');
    const r = t.run('curl -s localhost:8080; echo $?');
    // curl: the connection closes with no reply (CURLE_GOT_NOTHING, 52).
    expect(r.startsWith('Handling connection for 8080\n')).toBe(true);
    expect(r.endsWith('52\n')).toBe(true);
    expect(r).toContain('error: lost connection to pod\n[1]+  Exit 1                  kubectl port-forward deploy/web 8080:81\n');
    expect(t.run('jobs')).toBe('');
    t.run('kubectl port-forward deploy/web 8080:9376 &');
    const pod = t.run('curl -s localhost:8080').split('\n')[1]!;
    expect(t.run(`kubectl delete pod ${pod}`)).toBe(`pod "${pod}" deleted\nerror: lost connection to pod\n[1]+  Exit 1                  kubectl port-forward deploy/web 8080:9376\n`);
  });
});

describe('jobs and kill', () => {
  it('marks the current and previous jobs and reports how kill ended them', () => {
    const t = setup();
    t.run('kubectl port-forward svc/web 8080:80 &');
    t.run('kubectl port-forward svc/web 8081:80 &');
    expect(t.run('jobs')).toBe('[1]-  Running                 kubectl port-forward svc/web 8080:80 &\n[2]+  Running                 kubectl port-forward svc/web 8081:80 &\n');
    expect(t.run('kill -9 %2')).toBe('[2]+  Killed                  kubectl port-forward svc/web 8081:80\n');
    expect(t.run('kill 4721')).toBe('[1]+  Terminated              kubectl port-forward svc/web 8080:80\n');
    expect(t.run('kill %1')).toBe('bash: kill: %1: no such job\n');
    expect(t.run('kill 99')).toBe('bash: kill: (99) - No such process\n');
    expect(t.run('kill')).toBe('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    expect(t.run('sleep 1 &')).toBe('bash: background jobs (&) are not supported here, except kubectl port-forward ... &\n');
  });
});
