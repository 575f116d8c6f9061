/**
 * The workstation bash's background jobs. Only `kubectl port-forward ... &` runs in the background
 * here (every other command ends before the prompt comes back), so a job is a port-forward that
 * keeps listening until `kill` ends it or its pod goes away. Texts as bash prints them (jobs.c):
 * "[N] PID" when a job starts; `jobs` lines "[N]+  Running                 COMMAND &" (the status
 * padded to 24 columns, + the current job, - the previous one); the notice "[N]+  Terminated ..."
 * once one ends (bash prints it before the next prompt: here, after the command that ended it).
 */
import { err, out, type CommandResult } from './types';

export interface ForwardedPort {
  local: number;
  remote: number;
}

export interface Forward {
  namespace: string;
  pod: string;
  uid: string;
  /** The addresses it listens on, as kubectl sorts them ("127.0.0.1", "::1"). */
  addresses: string[];
  ports: ForwardedPort[];
}

export interface Job {
  id: number;
  pid: number;
  /** The command line as typed, without its "&". */
  command: string;
  forward: Forward;
}

/** The first PID the simulated workstation gives a background job (an arbitrary, plausible number). */
const FIRST_PID = 4721;

/** SIGNALS bash's kill takes by name or number, and how a job ended by each is reported. */
const SIGNALS: Record<string, string> = { '': 'Terminated', '15': 'Terminated', TERM: 'Terminated', SIGTERM: 'Terminated', '9': 'Killed', KILL: 'Killed', SIGKILL: 'Killed', '2': 'Interrupt', INT: 'Interrupt', SIGINT: 'Interrupt' };

export class Jobs {
  private readonly running: Job[] = [];
  private nextPid = FIRST_PID;

  get list(): readonly Job[] {
    return this.running;
  }

  /** Starts a job: bash numbers it one past the highest running job. */
  start(command: string, forward: Forward): Job {
    const id = Math.max(0, ...this.running.map((j) => j.id)) + 1;
    const job = { id, pid: this.nextPid++, command, forward };
    this.running.push(job);
    return job;
  }

  private mark(job: Job): string {
    const i = this.running.indexOf(job);
    if (i === this.running.length - 1) return '+';
    return i === this.running.length - 2 ? '-' : ' ';
  }

  /** Ends a job; returns bash's notice ("[1]+  Terminated              kubectl ..."). */
  end(job: Job, status: string): string {
    const line = `[${job.id}]${this.mark(job)}  ${status.padEnd(24)}${job.command}\n`;
    this.running.splice(this.running.indexOf(job), 1);
    return line;
  }

  /** The job (and its port) a local connection to host:port reaches, if any listens there. */
  listener(host: string, port: number): { job: Job; port: ForwardedPort } | undefined {
    const h = host.replace(/^\[(.*)\]$/, '$1');
    const reaches = (addr: string) =>
      addr === h || addr === '0.0.0.0' || addr === '::' || (h === 'localhost' && (addr === '127.0.0.1' || addr === '::1')) || (addr === '127.0.0.1' && h.startsWith('127.'));
    for (const job of this.running) {
      const p = job.forward.ports.find((x) => x.local === port);
      if (p && job.forward.addresses.some(reaches)) return { job, port: p };
    }
    return undefined;
  }

  /** Whether a running job already listens on address:port (bind: address already in use). */
  bound(address: string, port: number): boolean {
    const wild = (a: string) => a === '0.0.0.0' || a === '::';
    return this.running.some((j) => j.forward.ports.some((p) => p.local === port) && j.forward.addresses.some((a) => a === address || wild(a) || wild(address)));
  }

  /** bash's `jobs` builtin (no options). */
  jobsCommand(args: string[]): CommandResult {
    if (args.length) return err('bash: jobs: this simulated bash lists jobs with no options or job specs\n', 2);
    return out(this.running.map((j) => `[${j.id}]${this.mark(j)}  ${'Running'.padEnd(24)}${j.command} &\n`).join(''));
  }

  /** bash's `kill [-SIGNAL] %N|PID...` on the jobs (the workstation runs no other process a learner may signal). */
  killCommand(args: string[]): CommandResult {
    let signal = '';
    let targets = args;
    if (args[0] === '-s' || args[0] === '-n') [signal, targets] = [(args[1] ?? '').toUpperCase(), args.slice(2)];
    else if (args[0]?.startsWith('-') && args[0].length > 1) [signal, targets] = [args[0].slice(1).toUpperCase(), args.slice(1)];
    if (targets.length === 0) return err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n', 2);
    const status = SIGNALS[signal];
    if (status === undefined) return err(`bash: kill: ${signal}: invalid signal specification\n`, 1);
    let text = '';
    let errors = '';
    for (const t of targets) {
      const job = t.startsWith('%') ? this.byJobSpec(t) : this.running.find((j) => String(j.pid) === t);
      if (job) text += this.end(job, status);
      else if (t.startsWith('%')) errors += `bash: kill: ${t}: no such job\n`;
      else if (/^\d+$/.test(t)) errors += `bash: kill: (${t}) - No such process\n`;
      else errors += `bash: kill: ${t}: arguments must be process or job IDs\n`;
    }
    return { chunks: [...(text ? [{ stream: 'out' as const, text }] : []), ...(errors ? [{ stream: 'err' as const, text: errors }] : [])], exitCode: errors ? 1 : 0 };
  }

  private byJobSpec(spec: string): Job | undefined {
    const s = spec.slice(1);
    if (s === '' || s === '%' || s === '+') return this.running[this.running.length - 1];
    if (s === '-') return this.running[this.running.length - 2];
    return /^\d+$/.test(s) ? this.running.find((j) => j.id === Number(s)) : this.running.find((j) => j.command.startsWith(s));
  }
}
