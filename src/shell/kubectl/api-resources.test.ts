/**
 * kubectl api-resources as v1.33 prints it against kind: the columns and sort of
 * staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go (sortableResource: group, then name)
 * and print_flags.go (wide: verbs and categories comma-joined; name: NAME.GROUP); the resources, short
 * names, verbs and categories of kubernetes/kubernetes api/discovery/api__v1.json and apis__*.json.
 * Types the simulator does not model answer kubectl get as an empty kind cluster would.
 * The output of every command below (and -o wide, --sort-by=name, --namespaced=false in full) was
 * compared byte for byte with the real kubectl client reading discovery documents built from discovery.ts.
 */
import { describe, expect, it } from 'vitest';
import { appliedShell } from '../test-shell';

describe('kubectl api-resources', () => {
  const t = appliedShell();

  it('prints the core group first, then the groups in order, each sorted by name', () => {
    const lines = t.run('kubectl api-resources').split('\n');
    expect(lines[0]).toMatch(/^NAME {2,}SHORTNAMES {3}APIVERSION {2,}NAMESPACED {3}KIND$/);
    expect(lines[1]).toMatch(/^bindings {2,}v1 {2,}true {9}Binding$/);
    const names = lines.slice(1, -1).map((l) => l.split(/\s+/)[0]);
    expect(names.slice(0, 17)).toEqual([
      'bindings', 'componentstatuses', 'configmaps', 'endpoints', 'events', 'limitranges', 'namespaces', 'nodes',
      'persistentvolumeclaims', 'persistentvolumes', 'pods', 'podtemplates', 'replicationcontrollers', 'resourcequotas',
      'secrets', 'serviceaccounts', 'services',
    ]);
    expect(names).toContain('statefulsets');
    expect(lines.find((l) => l.startsWith('deployments '))).toMatch(/^deployments +deploy +apps\/v1 +true +Deployment$/);
    expect(lines.find((l) => l.startsWith('endpointslices '))).toMatch(/^endpointslices +discovery\.k8s\.io\/v1 +true +EndpointSlice$/);
    // A Go tabwriter pads every column to its widest cell plus 3.
    const kindAt = lines[0]!.indexOf('KIND');
    for (const l of lines.slice(1, -1)) expect(l.lastIndexOf(' ') + 1).toBe(kindAt);
  });

  it('--namespaced=false lists only cluster-scoped resources; --api-group one group', () => {
    const cluster = t.run('kubectl api-resources --namespaced=false --no-headers');
    expect(cluster).toContain('namespaces ');
    expect(cluster).not.toContain('pods ');
    expect(t.run('kubectl api-resources --api-group=apps -o name')).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    );
    expect(t.run('kubectl api-resources --api-group= --namespaced=true -o name --verbs=create --categories=all')).toBe(
      'pods\nreplicationcontrollers\nservices\n',
    );
  });

  it('-o wide adds VERBS and CATEGORIES', () => {
    const lines = t.run('kubectl api-resources -o wide').split('\n');
    expect(lines[0]).toMatch(/KIND +VERBS +CATEGORIES$/);
    expect(lines.find((l) => l.startsWith('pods '))).toMatch(/Pod +create,delete,deletecollection,get,list,patch,update,watch +all$/);
    expect(lines.find((l) => l.startsWith('bindings '))).toMatch(/Binding +create +$/);
  });

  it('--sort-by=kind, and kubectl\'s errors', () => {
    expect(t.run('kubectl api-resources --sort-by=kind -o name').split('\n').slice(0, 2)).toEqual(['apiservices.apiregistration.k8s.io', 'bindings']);
    expect(t.run('kubectl api-resources --sort-by=age')).toBe('error: --sort-by accepts only name or kind\n');
    expect(t.run('kubectl api-resources -o json')).toBe('error: --output json is not available\n');
    expect(t.run('kubectl api-resources pods')).toBe("error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n");
    expect(t.run('kubectl api-resources --namespaced=maybe')).toContain('strconv.ParseBool: parsing "maybe": invalid syntax');
  });

  it('get on a served kind the simulator does not model answers as an empty kind cluster', () => {
    expect(t.run('kubectl get jobs')).toBe('No resources found in default namespace.\n');
    expect(t.run('kubectl get ingress -A')).toBe('No resources found\n');
    expect(t.run('kubectl get cronjob.batch nightly')).toBe('Error from server (NotFound): cronjobs.batch "nightly" not found\n');
    expect(t.run('kubectl get pvc -o yaml')).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(t.run('kubectl get ds -n kube-system')).toContain('does not model daemonsets.apps');
    expect(t.run('kubectl get nosuchthing')).toBe('error: the server doesn\'t have a resource type "nosuchthing"\n');
  });
});
