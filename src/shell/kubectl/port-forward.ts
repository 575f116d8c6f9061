/**
 * kubectl port-forward TYPE/NAME [LOCAL:]REMOTE... as k/k staging/src/k8s.io/kubectl/pkg/cmd/portforward
 * (portforward.go) and client-go tools/portforward (portforward.go) do it: the pod a Service,
 * Deployment, ReplicaSet or StatefulSet stands for (AttachablePodForObjectFn); a Service port turned
 * into its targetPort, a named one looked up on the pod (translateServicePortToTargetPort); named pod
 * ports turned into numbers (convertPodNamedPortToNumber); the pod must be Running; the listen
 * addresses (--address, default localhost = 127.0.0.1 and ::1, sorted) and ports checked
 * (parseAddresses, parsePorts); one "Forwarding from ADDR:PORT -> REMOTE" per listener.
 *
 * The simulated terminal runs one command at a time: `... &` keeps the forward as a background job
 * (src/shell/jobs.ts) that the workstation's curl and wget reach on localhost; without `&` it would
 * hold the terminal until Ctrl+C, so here it says so and stops at once.
 */
import type { Pod, Service } from '../../sim/model/types';
import { ephemeralPort } from '../../sim/net/request';
import type { Forward, ForwardedPort, Jobs } from '../jobs';
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { podFor } from './pod-for';
import { kindOf } from './resources';

const SPEC = { valued: { ...NAMESPACE_FLAGS, '--address': 'address', '--pod-running-timeout': 'pod-running-timeout' }, bool: {}, repeated: new Set(['address']) };

const USAGE = "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n";

export interface PortForwardDeps {
  jobs: Jobs;
  /** The command line as typed when it ends in `&` (without it): run as a background job. */
  background?: string;
}

function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
}

/** util.LookupContainerPortNumberByName. */
function containerPortByName(pod: Pod, name: string): number | { error: string } {
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  return { error: `Pod '${pod.metadata.name}' does not have a named port '${name}'` };
}

/** translateServicePortToTargetPort with util.LookupServicePortNumberByName and LookupContainerPortNumberByServicePort. */
function translateServicePorts(ports: string[], svc: Service, pod: Pod): string[] | { error: string } {
  const translated: string[] = [];
  for (const port of ports) {
    let [local, remote] = splitPort(port);
    let portnum = /^[+-]?\d+$/.test(remote) ? Number(remote) : NaN;
    if (Number.isNaN(portnum)) {
      const named = svc.spec.ports.find((p) => p.name === remote);
      if (!named) return { error: `Service '${svc.metadata.name}' does not have a named port '${remote}'` };
      portnum = named.port;
      if (local === remote) local = String(portnum);
    }
    const sp = svc.spec.ports.find((p) => p.port === portnum);
    if (!sp) return { error: `Service ${svc.metadata.name} does not have a service port ${portnum}` };
    const target = sp.targetPort === 0 || sp.targetPort === undefined ? sp.port : typeof sp.targetPort === 'number' ? sp.targetPort : containerPortByName(pod, sp.targetPort);
    if (typeof target !== 'number') return target;
    remote = String(target);
    translated.push(local !== remote ? `${local}:${remote}` : remote);
  }
  return translated;
}

/** convertPodNamedPortToNumber. */
function convertPodPorts(ports: string[], pod: Pod): string[] | { error: string } {
  const converted: string[] = [];
  for (const port of ports) {
    const [local, remote] = splitPort(port);
    if (remote === '') return { error: 'remote port cannot be empty' };
    let number = remote;
    if (!/^[+-]?\d+$/.test(remote)) {
      const n = containerPortByName(pod, remote);
      if (typeof n !== 'number') return n;
      number = String(n);
    }
    converted.push(local !== remote ? `${local}:${number}` : number);
  }
  return converted;
}

/** strconv.ParseUint(s, 10, 16) as parsePorts reports it. */
function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return `strconv.ParseUint: parsing "${s}": invalid syntax`;
  const n = Number(s);
  return n > 65535 ? `strconv.ParseUint: parsing "${s}": value out of range` : n;
}

/** client-go parsePorts. */
function parsePorts(ports: string[]): ForwardedPort[] | { error: string } {
  const out: ForwardedPort[] = [];
  for (const p of ports) {
    const parts = p.split(':');
    if (parts.length > 2) return { error: `invalid port format '${p}'` };
    const localText = parts.length === 2 ? parts[0] || '0' : parts[0]!;
    const remoteText = parts.length === 2 ? parts[1]! : parts[0]!;
    const local = parseUint16(localText);
    if (typeof local === 'string') return { error: `error parsing local port '${localText}': ${local}` };
    const remote = parseUint16(remoteText);
    if (typeof remote === 'string') return { error: `error parsing remote port '${remoteText}': ${remote}` };
    if (remote === 0) return { error: 'remote port must be > 0' };
    out.push({ local, remote });
  }
  return out;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const isIPv4 = (a: string) => IPV4.test(a) && a.split('.').every((o) => Number(o) <= 255);
const isIPv6 = (a: string) => /^[0-9a-fA-F:.]+$/.test(a) && a.includes(':');

/** client-go parseAddresses: localhost is 127.0.0.1 (tcp4) and ::1 (tcp6); the list sorted as strings. */
function parseAddresses(list: string[]): { address: string; protocol: 'tcp4' | 'tcp6'; mode: 'all' | 'any' }[] | { error: string } {
  const parsed = new Map<string, { address: string; protocol: 'tcp4' | 'tcp6'; mode: 'all' | 'any' }>();
  for (const a of list) {
    if (a === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', protocol: 'tcp4', mode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', protocol: 'tcp6', mode: 'all' });
    } else if (isIPv4(a)) parsed.set(a, { address: a, protocol: 'tcp4', mode: 'any' });
    else if (isIPv6(a)) parsed.set(a, { address: a, protocol: 'tcp6', mode: 'any' });
    else return { error: `${a} is not a valid IP` };
  }
  return [...parsed.values()].sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
}

const hostPort = (address: string, port: number) => (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`);

/** Why the workstation cannot listen there (the unprivileged learner, addresses it does not have, a port taken). */
function bindError(jobs: Jobs, address: string, port: number): string | undefined {
  const own = address === '0.0.0.0' || address === '::' || address === '::1' || address.startsWith('127.');
  if (!own) return 'bind: cannot assign requested address';
  if (port !== 0 && port < 1024) return 'bind: permission denied';
  return jobs.bound(address, port) ? 'bind: address already in use' : undefined;
}

type Prepared = { pod: Pod; addresses: { address: string; protocol: string; mode: 'all' | 'any' }[]; ports: ForwardedPort[] };

export function kubectlPortForward(args: string[], ctx: CommandContext, deps: PortForwardDeps): CommandResult {
  const ready = prepare(args, ctx);
  if ('pod' in ready) return listen(ctx, deps, ready);
  if (deps.background === undefined) return ready;
  // bash has started the job before kubectl fails: "[N] PID", the error, then the job's end.
  const job = deps.jobs.start(deps.background, { namespace: '', pod: '', uid: '', addresses: [], ports: [] });
  return { chunks: [{ stream: 'out', text: `[${job.id}] ${job.pid}\n` }, ...ready.chunks, { stream: 'out', text: deps.jobs.end(job, `Exit ${ready.exitCode}`) }], exitCode: 0 };
}

/** Complete, Validate and the start of RunPortForward: everything before kubectl listens. */
function prepare(args: string[], ctx: CommandContext): Prepared | CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl port-forward');
  if (p.error) return err(p.error);
  if (p.positional.length < 2) return err(USAGE);
  const ns = p.flags.namespace ?? 'default';
  const [resource, ...portArgs] = p.positional as [string, ...string[]];
  const slash = resource.indexOf('/');
  const kind = slash < 0 ? 'Pod' : kindOf(resource.slice(0, slash));
  const pod = podFor(ctx.sim, ns, resource);
  if ('error' in pod) return err(pod.error);
  let ports: string[] | { error: string };
  if (kind === 'Service') {
    const svc = ctx.sim.cluster.store.get('Service', ns, resource.slice(slash + 1))!;
    // checkUDPPortInService: a port the Service serves over UDP only cannot be forwarded.
    const udpOnly = (n: number) => svc.spec.ports.some((sp) => sp.port === n && sp.protocol === 'UDP') && !svc.spec.ports.some((sp) => sp.port === n && sp.protocol === 'TCP');
    const udp = portArgs.map((a) => splitPort(a)[1]).find((r) => udpOnly(/^\d+$/.test(r) ? Number(r) : (svc.spec.ports.find((sp) => sp.name === r)?.port ?? -1)));
    if (udp !== undefined) return err(`error: UDP protocol is not supported for ${udp}\n`);
    ports = translateServicePorts(portArgs, svc, pod);
  } else ports = convertPodPorts(portArgs, pod);
  if ('error' in ports) return err(`error: ${ports.error}\n`);
  if (pod.status.phase !== 'Running') return err(`error: unable to forward port because pod is not running. Current status=${pod.status.phase}\n`);
  const addresses = parseAddresses(p.flags.address !== undefined ? p.flags.address.split(',') : ['localhost']);
  if ('error' in addresses) return err(`error: ${addresses.error}\n`);
  const parsed = parsePorts(ports);
  if ('error' in parsed) return err(`error: ${parsed.error}\n`);
  return { pod, addresses, ports: parsed };
}

/** client-go forward/listenOnPort: the listeners, what they print, and the job that keeps them. */
function listen(ctx: CommandContext, deps: PortForwardDeps, { pod, addresses, ports }: Prepared): CommandResult {
  // In the order kubectl writes them: each port's "Forwarding from" lines, then its "Unable to listen" if any.
  const body: OutputChunk[] = [];
  const kept: ForwardedPort[] = [];
  const listening = new Set<string>();
  for (const port of ports) {
    const errors: string[] = [];
    const fails = { all: 0, any: 0 };
    const successes = { all: 0, any: 0 };
    for (const a of addresses) {
      const why = bindError(deps.jobs, a.address, port.local);
      if (why) {
        errors.push(`unable to create listener: Error listen ${a.protocol} ${hostPort(a.address, port.local)}: ${why}`);
        fails[a.mode]++;
        continue;
      }
      // Port 0: the kernel picks one; the following addresses take the same (port is updated in place).
      if (port.local === 0) port.local = ephemeralPort(ctx.sim.cluster.trafficRng);
      body.push({ stream: 'out', text: `Forwarding from ${hostPort(a.address, port.local)} -> ${port.remote}\n` });
      listening.add(a.address);
      successes[a.mode]++;
    }
    // Localhost's pair fails only when both do; an address named with --address fails on its own.
    if ((successes.all === 0 && fails.all > 0) || fails.any > 0) {
      body.push({ stream: 'err', text: `Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n` });
    }
    if (successes.all + successes.any > 0) kept.push(port);
  }
  const chunks: OutputChunk[] = [];
  const head = (job?: { id: number; pid: number }) => (job ? [{ stream: 'out' as const, text: `[${job.id}] ${job.pid}\n` }] : []);
  const forward: Forward = { namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name, uid: pod.metadata.uid, addresses: [...listening].sort(), ports: kept };
  const job = deps.background !== undefined ? deps.jobs.start(deps.background, forward) : undefined;
  chunks.push(...head(job), ...body);
  if (kept.length === 0) {
    chunks.push({ stream: 'err', text: `error: unable to listen on any of the requested ports: [${ports.map((x) => `{${x.local} ${x.remote}}`).join(' ')}]\n` });
    if (job) chunks.push({ stream: 'out', text: deps.jobs.end(job, 'Exit 1') });
    return { chunks, exitCode: job ? 0 : 1 };
  }
  if (!job) {
    chunks.push({ stream: 'err', text: 'port-forward: this simulated terminal runs one command at a time, so a port-forward cannot hold it until Ctrl+C: it stopped at once. Run it in the background with & (kubectl port-forward ... &), then curl localhost:PORT; kill %N (its job number) ends it.\n' });
  }
  return { chunks, exitCode: 0 };
}
