/**
 * kubectl cluster-info (staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go): the
 * control plane's address from the kubeconfig, then each kube-system Service labelled
 * kubernetes.io/cluster-service=true as "NAME is running at HOST/api/v1/namespaces/NS/services/
 * SVC[:PORTNAME]/proxy" (NAME its kubernetes.io/name label), then the hint about `dump`.
 */
import type { Service } from '../../sim/model/types';
import { err, out, type CommandContext, type CommandResult } from '../types';

/**
 * The host port kind maps to the API server's 6443 on 127.0.0.1. kind lets Docker pick a free
 * port; the simulator fixes one so transcripts stay the same.
 */
export const KIND_API_PORT = 40119;
export const API_SERVER_URL = `https://127.0.0.1:${KIND_API_PORT}`;

export function kubectlClusterInfo(args: string[], ctx: CommandContext): CommandResult {
  if (args[0] === 'dump') return err('error: "kubectl cluster-info dump" is not available in this simulator\n');
  if (args.length > 0 && !args[0]!.startsWith('-')) return err(`error: unknown command "${args[0]}" for "kubectl cluster-info"\n`);
  let text = `Kubernetes control plane is running at ${API_SERVER_URL}\n`;
  const services = (ctx.sim.cluster.store.list('Service', 'kube-system') as Service[]).filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
  for (const s of services) {
    const port = s.spec.ports?.[0]?.name;
    const name = s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name;
    text += `${name} is running at ${API_SERVER_URL}/api/v1/namespaces/kube-system/services/${s.metadata.name}${port ? `:${port}` : ''}/proxy\n`;
  }
  return out(`${text}\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
}
