import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testShell } from '../test-shell';

// kubectl pkg/cmd/create/create_configmap.go and create_secret.go, run offline by the real client.
const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));
const real = (line: string) => execFileSync(KUBECTL!, line.split(' ').slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

describe.runIf(KUBECTL)('kubectl create configmap|secret generic --dry-run=client prints what real kubectl prints', () => {
  const lines = [
    'kubectl create configmap x --from-literal=b=2 --from-literal=a=b --dry-run=client -o yaml',
    'kubectl create configmap x --from-literal=a=b --dry-run=client -o json',
    'kubectl create cm x -n foo --from-literal=a=b,c=d --dry-run=client -o yaml',
    'kubectl create configmap y --dry-run=client -o yaml',
    'kubectl create configmap x --from-literal=a=b --dry-run=client',
    'kubectl create secret generic s --from-literal=password=hunter2 --from-literal=a=b --dry-run=client -o yaml',
    'kubectl create secret generic s --from-literal=password=hunter2 --dry-run=client -o json',
    'kubectl create secret generic z --from-literal=a= --dry-run=client -o yaml',
    'kubectl create secret generic s --type=kubernetes.io/basic-auth --from-literal=username=a --from-literal=password=b --dry-run=client -o yaml',
    'kubectl create secret generic u --from-literal=u=héllo --dry-run=client -o yaml',
  ];
  for (const line of lines) it(line, () => expect(testShell().run(line)).toBe(real(line)));
});

describe('kubectl create configmap|secret generic: the client-side checks, worded as kubectl words them', () => {
  const cases: [string, string][] = [
    ['kubectl create configmap x --from-literal=a=b --from-literal=a=c', 'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "x"\n'],
    ['kubectl create configmap x --from-literal=a', 'error: invalid literal source a, expected key=value\n'],
    [
      'kubectl create configmap x --from-literal=b@d=1',
      `error: "b@d" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    ],
    ['kubectl create secret generic x --from-literal=a=b --from-literal=a=c', 'error: cannot add key a, another key by that name already exists\n'],
    [
      'kubectl create secret generic x --from-literal=b@d=1',
      `error: "b@d" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    ],
    ['kubectl create configmap --from-literal=a=b', "error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n"],
    ['kubectl create configmap x --from-file=nonexist', 'error: error reading nonexist: no such file or directory\n'],
    ['kubectl create configmap x --from-file=a=b=c', "error: key names or file paths cannot contain '='\n"],
  ];
  for (const [line, want] of cases) it(line, () => expect(testShell().run(line)).toBe(want));

  it('creates them: get shows DATA (and TYPE), -o yaml the Secret base64 as stored', () => {
    const t = testShell();
    expect(t.run('kubectl create configmap app --from-literal=a=1 --from-literal=b=2')).toBe('configmap/app created\n');
    expect(t.run('kubectl create secret generic db --from-literal=password=hunter2')).toBe('secret/db created\n');
    expect(t.run('kubectl get cm app')).toBe('NAME   DATA   AGE\napp    2      0s\n');
    expect(t.run('kubectl get secret db')).toBe('NAME   TYPE     DATA   AGE\ndb     Opaque   1      0s\n');
    expect(t.run('kubectl get secret db -o jsonpath={.data.password}')).toBe('aHVudGVyMg==');
    expect(t.run('kubectl create configmap app --from-literal=a=1')).toBe('Error from server (AlreadyExists): configmaps "app" already exists\n');
  });
});
