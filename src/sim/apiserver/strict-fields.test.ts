import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_YAML } from '../scenario/default-scenario';
import { parseManifests } from '../scenario/manifests';
import { apply, newSim } from '../test-helpers';
import { unknownFields } from './strict-fields';

// kubectl apply sends fieldValidation=Strict (k/k staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go
// GetValidationDirective, default "strict" since v1.27); the API server answers with
// "strict decoding error: unknown field ..." (apimachinery pkg/runtime/serializer/json strict errors).
describe('strict field validation', () => {
  it('knows every field of the default scenario', () => {
    for (const m of parseManifests(DEFAULT_SCENARIO_YAML).manifests) expect(unknownFields(String(m.raw.kind), m.raw)).toEqual([]);
  });

  it('names a misspelt field with its full path, list indexes included', () => {
    const yaml = DEFAULT_SCENARIO_YAML.replace('  selector:\n    app: web', '  selektor:\n    app: web').replace('        image:', '        imagee:');
    const [deploy, svc] = parseManifests(yaml).manifests;
    expect(unknownFields('Deployment', deploy!.raw)).toEqual(['spec.template.spec.containers[0].imagee']);
    expect(unknownFields('Service', svc!.raw)).toEqual(['spec.selektor']);
  });

  // k8s.io/api core/v1 ResourceRequirements: limits, requests (name -> quantity maps) and claims.
  it('knows a container\'s resources field by field', () => {
    const raw = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n    resources:\n      limits:\n        cpu: 1\n      requets:\n        cpu: 1\n').manifests[0]!.raw;
    expect(unknownFields('Pod', raw)).toEqual(['spec.containers[0].resources.requets']);
  });

  it('rejects the object as kubectl prints it, and applies nothing of it', () => {
    const sim = newSim();
    const [outcome] = apply(sim, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selektor:\n    app: web\n  ports:\n  - port: 80\n    targetPrt: 9376\n');
    expect(outcome!.message).toBe(
      'Error from server (BadRequest): error when creating "app.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetPrt", unknown field "spec.selektor"',
    );
    expect(sim.cluster.store.get('Service', 'default', 'web')).toBeUndefined();
  });
});
