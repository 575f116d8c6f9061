/**
 * What a command line did, in the words a goal uses: the programs it ran
 * (also inside `kubectl exec ... --`, `sh -c '...'` and loops), kubectl's verb,
 * and the resources it named, whatever spelling the learner chose.
 */

/** kubectl's resource names and short names (kubectl api-resources), by their plural. */
const RESOURCE_NAMES: Record<string, string[]> = {
  pods: ['po', 'pod'],
  services: ['svc', 'service'],
  endpoints: ['ep', 'endpoint'],
  endpointslices: ['endpointslice', 'endpointslices.discovery.k8s.io'],
  deployments: ['deploy', 'deployment', 'deployments.apps'],
  replicasets: ['rs', 'replicaset', 'replicasets.apps'],
  statefulsets: ['sts', 'statefulset'],
  nodes: ['no', 'node'],
  namespaces: ['ns', 'namespace'],
  events: ['ev', 'event'],
  configmaps: ['cm', 'configmap'],
  secrets: ['secret'],
  all: [],
};
const PLURAL = new Map<string, string>();
for (const [plural, aliases] of Object.entries(RESOURCE_NAMES)) {
  PLURAL.set(plural, plural);
  for (const a of aliases) PLURAL.set(a, plural);
}

/** "svc" → "services"; unknown names pass through lowercased. */
export function resourcePlural(name: string): string {
  const n = name.toLowerCase();
  return PLURAL.get(n) ?? PLURAL.get(n.split('.')[0]!) ?? n;
}

/** kubectl flags that take the next word as their value. */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '-l', '--selector', '-o', '--output', '-f', '--filename', '-c', '--container',
  '--field-selector', '--sort-by', '-L', '--label-columns', '--type', '-p', '--patch', '--replicas',
  '--port', '--target-port', '--name', '--image', '--context', '--kubeconfig', '--for', '--types',
  '--protocol', '--grace-period', '--timeout', '--tcp', '--cluster-ip', '--restart', '--labels', '--env',
]);

/** Splits on blanks, keeping quoted text together (quotes removed). */
export function words(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

/** The simple commands of a line: split on pipes, `;`, `&&`, `||` (outside quotes), loop keywords dropped. */
export function simpleCommands(line: string): string[][] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === '|' || ch === ';' || (ch === '&' && line[i + 1] === '&')) {
      parts.push(cur);
      cur = '';
      if (line[i + 1] === ch) i++;
    } else cur += ch;
  }
  parts.push(cur);
  return parts
    .map((p) => words(p.replace(/\$\(([^)]*)\)/g, ' ')))
    .map((w) => (w[0] === 'do' || w[0] === 'then' || w[0] === 'else' ? w.slice(1) : w))
    .filter((w) => w.length > 0 && !['done', 'fi', 'for', 'while'].includes(w[0]!));
}

export interface CommandWords {
  /** Every program the line runs, outer and inner. */
  tools: string[];
  /** kubectl invocations: the verb and the resources named. */
  kubectl: { verb: string; resources: string[] }[];
}

export function commandWords(line: string, depth = 0): CommandWords {
  const out: CommandWords = { tools: [], kubectl: [] };
  for (const argv of simpleCommands(line)) addCommand(argv, out, depth);
  return out;
}

function addCommand(argv: string[], out: CommandWords, depth: number): void {
  const program = argv[0]!.split('/').pop()!;
  out.tools.push(program);
  if ((program === 'sh' || program === 'bash') && argv[1] === '-c' && argv[2] !== undefined && depth < 3) {
    merge(out, commandWords(argv[2], depth + 1));
  } else if (program === 'kubectl') {
    addKubectl(argv.slice(1), out, depth);
  } else if (program === 'docker' && argv[1] === 'exec') {
    const rest = argv.slice(2).filter((a) => !a.startsWith('-'));
    if (rest.length > 1) addCommand(rest.slice(1), out, depth);
  }
}

function addKubectl(args: string[], out: CommandWords, depth: number): void {
  const dash = args.indexOf('--');
  const own = dash >= 0 ? args.slice(0, dash) : args;
  const positional: string[] = [];
  for (let i = 0; i < own.length; i++) {
    const a = own[i]!;
    if (a.startsWith('-')) {
      if (!a.includes('=') && VALUE_FLAGS.has(a)) i++;
      continue;
    }
    positional.push(a);
  }
  const verb = positional[0] ?? '';
  const resources: string[] = [];
  const named = verb === 'rollout' || verb === 'set' || verb === 'create' ? positional.slice(2) : positional.slice(1);
  if (['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'logs', 'exec', 'rollout', 'set', 'create', 'explain'].includes(verb)) {
    const first = named[0];
    if ((verb === 'exec' || verb === 'logs') && first !== undefined && !first.includes('/')) resources.push('pods');
    else if (first !== undefined) {
      if (first.includes('/')) for (const n of named) resources.push(resourcePlural(n.split('/')[0]!));
      else for (const r of first.split(',')) resources.push(resourcePlural(r));
    }
    if (verb === 'create' && positional[1]) resources.push(resourcePlural(positional[1]));
  }
  out.kubectl.push({ verb, resources });
  if (verb === 'exec' && dash >= 0 && args.length > dash + 1) addCommand(args.slice(dash + 1), out, depth);
}

function merge(into: CommandWords, from: CommandWords): void {
  into.tools.push(...from.tools);
  into.kubectl.push(...from.kubectl);
}
