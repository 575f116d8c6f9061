/**
 * The go-template engine against Go's own: every expected output and error below is what the real
 * kubectl client printed for `kubectl create deployment web --image=nginx:1.27 --image=busybox --port=80
 * --replicas=3 --dry-run=client -o go-template=TEMPLATE` (its text/template, src/text/template/exec.go,
 * funcs.go, parse/parse.go, and cli-runtime pkg/printers/template.go's exists and base64decode).
 */
import { describe, expect, it } from 'vitest';
import { compileGoTemplate } from './index';

const DATA = {"kind": "Deployment", "apiVersion": "apps/v1", "metadata": {"name": "web", "creationTimestamp": null, "labels": {"app": "web"}}, "spec": {"replicas": 3, "selector": {"matchLabels": {"app": "web"}}, "template": {"metadata": {"creationTimestamp": null, "labels": {"app": "web"}}, "spec": {"containers": [{"name": "nginx", "image": "nginx:1.27", "ports": [{"containerPort": 80}], "resources": {}}, {"name": "busybox", "image": "busybox", "resources": {}}]}}, "strategy": {}}, "status": {}};

/** [template, what it prints, Go's error ('' when none)]. */
const CASES: [string, string, string][] = [
  ["{{.metadata.name}}", "web", ""],
  ["{{.metadata.name}}{{\"\\n\"}}", "web\n", ""],
  ["{{index .metadata.labels \"app\"}}", "web", ""],
  ["{{range .spec.template.spec.containers}}{{.name}} {{end}}", "nginx busybox ", ""],
  ["{{range $i, $c := .spec.template.spec.containers}}{{$i}}:{{$c.name}};{{end}}", "0:nginx;1:busybox;", ""],
  ["{{range .spec.template.spec.containers}}{{range .ports}}{{.containerPort}},{{end}}{{end}}", "80,", ""],
  ["{{if .spec.replicas}}h={{.spec.replicas}}{{else}}none{{end}}", "h=3", ""],
  ["{{if .spec.nodeName}}n{{else if .spec.strategy}}s={{.spec.strategy}}{{else}}x{{end}}", "x", ""],
  ["{{with .status}}{{.podIP}}{{end}}", "", ""],
  ["{{len .spec.template.spec.containers}} {{len .metadata.name}} {{len .metadata.labels}}", "2 3 1", ""],
  ["{{printf \"%s/%s\\n\" .kind .metadata.name}}", "Deployment/web\n", ""],
  ["{{printf \"%-8s|%5d|%05d|%x|%q|%v|%t\" .metadata.name 42 7 255 .metadata.name .metadata.labels true}}", "web     |   42|00007|ff|\"web\"|map[app:web]|true", ""],
  ["{{.metadata.name | printf \"%s!\"}}", "web!", ""],
  ["{{$x := .metadata.name}}{{$x}}-{{$x}}", "web-web", ""],
  ["{{$x := 1}}{{range .spec.template.spec.containers}}{{$x = .name}}{{end}}{{$x}}", "busybox", ""],
  ["{{- \" a \" -}}   {{- \" b \" }}  c", " a  b   c", ""],
  ["{{/* comment */}}x{{- /* c2 */ -}}  y", "xy", ""],
  ["{{range $k, $v := .metadata.labels}}{{$k}}={{$v}} {{end}}", "app=web ", ""],
  ["{{range .metadata.nope}}x{{else}}empty{{end}}", "empty", ""],
  ["{{.metadata.nope}}|{{.metadata.nope.deeper}}", "<no value>|<no value>", ""],
  ["{{print 1 2 \"a\" \"b\" 3}}|{{println \"x\" 1}}", "1 2ab3|x 1\n", ""],
  ["{{eq .kind \"Pod\"}} {{ne .kind \"Pod\"}} {{eq 1 2 1}} {{lt 1 2}} {{ge \"b\" \"a\"}}", "false true true true true", ""],
  ["{{and .metadata.name .kind}} {{or .nope .kind}} {{not .nope}}", "Deployment Deployment true", ""],
  ["{{(index .spec.template.spec.containers 0).image}}", "nginx:1.27", ""],
  ["{{index .spec.template.spec.containers 1 \"name\"}}", "busybox", ""],
  ["{{exists .metadata \"labels\" \"app\"}} {{exists .metadata \"labels\" \"zzz\"}}", "true false", ""],
  ["{{range .spec.template.spec.containers}}{{if eq .name \"busybox\"}}{{break}}{{end}}{{.name}}{{end}}", "nginx", ""],
  ["{{range .spec.template.spec.containers}}{{if eq .name \"nginx\"}}{{continue}}{{end}}{{.name}}{{end}}", "busybox", ""],
  ["{{(printf \"a<b\")}}|{{html (printf \"a<b\")}}", "a<b|a&lt;b", ""],
  ["{{printf \"%d\" .metadata.name}}|{{printf \"%s %s\" \"a\"}}|{{printf \"%s\" \"a\" \"b\"}}", "%!d(string=web)|a %!s(MISSING)|a%!(EXTRA string=b)", ""],
  ["{{$.kind}}{{range .spec.template.spec.containers}}{{$.metadata.name}}{{end}}", "Deploymentwebweb", ""],
  ["{{.spec.template.spec.containers}}", "[map[image:nginx:1.27 name:nginx ports:[map[containerPort:80]] resources:map[]] map[image:busybox name:busybox resources:map[]]]", ""],
  ["{{slice .metadata.name 1 3}}", "eb", ""],
  ["{{printf \"%6.2f|%e|%g\" 3.14159 1234.5 0.000012}}", "  3.14|1.234500e+03|1.2e-05", ""],
  ["{{.metadata.name.x}}", "", "template: output:1:11: executing \"output\" at <.metadata.name.x>: can't evaluate field x in type interface {}"],
  ["{{index .spec.template.spec.containers 7}}", "", "template: output:1:2: executing \"output\" at <index .spec.template.spec.containers 7>: error calling index: index out of range: 7"],
  ["{{len 3}}", "", "template: output:1:2: executing \"output\" at <len 3>: error calling len: len of type int"],
  ["{{lt .kind 2}}", "", "template: output:1:2: executing \"output\" at <lt .kind 2>: error calling lt: incompatible types for comparison"],
  ["{{.metadata.name 1}}", "", "template: output:1:11: executing \"output\" at <.metadata.name>: name is not a method but has arguments"],
  ["{{\"a\" 1}}", "", "template: output:1:2: executing \"output\" at <\"a\">: can't give argument to non-function \"a\""],
  ["{{.metadata.name", "", "template: output:1: unclosed action"],
  ["{{if .x}}", "", "template: output:1: unexpected EOF"],
  ["{{end}}", "", "template: output:1: unexpected {{end}}"],
  ["{{else}}", "", "template: output:1: unexpected {{else}}"],
  ["{{$y}}", "", "template: output:1: undefined variable \"$y\""],
  ["{{foo 1}}", "", "template: output:1: function \"foo\" not defined"],
  ["{{range .x}}{{else}}{{else}}{{end}}", "", "template: output:1: expected end; found {{else}}"],
  ["{{break}}", "", "template: output:1: {{break}} outside {{range}}"],
  ["{{ .a b }}", "", "template: output:1: function \"b\" not defined"],
  ["{{printf}}", "", "template: output:1:2: executing \"output\" at <printf>: wrong number of args for printf: want at least 1 got 0"],
  ["{{index}}", "", "template: output:1:2: executing \"output\" at <index>: wrong number of args for index: want at least 1 got 0"],
  ["{{base64decode \"aGVsbG8=\"}}", "hello", ""],
  ["{{.spec.replicas}} {{printf \"%d|%v|%s\" .spec.replicas .spec.replicas .spec.replicas}}", "3 3|3|%!s(int64=3)", ""],
  ["{{range $i, $e := .spec.template.spec.containers}}{{range $j, $p := $e.ports}}{{$i}}.{{$j}}={{$p.containerPort}}{{end}}{{end}}", "0.0=80", ""],
  ["{{.status}}|{{.metadata.creationTimestamp}}|{{.spec.strategy}}", "map[]|<no value>|map[]", ""],
  ["{{with .nope}}x{{else}}no{{end}}", "no", ""],
  ["{{if and (eq .kind \"Deployment\") (gt .spec.replicas 2)}}big{{end}}", "big", ""],
  ["{{range .spec.template.spec.containers}}", "", "template: output:1: unexpected EOF"],
  ["{{.name}}", "<no value>", ""],
  ["{{end}}", "", "template: output:1: unexpected {{end}}"],
  ["{{.metadata.creationTimestamp.x}}", "", "template: output:1:11: executing \"output\" at <.metadata.creationTimestamp.x>: nil pointer evaluating interface {}.x"],
  ["{{len .nope}}", "", "template: output:1:2: executing \"output\" at <len .nope>: error calling len: reflect: call of reflect.Value.Type on zero Value"],
  ["{{index .metadata.creationTimestamp \"a\"}}", "", "template: output:1:2: executing \"output\" at <index .metadata.creationTimestamp \"a\">: error calling index: index of untyped nil"],
  ["{{eq .spec.replicas \"1\"}}", "", "template: output:1:2: executing \"output\" at <eq .spec.replicas \"1\">: error calling eq: incompatible types for comparison"],
  ["{{printf \"%s\" .nope}}|{{printf \"%v\" .nope}}", "%!s(<nil>)|<nil>", ""],
];

function run(template: string, missingKeyError = false): { out: string; error: string } {
  const t = compileGoTemplate(template);
  if ('error' in t) return { out: '', error: t.error };
  const r = t.run(DATA, missingKeyError);
  return { out: r.out, error: r.error ?? '' };
}

describe('go-template (Go text/template as kubectl runs it)', () => {
  for (const [template, out, error] of CASES) {
    it(template, () => {
      const r = run(template);
      expect(r.error).toBe(error);
      if (!error.includes('executing')) expect(r.out).toBe(out);
      else expect(out.startsWith(r.out)).toBe(true);
    });
  }

  it('missingkey=error (--allow-missing-template-keys=false) names the key', () => {
    expect(run('{{.x}}', true).error).toBe('template: output:1:2: executing "output" at <.x>: map has no entry for key "x"');
  });

  it('ranges over an int as Go 1.24 (kubectl v1.33\'s toolchain) does', () => {
    expect(run('{{range 3}}{{.}}{{end}}').out).toBe('012');
  });

  it('keeps line numbers across lines', () => {
    expect(run('a\n{{.metadata.name}}\n{{.metadata.name.x}}').error).toBe(
      'template: output:3:11: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type interface {}',
    );
    expect(run('a\n\n{{if}}').error).toBe('template: output:3: missing value for if');
    expect(run('{{not}}').error).toBe('template: output:1:2: executing "output" at <not>: wrong number of args for not: want 1 got 0');
    expect(run('{{eq .kind}}').error).toBe('template: output:1:2: executing "output" at <eq .kind>: error calling eq: missing argument for comparison');
  });
});
