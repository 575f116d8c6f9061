// Pod / Deployment / ObjectMeta validation as kubectl prints it.
// k/k pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers, validateContainerPorts),
// pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec), apimachinery pkg/api/validation/objectmeta.go.
import { describe, expect, it } from 'vitest';
import { applyOne, newSim, podYaml } from '../test-helpers';

const deployment = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;
const template = `  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: nginx
`;

describe('Pod', () => {
  it('accepts a minimal pod', () => {
    expect(applyOne(newSim(), podYaml('p', { app: 'x' }))).toBe('pod/p created');
  });

  it('rejects an upper-case name (DNS-1123 subdomain)', () => {
    expect(applyOne(newSim(), podYaml('Web', {}))).toMatch(/^The Pod "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of/);
  });

  it('requires containers[].image', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n';
    expect(applyOne(newSim(), yaml)).toBe('The Pod "p" is invalid: spec.containers[0].image: Required value');
  });

  it('rejects duplicate container names and bad container port names', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
    ports:
    - name: web_port
      containerPort: 80
  - name: c
    image: nginx
`;
    expect(applyOne(newSim(), yaml)).toBe(
      'The Pod "p" is invalid: \n* spec.containers[0].ports[0].name: Invalid value: "web_port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n* spec.containers[1].name: Duplicate value: "c"',
    );
  });

  it('rejects containerPort 0', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    ports:\n    - containerPort: 0\n';
    expect(applyOne(newSim(), yaml)).toBe('The Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive');
  });

  it('rejects an unknown dnsPolicy with the sorted list', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  dnsPolicy: Cluster\n  containers:\n  - name: c\n    image: nginx\n';
    expect(applyOne(newSim(), yaml)).toBe(
      'The Pod "p" is invalid: spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"',
    );
  });

  it('rejects a label value with a leading dash (ValidateLabels)', () => {
    expect(applyOne(newSim(), podYaml('p', { app: '-x' }))).toMatch(/^The Pod "p" is invalid: metadata.labels: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters/);
  });

  it('only the image may change on an existing pod', () => {
    const sim = newSim();
    applyOne(sim, podYaml('p', { app: 'x' }));
    expect(applyOne(sim, podYaml('p', { app: 'x' }, { image: 'nginx:1.27' }))).toBe('pod/p configured');
    expect(applyOne(sim, podYaml('p', { app: 'x' }, { image: 'nginx:1.27', ports: '    - containerPort: 80' }))).toMatch(
      /^The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/,
    );
  });
});

describe('Deployment', () => {
  it('a missing selector gives Required plus the template mismatch (apps/v1)', () => {
    expect(applyOne(newSim(), deployment(template))).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('a selector that does not match the template labels', () => {
    expect(applyOne(newSim(), deployment(`  selector:\n    matchLabels:\n      app: api\n${template}`))).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
  });

  it('negative replicas', () => {
    expect(applyOne(newSim(), deployment(`  replicas: -1\n  selector:\n    matchLabels:\n      app: web\n${template}`))).toBe(
      'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('restartPolicy must be Always in a template', () => {
    const t = template.replace('      containers:', '      restartPolicy: Never\n      containers:');
    expect(applyOne(newSim(), deployment(`  selector:\n    matchLabels:\n      app: web\n${t}`))).toBe(
      'The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });
});

describe('Namespace', () => {
  it('names are DNS-1123 labels', () => {
    expect(applyOne(newSim(), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n')).toMatch(/^The Namespace "team.a" is invalid: metadata.name: Invalid value: "team.a": a lowercase RFC 1123 label/);
  });
});
