/**
 * kubectl get -o go-template / go-template-file / template / --template, as the kubernetes.io Debug
 * Services page uses it (`kubectl get pods -l app=hostnames -o go-template='{{range .items}}{{.status.podIP}}{{"\n"}}{{end}}'`,
 * content/en/docs/tasks/debug/debug-application/debug-service.md) and cli-runtime pkg/printers/template.go
 * prints it: the List for a list, the object for one name; errors as that printer and Go's text/template word them
 * (checked with the real kubectl client).
 */
import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('kubectl get -o go-template', () => {
  const t = appliedShell();

  it('ranges over the List of a selector, one pod IP a line', () => {
    const ips = t.sim.cluster.store.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web').map((p) => p.status.podIP);
    expect(ips.length).toBeGreaterThan(0);
    expect(t.run(`kubectl get pods -l app=web -o go-template='{{range .items}}{{.status.podIP}}{{"\\n"}}{{end}}'`)).toBe(ips.map((ip) => `${ip}\n`).join(''));
  });

  it('runs on the object itself for one name; template and --template are the same printer', () => {
    expect(t.run(`kubectl get svc web -o go-template='{{.metadata.name}}:{{(index .spec.ports 0).port}}'`)).toMatch(/^web:\d+$/);
    expect(t.run(`kubectl get svc web -o template --template='{{.kind}}'`)).toBe('Service');
    expect(t.run(`kubectl get svc web --template='{{.kind}}'`)).toBe('Service');
    expect(t.run(`kubectl get ns default -o go-template='{{index .metadata.labels "kubernetes.io/metadata.name"}}'`)).toBe('default');
  });

  it('reads -o go-template-file from the workstation', () => {
    const shell = testShell({ 'names.tmpl': '{{range .items}}{{.metadata.name}} {{end}}' });
    expect(shell.run('kubectl get ns -o go-template-file=names.tmpl')).toBe('default kube-node-lease kube-public kube-system local-path-storage ');
    expect(shell.run('kubectl get ns -o go-template-file=nope.tmpl')).toBe('error: error reading --template nope.tmpl, open nope.tmpl: no such file or directory\n');
  });

  it("says what Go's parser says", () => {
    expect(t.run(`kubectl get svc web -o go-template='{{.metadata.name'`)).toBe('error: error parsing template {{.metadata.name, template: output:1: unclosed action\n');
    expect(t.run('kubectl get svc web -o go-template')).toBe('error: template format specified but no template given\n');
  });

  it('an execution error prints the debugging block, then the error', () => {
    const r = t.result(`kubectl get ns default -o go-template='{{.x}}' --allow-missing-template-keys=false`);
    expect(r.exitCode).toBe(1);
    const out = r.chunks.filter((c) => c.stream === 'out').map((c) => c.text).join('');
    expect(out).toMatch(/^Error executing template: template: output:1:2: executing "output" at <\.x>: map has no entry for key "x"\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\{\.x\}\}\n\traw data was:\n\t\t\{"apiVersion":"v1","kind":"Namespace",/);
    expect(out).toContain('\tobject given to template engine was:\n\t\tmap[apiVersion:v1 kind:Namespace metadata:map[');
    expect(r.chunks.at(-1)).toEqual({ stream: 'err', text: 'error: error executing template "{{.x}}": template: output:1:2: executing "output" at <.x>: map has no entry for key "x"\n' });
  });
});

describe('create/run/expose -o go-template|jsonpath', () => {
  it('prints the one object it built (kubectl create deployment --dry-run=client -o go-template, checked with the real client)', () => {
    const t = appliedShell();
    expect(t.run(`kubectl create deployment x --image=nginx --dry-run=client -o go-template='{{.kind}}/{{.metadata.name}} {{.spec.replicas}}'`)).toBe('Deployment/x 1');
    expect(t.run(`kubectl expose deployment web --name=w2 --port=81 -o jsonpath='{.spec.ports[0].port}'`)).toBe('81');
  });
});
