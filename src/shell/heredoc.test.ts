/**
 * Here-documents, as the bash manual's "Here Documents" section describes them and as
 * kubernetes.io pages use them (`kubectl apply -f - <<EOF`, `cat <<EOF | kubectl apply -f -`).
 */
import { describe, expect, it } from 'vitest';
import { heredocOps } from './heredoc';
import { INTERRUPT } from './shell';
import { testShell } from './test-shell';

describe('heredocOps', () => {
  it('finds <<WORD, <<-WORD and quoted words outside quotes and comments; <<< is a here-string', () => {
    expect(heredocOps('kubectl apply -f - <<EOF').map((o) => [o.word, o.stripTabs, o.quoted])).toEqual([['EOF', false, false]]);
    expect(heredocOps("cat <<-'END' | x").map((o) => [o.word, o.stripTabs, o.quoted])).toEqual([['END', true, true]]);
    expect(heredocOps('cat << "X"').map((o) => [o.word, o.quoted])).toEqual([['X', true]]);
    expect(heredocOps("echo '<<EOF' \"<<A\" # <<B")).toEqual([]);
    expect(heredocOps('grep a <<< "$x"')).toEqual([]);
  });
});

describe('a here-document typed at the prompt', () => {
  it('waits at ">" for its body, then runs the command with the body as stdin; $NAME expands', () => {
    const t = testShell();
    t.run('NAME=demo');
    for (const l of ['kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: $NAME']) {
      expect(t.run(l)).toBe('');
      expect(t.shell.prompt).toBe('>');
    }
    expect(t.run('EOF')).toBe('namespace/demo created\n');
    expect(t.shell.prompt).toBe('$');
  });

  it('a quoted delimiter keeps the body literal; the body can feed a pipeline', () => {
    const t = testShell();
    t.run('NAME=demo');
    for (const l of ["cat <<'END' | kubectl apply -f -", 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: literal', 'data:', '  key: $NAME']) t.run(l);
    expect(t.run('END')).toBe('configmap/literal created\n');
    expect(t.run("kubectl get cm literal -o jsonpath='{.data.key}'")).toBe('$NAME');
  });

  it('<<- strips leading tabs; two here-documents are read in turn', () => {
    const t = testShell();
    t.run('cat <<-X');
    t.run('\t\tindented');
    expect(t.run('\tX')).toBe('indented\n');
    for (const l of ['grep a <<A <<B', 'one', 'A', 'bar']) t.run(l);
    expect(t.run('B')).toBe('bar\n');
  });
});

describe('Ctrl+C during a here-document', () => {
  it('drops it: the prompt is bash\'s again and nothing ran', () => {
    const t = testShell();
    t.run('kubectl apply -f - <<EOF');
    t.run('apiVersion: v1');
    expect(t.result(INTERRUPT).exitCode).toBe(130);
    expect(t.shell.prompt).toBe('$');
    expect(t.run('kind: Namespace')).toBe('bash: kind:: command not found\n');
  });
});
