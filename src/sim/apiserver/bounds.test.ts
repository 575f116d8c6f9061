// Counts the API server bounds: int32 fields refused by the JSON decoder (encoding/json
// literalStore: "cannot unmarshal number 2147483648 into Go struct field ... of type int32"),
// then validation's ranges (k/k pkg/apis/core/validation/validation.go validateProbe,
// ValidateNonnegativeField, validateServicePort; pkg/apis/apps/validation ValidateDeploymentSpec).
import { describe, expect, it } from 'vitest';
import { applyOne, newSim } from '../test-helpers';

const deployment = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx
`;

const probePod = (probe: string, fields: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
    ${probe}:
      tcpSocket: {port: 80}
${fields
  .split(',')
  .map((f) => `      ${f}`)
  .join('\n')}
`;

const unmarshal = (what: string) =>
  `Error from server (BadRequest): error when creating "app.yaml": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal ${what} into Go struct field DeploymentSpec.spec.replicas of type int32`;

describe('int32 fields', () => {
  it('accept the largest int32 and refuse one more, a fraction and a string, as the JSON decoder does', () => {
    expect(applyOne(newSim(), deployment('0'))).toBe('deployment.apps/web created');
    expect(applyOne(newSim(), deployment('2147483648'))).toBe(unmarshal('number 2147483648'));
    expect(applyOne(newSim(), deployment('-2147483649'))).toBe(unmarshal('number -2147483649'));
    expect(applyOne(newSim(), deployment('1.5'))).toBe(unmarshal('number 1.5'));
    expect(applyOne(newSim(), deployment('1e300'))).toBe(unmarshal(`number ${'1e+300'}`));
    expect(applyOne(newSim(), deployment('"3"'))).toBe(unmarshal('string'));
  });

  it('refuse negative replicas in validation', () => {
    expect(applyOne(newSim(), deployment('-1'))).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('bound a service port and targetPort the same way', () => {
    const svc = (port: string, target: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: ${port}\n    targetPort: ${target}\n`;
    expect(applyOne(newSim(), svc('4294967376', '80'))).toContain('json: cannot unmarshal number 4294967376 into Go struct field ServicePort.spec.ports.port of type int32');
    expect(applyOne(newSim(), svc('80', '2147483648'))).toContain('json: cannot unmarshal number 2147483648 into Go struct field ServicePort.spec.ports.targetPort of type int32');
    expect(applyOne(newSim(), svc('70000', '80'))).toBe('The Service "s" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive');
  });
});

describe('probes', () => {
  it('refuse negative counts, field by field', () => {
    expect(applyOne(newSim(), probePod('readinessProbe', 'periodSeconds: -1'))).toBe(
      'The Pod "p" is invalid: spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('want a liveness or startup probe to succeed once', () => {
    expect(applyOne(newSim(), probePod('livenessProbe', 'successThreshold: 3'))).toBe('The Pod "p" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 3: must be 1');
    expect(applyOne(newSim(), probePod('readinessProbe', 'successThreshold: 3'))).toBe('pod/p created');
  });

  it('refuse a period past int32 in the decoder', () => {
    expect(applyOne(newSim(), probePod('readinessProbe', 'periodSeconds: 3000000000'))).toContain(
      'json: cannot unmarshal number 3000000000 into Go struct field Probe.spec.containers.readinessProbe.periodSeconds of type int32',
    );
  });
});
