import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from '../test-shell';

describe('kubectl get', () => {
  it('says "No resources found in default namespace." on stderr when the list is empty', () => {
    const r = testShell().result('kubectl get pods');
    expect(r.chunks).toEqual([{ stream: 'err', text: 'No resources found in default namespace.\n' }]);
    expect(r.exitCode).toBe(0);
  });

  it('names the namespace given with -n, and says just "No resources found" with -A', () => {
    const t = testShell();
    expect(t.run('kubectl get pods -n nope')).toBe('No resources found in nope namespace.\n');
    expect(t.run('kubectl get svc -A -l app=nothing')).toBe('No resources found\n');
  });

  it('prints the pod table, and -o wide adds IP, NODE, NOMINATED NODE, READINESS GATES', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get pods').split('\n')[0]).toBe('NAME                   READY   STATUS    RESTARTS   AGE');
    const wide = t.stdout('kubectl get pods -o wide').split('\n');
    expect(wide[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/);
    expect(wide[1]).toMatch(/^client +1\/1 +Running +0 +0s +10\.244\.\d+\.\d+ +kind-worker2? +<none> +<none>$/);
  });

  it('prints NotFound errors after what it did find, and exits 1', () => {
    const r = appliedShell().result('kubectl get svc nope web');
    expect(r.chunks.map((c) => c.stream)).toEqual(['out', 'err']);
    expect(r.chunks[1]!.text).toBe('Error from server (NotFound): services "nope" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('accepts TYPE/NAME and the short names', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc/web')).toContain('web ');
    expect(t.stdout('kubectl get deploy web')).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +3\/3 +3 +3 +0s\n$/);
    expect(t.run('kubectl get po nope')).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('prints the v1 Endpoints deprecation warning first, even for a 404', () => {
    const t = appliedShell();
    expect(t.run('kubectl get ep').split('\n')[0]).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice');
    expect(t.run('kubectl get endpoints nope')).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\nError from server (NotFound): endpoints "nope" not found\n',
    );
  });

  it('-A prepends NAMESPACE; -l filters; --show-labels appends LABELS', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc -A')).toMatch(/^NAMESPACE +NAME +TYPE/);
    expect(t.stdout('kubectl get pods -n kube-system -l k8s-app=kube-dns').split('\n').filter(Boolean)).toHaveLength(3);
    expect(t.stdout('kubectl get pods client --show-labels')).toMatch(/ LABELS\nclient .* app=client\n$/);
  });

  it('-o name prints kind/name lines; several types qualify names and separate tables', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc -o name')).toBe('service/kubernetes\nservice/web\n');
    const both = t.stdout('kubectl get deploy,svc');
    expect(both).toContain('deployment.apps/web');
    expect(both).toContain('\n\nNAME                 TYPE');
  });

  it('-o yaml of one object is the object; of a list, a v1 List', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get svc web -o yaml')).toMatch(/^apiVersion: v1\nkind: Service\nmetadata:\n/);
    expect(t.stdout('kubectl get svc -o yaml')).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n[\s\S]*kind: List\nmetadata:\n {2}resourceVersion: ""\n$/);
    expect(JSON.parse(t.stdout('kubectl get pod client -o json')).metadata.name).toBe('client');
  });

  it('answers bad types, flags and formats in kubectl\'s words', () => {
    const t = appliedShell();
    expect(t.run('kubectl get foo')).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(t.run('kubectl get pods --bogus')).toBe("Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
    expect(t.run('kubectl get pods -o')).toBe("Error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n");
    expect(t.run('kubectl get pods -o foo')).toMatch(/^error: unable to match a printer suitable for the output format "foo", allowed formats are: /);
  });

  // get.go printGeneric: a template runs over the v1 List of everything found, or the one object named.
  it('-o jsonpath runs over the List, or the single object; -o=, -oVALUE and --output= all work', () => {
    const t = appliedShell();
    expect(t.stdout("kubectl get pods -o jsonpath='{.items[*].metadata.name}'")).toMatch(/^client web-\S+ web-\S+ web-\S+$/);
    expect(t.stdout("kubectl get pod client -o=jsonpath='{.metadata.labels.app}'")).toBe('client');
    expect(t.stdout("kubectl get pod client -ojsonpath='{.kind}'")).toBe('Pod');
    expect(t.stdout("kubectl get svc web --output=jsonpath='{.spec.ports[0].port}'")).toBe('80');
    expect(t.stdout('kubectl get pods -o jsonpath=\'{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}\'').split('\n')[0]).toMatch(/^client\t10\.244\.\d+\.\d+$/);
    expect(t.stdout('kubectl get nodes -o jsonpath=\'{.items[*].status.addresses[?(@.type=="InternalIP")].address}\'')).toBe('172.18.0.2 172.18.0.3 172.18.0.4');
  });

  // cli-runtime jsonpath_flags.go, printers/jsonpath.go.
  it('-o jsonpath errors: no template, bad template, execution errors with the object dumped', () => {
    const t = appliedShell();
    expect(t.run('kubectl get pods -o jsonpath')).toBe('error: template format specified but no template given\n');
    expect(t.run("kubectl get pods -o jsonpath='{.items[0'")).toBe('error: error parsing jsonpath {.items[0, unterminated array\n');
    const r = t.result("kubectl get pod client -o jsonpath='{.foo}' --allow-missing-template-keys=false");
    expect(r.exitCode).toBe(1);
    expect(r.chunks[0]!.text).toMatch(/^error: error executing jsonpath "\{\.foo\}": Error executing template: foo is not found\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.foo\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "kind":"Pod", /);
    expect(r.chunks[0]!.text.endsWith('}\n\n\n')).toBe(true);
    expect(t.run("kubectl get pod client -o jsonpath='{.foo}'")).toBe('');
  });

  // customcolumn.go; get.go printGeneric (one list, so one header across kinds, and no "No resources found").
  it('-o custom-columns prints the headers as given and <none> for a missing field', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get pods -l app=client -o custom-columns=NAME:.metadata.name,Node:spec.nodeName,X:.nope')).toMatch(/^NAME +Node +X\nclient +kind-worker2? +<none>\n$/);
    expect(t.stdout('kubectl get svc,deploy -o custom-columns=KIND:.kind,NAME:.metadata.name')).toBe('KIND         NAME\nService      kubernetes\nService      web\nDeployment   web\n');
    expect(t.run('kubectl get pods -l app=none -o custom-columns=N:.metadata.name')).toBe('N\n');
    expect(t.run('kubectl get pods -l app=none -o name')).toBe('');
  });

  // sorter.go: TableSorter per kind for tables, SortingPrinter for the List.
  it('--sort-by orders tables and lists, and fails when no object has the field', () => {
    const t = appliedShell();
    const ips = t.stdout('kubectl get pods -o wide --sort-by=.status.podIP').split('\n').slice(1, -1).map((l) => l.split(/ +/)[5]!);
    expect(ips).toEqual([...ips].sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]) || Number(a.split('.')[3]) - Number(b.split('.')[3])));
    const names = t.stdout("kubectl get pods --sort-by=.metadata.name -o jsonpath='{.items[*].metadata.name}'").split(' ');
    expect(names).toEqual([...names].sort());
    expect(t.run('kubectl get pods --sort-by=.foo')).toBe('error: couldn\'t find any field with path "{.foo}" in the list of objects\n');
  });

  // builder.go ResourceTypeOrNameArgs; get.go prints each kind's rows as its own table.
  it('takes several TYPE/NAME arguments, one table per kind, names qualified', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get pod/client svc/web')).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\npod\/client +1\/1 +Running +0 +0s\n\nNAME +TYPE +CLUSTER-IP +EXTERNAL-IP +PORT\(S\) +AGE\nservice\/web +ClusterIP +/);
    expect(t.run('kubectl get pod/client web')).toBe(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
    );
    expect(t.stdout('kubectl get pod/client pod/nope svc/web -o name')).toBe('pod/client\nservice/web\n');
  });

  // get.go Validate.
  it('--show-labels only goes with the table printers', () => {
    const t = appliedShell();
    expect(t.run('kubectl get pods -o json --show-labels')).toBe('error: --show-labels option cannot be used with json printer\n');
    expect(t.run('kubectl get pods -o yaml --show-labels')).toBe('error: --show-labels option cannot be used with yaml printer\n');
    expect(t.run('kubectl get pods -o name --show-labels')).toBe('error: --show-labels option cannot be used with name printer\n');
    expect(t.stdout('kubectl get pods -o wide --show-labels').split('\n')[0]).toMatch(/ LABELS$/);
  });

  // cli-runtime pkg/printers/tableprinter.go (decorateTable, formatLabelHeaders, appendLabelCells);
  // kubectl pkg/cmd/get/humanreadable_flags.go (-L is a string slice: CSV, repeatable).
  it('-L adds one column per label key, headed by its last segment upper-cased, empty when missing', () => {
    const t = appliedShell();
    const plain = t.stdout('kubectl get pods -L app -l app=client');
    expect(plain).toBe('NAME     READY   STATUS    RESTARTS   AGE   APP\nclient   1/1     Running   0          0s    client\n');
    // A missing label is an empty cell; tabwriter still pads the cell before it.
    const two = t.stdout('kubectl get pods client -L app,pod-template-hash').split('\n');
    expect(two[0]).toBe('NAME     READY   STATUS    RESTARTS   AGE   APP      POD-TEMPLATE-HASH');
    expect(two[1]).toBe('client   1/1     Running   0          0s    client   ');
    // Repeated flags add up; a key with a prefix is headed by its name; -L comes before LABELS, after the wide columns.
    const wide = t.stdout('kubectl get pods client -o wide -L app --label-columns=example.com/tier --show-labels').split('\n')[0]!;
    expect(wide).toMatch(/ READINESS GATES +APP +TIER +LABELS$/);
  });

  it('-L is ignored by the non-table printers', () => {
    const t = appliedShell();
    expect(t.stdout('kubectl get pods client -L app -o name')).toBe('pod/client\n');
  });
});
