/** kubectl create -f | deployment | service: the imperative creators. */
import { KUBE_NAME_ALPHABET } from '../../sim/rng';
import { createSecretTls } from './create-secret-tls';
import { own } from '../../sim/model/own';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { kubectlApplyFile } from './apply';
import { kubectlCreateConfig } from './create-config';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { createServiceManifest, deploymentManifest, type ServicePortArg } from './generators';
import { SUBMIT_FLAGS, submitManifest, submitOptions, withBareDryRun } from './submit';

const DEPLOY_SPEC = { valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS, '--image': 'image', '--replicas': 'replicas', '-r': 'replicas', '--port': 'port' }, bool: {} };
const SERVICE_SPEC = { valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS, '--tcp': 'tcp', '--node-port': 'node-port', '--external-name': 'external-name', '--clusterip': 'clusterip' }, bool: {} };
const SERVICE_TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };

const SECRET_HELP = "";

const NAMESPACE_SPEC = { valued: { ...SUBMIT_FLAGS }, bool: {} };

export function kubectlCreate(argv: string[], ctx: CommandContext): CommandResult {
  const args = withBareDryRun(argv);
  const [what, ...rest] = args;
  if (what === 'deployment' || what === 'deploy') return createDeployment(rest, ctx);
  if (what === 'service' || what === 'svc') return createService(rest, ctx);
  if (what === 'configmap' || what === 'cm') return kubectlCreateConfig('configmap', rest, ctx);
  if (what === 'secret') {
    const [sub, ...more] = rest;
    if (sub === 'generic') return kubectlCreateConfig('secret generic', more, ctx);
    // cobra prints a command group's help when it is run without a subcommand (exit status 1).
    if (sub === undefined) return out(SECRET_HELP, 1);
    if (sub === 'tls') return createSecretTls(more, ctx);
    if (sub === 'docker-registry') return err(`error: simulator: kubectl create secret ${sub} is not simulated; use generic\n`);
    return err(`error: unknown command "${sub}"\nSee 'kubectl create secret -h' for help and examples\n`);
  }
  if (what === 'namespace' || what === 'ns') {
    const p = parseFlags(rest, NAMESPACE_SPEC, 'kubectl create namespace');
    if (p.error) return err(p.error);
    const opts = submitOptions(p.flags);
    if ('error' in opts) return err(opts.error);
    const name = p.positional[0];
    if (!name) return err("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n");
    return submitManifest(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, 'created', opts);
  }
  if (what === undefined || what.startsWith('-')) return kubectlApplyFile(args, ctx, 'create');
  return err(`error: unknown command "${what}" for "kubectl create"\nRun 'kubectl create --help' for usage.\n`);
}

function createDeployment(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, DEPLOY_SPEC, 'kubectl create deployment');
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  const name = p.positional[0];
  if (!name) return err("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n");
  if (!p.flags.image) return err("error: required flag(s) \"image\" not set\n");
  const replicas = p.flags.replicas !== undefined ? Number(p.flags.replicas) : 1;
  const port = p.flags.port !== undefined ? Number(p.flags.port) : undefined;
  const manifest = deploymentManifest(name, p.flags.image.split(','), replicas, port, p.flags.namespace, () => ctx.sim.cluster.rng.string(5, KUBE_NAME_ALPHABET));
  if (p.rest?.length) {
    const spec = (manifest.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec;
    spec.containers[0]!.command = p.rest;
  }
  return submitManifest(ctx, manifest, 'created', opts);
}

function parseTcp(spec: string, nodePort?: string): ServicePortArg[] | string {
  const ports: ServicePortArg[] = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split(':');
    const port = Number(a);
    if (!Number.isInteger(port)) return `error: invalid port '${part}'`;
    const target = b === undefined ? port : /^\d+$/.test(b) ? Number(b) : b;
    ports.push({ port, targetPort: target, ...(nodePort ? { nodePort: Number(nodePort) } : {}) });
  }
  return ports;
}

function createService(args: string[], ctx: CommandContext): CommandResult {
  const [typeArg, ...rest] = args;
  const type = own(SERVICE_TYPES, typeArg ?? '');
  if (!type) return err(`error: unknown command "${typeArg ?? ''}" for "kubectl create service"\n`);
  const p = parseFlags(rest, SERVICE_SPEC, `kubectl create service ${typeArg}`);
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  const name = p.positional[0];
  if (!name) return err(`error: exactly one NAME is required, got 0\nSee 'kubectl create service ${typeArg} -h' for help and examples\n`);
  if (type === 'ExternalName') {
    if (!p.flags['external-name']) return err('error: required flag(s) "external-name" not set\n');
    return submitManifest(ctx, createServiceManifest(type, name, [], p.flags.namespace, p.flags['external-name']), 'created', opts);
  }
  const ports = p.flags.tcp ? parseTcp(p.flags.tcp, p.flags['node-port']) : [];
  if (typeof ports === 'string') return err(`${ports}\n`);
  if (ports.length === 0 && !(type === 'ClusterIP' && p.flags.clusterip === 'None')) return err('error: at least one tcp port specifier must be provided\n');
  const manifest = createServiceManifest(type, name, ports, p.flags.namespace);
  if (p.flags.clusterip) (manifest.spec as Record<string, unknown>).clusterIP = p.flags.clusterip;
  return submitManifest(ctx, manifest, 'created', opts);
}

