/**
 * kubectl apply -f URL, as the kubernetes.io tutorials type it. cli-runtime's builder
 * takes an http(s) -f value as a URL (pkg/resource/visitor.go); the objects are those of
 * kubernetes/website content/en/examples/PATH.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../sim/scenario/manifests';
import { testShell } from '../test-shell';
import { exampleManifest, examplePaths } from './example-manifests';

describe('the kubernetes.io examples by URL', () => {
  it('every carried example parses, through k8s.io, kubernetes.io and the raw GitHub address', () => {
    for (const path of examplePaths()) {
      const text = exampleManifest(`https://k8s.io/examples/${path}`)!;
      expect(parseManifests(text).errors).toEqual([]);
      expect(exampleManifest(`https://kubernetes.io/examples/${path}`)).toBe(text);
      expect(exampleManifest(`https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/${path}`)).toBe(text);
    }
    expect(exampleManifest('https://k8s.io/examples/no/such.yaml')).toBeUndefined();
  });

  it('"Use a Service to Access an Application": apply by URL makes hello-world with two replicas', () => {
    const t = testShell();
    expect(t.run('kubectl apply -f https://k8s.io/examples/service/access/hello-application.yaml')).toBe('deployment.apps/hello-world created\n');
    expect(t.run('kubectl get pods -l run=load-balancer-example --no-headers | wc -l')).toBe('2\n');
  });

  it('a comma list of URLs, as "Connect a Frontend to a Backend" could type it', () => {
    const t = testShell();
    expect(t.run('kubectl apply -f https://k8s.io/examples/service/access/backend-deployment.yaml,https://k8s.io/examples/service/access/backend-service.yaml')).toBe(
      'deployment.apps/backend created\nservice/hello created\n',
    );
  });

  it('any other URL says why it cannot be read, in kubectl\'s "unable to read URL" words', () => {
    const t = testShell();
    const out = t.run('kubectl apply -f https://example.com/app.yaml');
    expect(out).toMatch(/^error: unable to read URL "https:\/\/example.com\/app.yaml": the simulated workstation has no internet/);
  });
});

describe('every carried example applies on a fresh kind cluster', () => {
  it.each(examplePaths())('%s', (path) => {
    const t = testShell();
    const out = t.run(`kubectl apply -f https://k8s.io/examples/${path}`);
    expect(out).toMatch(/^([a-z.]+\/[a-z0-9-]+ created\n)+$/);
  });
});
