/**
 * A shell over a fresh default cluster, for the shell's unit tests: files are
 * served from memory, app.yaml is the built-in scenario.
 */
import { defaultClusterConfig } from '../sim/scenario/cluster-config';
import { DEFAULT_SCENARIO_YAML, DEFAULT_SEED } from '../sim/scenario/default-scenario';
import { Simulation } from '../sim/simulation';
import { Shell } from './shell';
import { textOf, stdoutOf, type CommandResult } from './types';

export const NO_ENDPOINTS_YAML = `apiVersion: v1
kind: Service
metadata:
  name: empty
spec:
  selector:
    app: nothing
  ports:
  - port: 80
    targetPort: 8080
`;

export const BUSYBOX_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  containers:
  - name: bb
    image: busybox:1.36
    command: ["sleep", "3600"]
`;

export interface TestShell {
  shell: Shell;
  sim: Simulation;
  /** Runs a line; returns everything the terminal shows. */
  run(line: string): string;
  /** Runs a line; returns the raw result (streams and exit code). */
  result(line: string): CommandResult;
  stdout(line: string): string;
}

export function testShell(files: Record<string, string> = {}, seed = DEFAULT_SEED): TestShell {
  const sim = new Simulation(defaultClusterConfig(), seed);
  const all: Record<string, string> = { 'app.yaml': DEFAULT_SCENARIO_YAML, 'empty.yaml': NO_ENDPOINTS_YAML, 'bb.yaml': BUSYBOX_YAML, ...files };
  const shell = new Shell(sim, { readFile: (path) => all[path] });
  return {
    shell,
    sim,
    run: (line) => textOf(shell.run(line)),
    result: (line) => shell.run(line),
    stdout: (line) => stdoutOf(shell.run(line)),
  };
}

/** A shell with the default scenario applied. */
export function appliedShell(...extra: string[]): TestShell {
  const t = testShell();
  t.run('kubectl apply -f app.yaml');
  for (const f of extra) t.run(`kubectl apply -f ${f}`);
  return t;
}
