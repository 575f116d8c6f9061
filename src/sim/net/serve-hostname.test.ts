// The Debug Services page's hostnames Deployment (kubernetes/website content/en/docs/tasks/debug/debug-application/
// debug-service.md): registry.k8s.io/serve_hostname answers HTTP on 9376 with os.Hostname(), the pod's name, and no
// newline (k/k test/images/agnhost/serve-hostname/serve_hostname.go: fmt.Fprintf(w, "%s", hostname), -port 9376);
// agnhost's serve-hostname subcommand is the same program.
import { describe, expect, it } from 'vitest';
import { testShell } from '../../shell/test-shell';

describe('serve_hostname on 9376', () => {
  it('each pod answers its own name, by pod IP and through the Service', () => {
    const t = testShell();
    t.run('kubectl create deployment hostnames --image=registry.k8s.io/serve_hostname');
    t.run('kubectl scale deployment hostnames --replicas=3');
    t.run('kubectl expose deployment hostnames --port=80 --target-port=9376');
    t.run('kubectl apply -f bb.yaml');
    t.run('sleep 10');
    const pods = t.stdout("kubectl get pods -l app=hostnames -o jsonpath='{range .items[*]}{.metadata.name} {.status.podIP}{\"\\n\"}{end}'").trim().split('\n').map((l) => l.split(' '));
    expect(pods).toHaveLength(3);
    for (const [name, ip] of pods) expect(t.stdout(`kubectl exec bb -- wget -qO- ${ip}:9376`)).toBe(name);
    const names = new Set(pods.map(([n]) => n));
    for (let i = 0; i < 5; i++) expect(names.has(t.stdout('kubectl exec bb -- wget -qO- hostnames'))).toBe(true);
    expect(t.stdout(`kubectl exec bb -- wget -qO- ${pods[0]![1]}:80`)).toBe('');
  });

  it('agnhost serve-hostname answers the same way; -port / --port move it', () => {
    const t = testShell({
      'hn.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hn\nspec:\n  containers:\n  - name: a\n    image: registry.k8s.io/e2e-test-images/agnhost:2.47\n    args: ["serve-hostname", "--port", "8000"]\n',
    });
    t.run('kubectl apply -f hn.yaml');
    t.run('kubectl apply -f bb.yaml');
    t.run('sleep 10');
    const ip = t.stdout("kubectl get pod hn -o jsonpath='{.status.podIP}'");
    expect(t.stdout(`kubectl exec bb -- wget -qO- ${ip}:8000`)).toBe('hn');
    expect(t.run('kubectl logs hn')).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Serving on port 8000\.\n$/);
  });
});
