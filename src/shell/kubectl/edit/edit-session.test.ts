/**
 * kubectl edit's loop, save by save. Expected texts: staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go
 * (editHeader.writeTo, Run's "Edit cancelled, ..." lines, addError, preservedFile, visitToPatch) and
 * pkg/cmd/util/editor/editor.go (the /tmp/kubectl-edit-XXXXX.yaml temporary file).
 */
import { describe, expect, it } from 'vitest';
import { Shell } from '../../shell';
import { appliedShell } from '../../test-shell';
import { textOf } from '../../types';
import { EDIT_HEADER } from './edit-file';

function editing(extra: string[] = []) {
  const t = appliedShell(...extra);
  const shell = new Shell(t.sim, { readFile: () => undefined, editor: true });
  const open = (line: string) => {
    const r = shell.run(line);
    return { output: textOf(r), exitCode: r.exitCode, file: shell.editFile };
  };
  const save = (text: string) => {
    const r = shell.saveEdit(text);
    return { output: textOf(r), exitCode: r.exitCode, file: shell.editFile };
  };
  return { t, shell, open, save, get: (line: string) => textOf(shell.run(line)) };
}

const TMP = /^\/tmp\/kubectl-edit-[a-z0-9]{5}\.yaml$/;

describe('kubectl edit opens the live object', () => {
  it('shows the header, then the object as -o yaml prints it (status included)', () => {
    const e = editing();
    const yaml = e.get('kubectl get svc web -o yaml');
    const opened = e.open('kubectl edit svc web');
    expect(opened.output).toBe('');
    expect(opened.file!.text).toBe(EDIT_HEADER + yaml);
    expect(opened.file!.title).toBe('service/web');
    expect(opened.file!.file).toMatch(TMP);
    expect(yaml).toContain('status:\n  loadBalancer: {}\n');
    // editHeader.writeTo, word for word.
    expect(EDIT_HEADER).toBe(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n",
    );
  });

  it('takes TYPE/NAME, -n and -o json (JSON without the header)', () => {
    const e = editing();
    expect(e.open('kubectl edit service/web').file!.title).toBe('service/web');
    e.save(e.shell.editFile!.text);
    const json = e.open('kubectl -n kube-system edit configmap coredns -o json').file!;
    expect(json.format).toBe('json');
    expect(json.text).toBe(e.get('kubectl -n kube-system get configmap coredns -o json'));
    expect(json.file).toMatch(/^\/tmp\/kubectl-edit-[a-z0-9]{5}\.json$/);
  });

  it('a TYPE alone edits every object of it in the namespace as a List', () => {
    const e = editing();
    const file = e.open('kubectl edit svc').file!;
    expect(file.text).toContain('\nitems:\n- apiVersion: v1\n  kind: Service\n');
    expect(file.text).toContain('\nkind: List\nmetadata: {}\n');
    expect(file.title).toBe('service/kubernetes, service/web');
  });

  it('answers as the builder does before any editor opens: NotFound, nothing named, no objects', () => {
    const e = editing();
    expect(e.open('kubectl edit svc nosuch')).toMatchObject({ output: 'Error from server (NotFound): services "nosuch" not found\n', exitCode: 1, file: undefined });
    expect(e.open('kubectl edit').output).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
    expect(e.open('kubectl edit secrets -n nowhere').output).toBe('error: edit cancelled, no objects found\n');
    expect(e.open('kubectl edit svc web -o name').output).toBe('error: unable to match a printer suitable for the output format "name", allowed formats are: json,yaml\n');
  });
});

describe('saving the file', () => {
  it('a changed port is patched: "service/web edited", and the Service has it', () => {
    const e = editing();
    const file = e.open('kubectl edit svc web').file!;
    const r = e.save(file.text.replace('  - port: 80\n', '  - port: 8080\n'));
    expect(r).toMatchObject({ output: 'service/web edited\n', exitCode: 0, file: undefined });
    expect(e.t.sim.cluster.store.get('Service', 'default', 'web')!.spec.ports[0]!.port).toBe(8080);
    expect(e.get('echo $?')).toBe('0\n');
  });

  it('the same content (comments, key order and layout aside) is "Edit cancelled, no changes made."', () => {
    const e = editing();
    const file = e.open('kubectl edit svc web').file!;
    expect(e.save(file.text)).toMatchObject({ output: 'Edit cancelled, no changes made.\n', exitCode: 0, file: undefined });
    e.open('kubectl edit svc web');
    const reordered = file.text.replace('# Please edit', '# my note\n# Please edit').replace('  sessionAffinity: None\n  type: ClusterIP\n', '  type: ClusterIP\n  sessionAffinity: None\n');
    expect(e.save(reordered).output).toBe('Edit cancelled, no changes made.\n');
  });

  it('a file with nothing but comments and blanks aborts: "Edit cancelled, saved file was empty."', () => {
    const e = editing();
    e.open('kubectl edit svc web');
    expect(e.save(`${EDIT_HEADER}\n   \n`)).toMatchObject({ output: 'Edit cancelled, saved file was empty.\n', exitCode: 0, file: undefined });
    e.open('kubectl edit svc web');
    expect(e.save('').output).toBe('Edit cancelled, saved file was empty.\n');
  });

  it('an Invalid answer reopens the file with the causes in the header; the same file again gives up', () => {
    const e = editing();
    const file = e.open('kubectl edit svc web').file!;
    const bad = file.text.replace('  - port: 80\n', '  - port: 70000\n');
    const r = e.save(bad);
    expect(r.output).toBe('error: services "web" is invalid\n');
    expect(r.file!.text).toBe(
      `${EDIT_HEADER}# services "web" was not valid:\n# * spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n#\n` + bad.slice(EDIT_HEADER.length),
    );
    expect(r.file!.file).toMatch(TMP);
    expect(r.file!.file).not.toBe(file.file);
    expect(e.t.sim.cluster.store.get('Service', 'default', 'web')!.spec.ports[0]!.port).toBe(80);
    const again = e.save(r.file!.text);
    expect(again).toMatchObject({ output: `A copy of your changes has been stored to "${r.file!.file}"\nerror: Edit cancelled, no valid changes were saved.\n`, exitCode: 1, file: undefined });
    expect(e.get('echo $?')).toBe('1\n');
    // A second edit of the same object writes a file of its own.
    expect(e.open('kubectl edit svc web').file!.file).not.toBe(file.file);
  });

  it('a fixed file after a failure is patched', () => {
    const e = editing();
    const file = e.open('kubectl edit svc web').file!;
    const r = e.save(file.text.replace('  - port: 80\n', '  - port: 0\n'));
    expect(r.file!.text).toContain('# * spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n');
    expect(e.save(r.file!.text.replace('  - port: 0\n', '  - port: 81\n'))).toMatchObject({ output: 'service/web edited\n', exitCode: 0, file: undefined });
    expect(e.t.sim.cluster.store.get('Service', 'default', 'web')!.spec.ports[0]!.port).toBe(81);
  });

  it('a field the API does not know is a 422 on "patch" under strict validation (apiserver patch.go applyPatchToObject)', () => {
    const e = editing();
    const file = e.open('kubectl edit svc web').file!;
    const r = e.save(file.text.replace('  type: ClusterIP\n', '  type: ClusterIP\n  tpye: NodePort\n'));
    expect(r.output).toBe('error: services "web" is invalid\n');
    expect(r.file!.text).toContain('# services "web" was not valid:\n# * patch: Invalid value: "map[spec:map[tpye:NodePort]]": strict decoding error: unknown field "spec.tpye"\n#\n');
  });

  it('a syntax error reopens the file silently, the reason in the header', () => {
    const e = editing();
    const file = e.open('kubectl edit svc web').file!;
    const broken = file.text.replace('  selector:\n', '  selector: oops\n');
    const r = e.save(broken);
    expect(r.output).toBe('');
    expect(r.file!.text.startsWith(`${EDIT_HEADER}# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line `)).toBe(true);
  });

  it('a changed name or namespace is refused, the file kept (preservedFile)', () => {
    const e = editing();
    let file = e.open('kubectl edit svc web').file!;
    expect(e.save(file.text.replace('  name: web\n', '  name: web2\n'))).toMatchObject({
      output: `A copy of your changes has been stored to "${file.file}"\nerror: At least one of apiVersion, kind and name was changed\n`,
      exitCode: 1,
    });
    file = e.open('kubectl edit svc web').file!;
    expect(e.save(file.text.replace('  namespace: default\n', '  namespace: kube-system\n')).output).toBe(
      `A copy of your changes has been stored to "${file.file}"\nerror: the namespace from the provided object "kube-system" does not match the namespace "default". You must pass '--namespace=kube-system' to perform this operation.\n`,
    );
  });

  it('the coredns ConfigMap in kube-system takes an edited Corefile', () => {
    const e = editing();
    const file = e.open('kubectl -n kube-system edit configmap coredns').file!;
    expect(e.save(file.text.replace('ttl 30', 'ttl 60'))).toMatchObject({ output: 'configmap/coredns edited\n', exitCode: 0 });
    expect(e.get("kubectl -n kube-system get cm coredns -o jsonpath='{.data.Corefile}'")).toContain('ttl 60');
  });

  it('-o json edits JSON and prints the edited object as JSON', () => {
    const e = editing();
    const file = e.open('kubectl edit deploy web -o json').file!;
    const r = e.save(file.text.replace('"replicas": 3,', '"replicas": 4,'));
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.output).spec.replicas).toBe(4);
  });
});

describe('hostile saves', () => {
  it('alias bombs, __proto__ keys, lists and scalars come back as kubectl errors, never exceptions', () => {
    const e = editing();
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    for (const text of [bomb, '__proto__: {polluted: 1}\n', '- 1\n- 2\n', 'just words\n', '{"kind": "Service"}', 'apiVersion: v1\nkind: Service\nmetadata: 7\n']) {
      e.open('kubectl edit svc web');
      expect(() => e.save(text)).not.toThrow();
      e.get('true');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('where the editor can open', () => {
  it('without an editor (npm run sim) kubectl edit says so and names the other ways', () => {
    const t = appliedShell();
    const r = t.result('kubectl edit svc web');
    expect(r.exitCode).toBe(1);
    expect(textOf(r)).toMatch(/^error: "kubectl edit" opens the object in an editor, and this terminal has none .*kubectl apply -f FILE, kubectl patch/);
  });

  it('only for a kubectl edit that is the whole line', () => {
    const e = editing();
    expect(e.open('kubectl edit svc web && echo done')).toMatchObject({ output: 'error: this simulator opens the editor of "kubectl edit" only when kubectl edit is the whole command line\n', file: undefined });
    expect(e.open('echo $(kubectl edit svc web)').file).toBeUndefined();
    expect(e.open('kubectl edit svc web 2>&1').file?.title).toBe('service/web');
  });

  it('a new line ends an edit left open', () => {
    const e = editing();
    e.open('kubectl edit svc web');
    expect(e.get('echo hi')).toBe('hi\n');
    expect(e.shell.editFile).toBeUndefined();
  });
});
