/**
 * kubectl's global flags (k8s.io/cli-runtime genericclioptions/config_flags.go, plus klog's -v):
 * cobra takes them before the verb as well as after it (`kubectl -n kube-system get pods`,
 * `kubectl --context kind-kind get pods`). Flags typed before the verb are moved behind the
 * verb's own words (ahead of a `--`), where each verb's parser reads them; the kubeconfig
 * selectors (--context, --cluster, --user) are checked against the one context kind writes,
 * and the flags that only tune the client (-v, --request-timeout, ...) are accepted and dropped.
 */
import { KUBECTL_COMMANDS } from './commands';

/** The kubeconfig kind writes for a cluster named "kind": one context, cluster and user, all kind-kind. */
export const KIND_CONTEXT = 'kind-kind';

/** Global flags that take a value (config_flags.go AddFlags; klog's -v and --vmodule). */
const VALUED = new Set([
  '-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--token', '--request-timeout', '-v', '--v',
  '--as', '--as-group', '--as-uid', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--password',
  '--username', '--profile', '--profile-output', '--tls-server-name', '--vmodule', '--log-flush-frequency',
]);
/** Verb flags people put before the verb too; cobra finds the verb past them. */
const VERB_VALUED = new Set(['-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container']);
/** Global flags this simulator accepts and has no use for (client tuning, logging). */
const DROPPED_VALUED = new Set(['--request-timeout', '-v', '--v', '--vmodule', '--cache-dir', '--log-flush-frequency', '--profile', '--profile-output', '--tls-server-name']);
const DROPPED_BOOL = new Set(['--insecure-skip-tls-verify', '--match-server-version', '--warnings-as-errors', '--disable-compression', '--skip-headers', '--logtostderr']);

function split(a: string): [string, string | undefined] {
  const eq = a.indexOf('=');
  if (a.startsWith('--')) return eq >= 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
  // A shorthand's value may be attached: -nkube-system, -n=kube-system, -v6.
  if (a.length > 2) return [a.slice(0, 2), a[2] === '=' ? a.slice(3) : a.slice(2)];
  return [a, undefined];
}

/** The arguments with the verb first, or kubectl's error for a global flag it refuses. */
export function normalizeGlobalFlags(args: string[]): { args: string[] } | { error: string } {
  const leading: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-' || a === '--') break;
    const [name, value] = split(a);
    leading.push(a);
    const valued = VALUED.has(name) || VERB_VALUED.has(name) || (name.startsWith('--') && !DROPPED_BOOL.has(name));
    if (valued && value === undefined) {
      if (i + 1 >= args.length) return { error: `Error: flag needs an argument: ${name.startsWith('--') ? name : `'${name.slice(1)}' in ${name}`}\nSee 'kubectl --help' for usage.\n` };
      leading.push(args[++i]!);
    }
  }
  const verb = args[i];
  // `kubectl -n x` alone: kubectl's help, as for a bare `kubectl`.
  if (verb === undefined) return { args: [] };
  let words = args.slice(i);
  if (leading.length) {
    if (verb !== undefined && !KUBECTL_COMMANDS.includes(verb)) {
      const first = leading.find((a) => !VALUED.has(split(a)[0]) && !DROPPED_BOOL.has(split(a)[0]));
      if (first !== undefined) return { error: `Error: flags cannot be placed before plugin name: ${first}\n` };
    }
    const dash = words.indexOf('--');
    words = dash < 0 ? [...words, ...leading] : [...words.slice(0, dash), ...leading, ...words.slice(dash)];
  }
  const kept: string[] = [];
  const dash = words.indexOf('--');
  for (let j = 0; j < words.length; j++) {
    const a = words[j]!;
    if (dash >= 0 && j >= dash) {
      kept.push(a);
      continue;
    }
    const [name, attached] = a.startsWith('-') ? split(a) : [a, undefined];
    if (DROPPED_BOOL.has(name)) continue;
    if (!DROPPED_VALUED.has(name) && name !== '--context' && name !== '--cluster' && name !== '--user' && name !== '--kubeconfig') {
      kept.push(a);
      continue;
    }
    // -v is also a verb's shorthand nowhere in kubectl; --v and -v are klog's verbosity.
    const value = attached ?? words[++j];
    if (value === undefined) return { error: `Error: flag needs an argument: ${name.startsWith('--') ? name : `'${name.slice(1)}' in ${name}`}\nSee 'kubectl --help' for usage.\n` };
    if (name === '--context' && value !== KIND_CONTEXT) return { error: `Error in configuration: context was not found for specified context: ${value}\n` };
    if (name === '--cluster' && value !== KIND_CONTEXT) return { error: `Error: no server found for cluster "${value}"\n` };
    if (name === '--user' && value !== KIND_CONTEXT) return { error: `error: auth info "${value}" does not exist\n` };
    if (name === '--kubeconfig') return { error: `error: --kubeconfig: this simulated workstation has only kind's kubeconfig (context ${KIND_CONTEXT})\n` };
  }
  return { args: kept };
}
