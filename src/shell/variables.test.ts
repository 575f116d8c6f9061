/**
 * Variables, command substitution and compound commands, as bash runs them (bash's subst.c,
 * execute_cmd.c; POSIX 2.6 word expansions). Each expectation below was checked against
 * GNU bash 5.2 (`bash -c` and `bash -i`).
 */
import { describe, expect, it } from 'vitest';
import { appliedShell, testShell } from './test-shell';

describe('variables on the workstation', () => {
  it('persist from line to line; export and unset; an unset name expands to nothing', () => {
    const t = testShell();
    expect(t.run('A=1')).toBe('');
    expect(t.run('echo $A ${A} "$A" \'$A\'')).toBe('1 1 1 $A\n');
    expect(t.run('export B=two; echo $B$A')).toBe('two1\n');
    expect(t.run('unset A; echo "[$A]"')).toBe('[]\n');
    expect(t.run('export 1a')).toBe("bash: export: `1a': not a valid identifier\n");
  });

  it('$? is the last status, across lines too', () => {
    const t = testShell();
    t.run('false');
    expect(t.run('echo $?')).toBe('1\n');
    expect(t.run('echo $?')).toBe('0\n');
    expect(t.run('kubectl get pods nope 2>/dev/null; echo $?')).toBe('1\n');
    expect(t.run('nosuch 2>/dev/null; echo $?')).toBe('127\n');
  });

  it('VAR=x cmd sets VAR for that command only; the words were expanded before it', () => {
    const t = testShell();
    expect(t.run('X=1 echo $X; echo "[$X]"')).toBe('\n[]\n');
  });

  it('${NAME:-word}, ${NAME:=word}, ${NAME:+word}, ${#NAME}, $((...))', () => {
    const t = testShell();
    expect(t.run('echo ${N:-none} ${N:+set} ${#N}')).toBe('none 0\n');
    expect(t.run('echo ${N:=dflt}; echo $N ${N:+set} ${#N}')).toBe('dflt\ndflt set 4\n');
    expect(t.run('i=4; echo $((i * 2 + 1)) $(( (1+2) % 2 ))')).toBe('9 1\n');
  });

  it('an expansion error drops the rest of the line, status 1, as interactive bash does', () => {
    const t = testShell();
    expect(t.result('echo a; echo ${a b}; echo after')).toEqual({
      chunks: [{ stream: 'out', text: 'a\n' }, { stream: 'err', text: 'bash: ${a b}: bad substitution\n' }],
      exitCode: 1,
    });
    expect(t.run('echo $?')).toBe('1\n');
    expect(t.run('echo $((1/0)); echo after')).toBe('bash: 1/0: division by 0 (error token is "0")\n');
  });

  it('echo -n and -e as the builtin', () => {
    const t = testShell();
    expect(t.run('echo -n a; echo -e "b\\tc\\c"; echo')).toBe('ab\tc\n');
    expect(t.run('echo -x')).toBe('-x\n');
  });
});

describe('command substitution', () => {
  it('runs $(...) and backquotes, drops trailing newlines, and splits unquoted results into words', () => {
    const t = appliedShell();
    expect(t.run(`POD=$(kubectl get pods -l app=web -o jsonpath='{.items[0].metadata.name}'); echo "pod: $POD"`)).toMatch(/^pod: web-\w+-\w+\n$/);
    expect(t.run('echo `echo a b`x')).toBe('a bx\n');
    expect(t.run('echo "$(kubectl get pods -l app=web -o name)" | wc -l')).toBe('3\n');
    expect(t.run('echo $(kubectl get pods -l app=web -o name) | wc -l')).toBe('1\n');
  });

  it('reaches a Service by the ClusterIP it looked up', () => {
    const t = appliedShell();
    expect(t.run(`kubectl exec client -- curl -s http://$(kubectl get svc web -o jsonpath='{.spec.clusterIP}')/`)).toMatch(/^web-/);
  });

  it('its stderr goes to the terminal; what it sets stays in its subshell; assignments alone take its status', () => {
    const t = testShell();
    expect(t.result('X=$(kubectl get pods nope)')).toEqual({ chunks: [{ stream: 'err', text: 'Error from server (NotFound): pods "nope" not found\n' }], exitCode: 1 });
    expect(t.run('echo $(Y=1; echo in$Y) out$Y')).toBe('in1 out\n');
  });
});

describe('compound commands', () => {
  it('for over the words of a substitution, while, until and if', () => {
    const t = appliedShell();
    expect(t.run('for p in $(kubectl get pods -l app=web -o name); do echo "-> $p"; done | wc -l')).toBe('3\n');
    expect(t.run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i')).toBe('3\n');
    expect(t.run('i=0; until test $i = 3; do echo $i; i=$((i+1)); done')).toBe('0\n1\n2\n');
    expect(t.run('[ a = a ] && [ -z "" ] && [ 2 -gt x ]; echo $?')).toBe('bash: [: x: integer expression expected\n2\n');
    expect(t.run('[ a = a; echo $?')).toBe("bash: [: missing `]'\n2\n");
    expect(t.run('if kubectl get svc web >/dev/null; then echo yes; else echo no; fi')).toBe('yes\n');
    expect(t.run('if false; then echo 1; elif true; then echo 2; fi; echo $?')).toBe('2\n0\n');
    expect(t.run('for x in a b; do for y in 1 2; do echo $x$y; done; done | tail -1')).toBe('b2\n');
  });

  it('says what bash says of a broken one', () => {
    const t = testShell();
    expect(t.run('for i in a b; do echo $i')).toBe('bash: syntax error: unexpected end of file\n');
    expect(t.run('done')).toBe("bash: syntax error near unexpected token `done'\n");
    expect(t.run('echo a &&')).toBe('bash: syntax error: unexpected end of file\n');
    expect(t.run('for 1 in a; do echo; done')).toBe("bash: `1': not a valid identifier\n");
  });
});

describe('variables in a pod\'s sh', () => {
  it('sh -c expands the container\'s environment and its own assignments; the workstation\'s stay out', () => {
    const t = appliedShell();
    t.run('A=workstation');
    expect(t.run(`kubectl exec client -- sh -c 'A=5; echo $A $HOSTNAME; echo $WEB_SERVICE_PORT'`)).toBe('5 client\n80\n');
    expect(t.run(`kubectl exec client -- sh -c "echo $A"`)).toBe('workstation\n');
  });

  it('an attached shell keeps its variables until exit', () => {
    const t = appliedShell();
    t.run('kubectl exec -it client -- sh');
    t.run('N=$(hostname)');
    expect(t.run('echo "I am $N"')).toBe('I am client\n');
    t.run('exit');
    expect(t.run('echo "[$N]"')).toBe('[]\n');
  });
});
