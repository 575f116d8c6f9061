/**
 * What a Corefile makes CoreDNS v1.12.0 do, for the plugins a lesson edits: log, hosts,
 * rewrite name, kubernetes (zones, ttl), forward, cache. Setting a Corefile up is what
 * caddy's ValidateAndExecuteDirectives does on start and on a reload (coredns/caddy
 * caddy.go): the server blocks are parsed against the compiled-in plugin list
 * (plugin.cfg: "Unknown directive"), then each plugin's setup reads its tokens and
 * fails as plugin.Error does ("plugin/NAME: ..."). Plugins a lesson does not touch are
 * accepted with whatever arguments they have.
 * Sources: plugin/log/setup.go, plugin/hosts/setup.go + hostsfile.go, plugin/rewrite/setup.go
 * + name.go, plugin/kubernetes/setup.go (ttl range 0..3600, default 5), plugin/forward/setup.go,
 * plugin/cache/setup.go, core/dnsserver/register.go (keys are zones; one zone once per port).
 */
import { isIPv4 } from '../net/ip';
import { COREFILE_PATH, CorefileError, parseCorefile, type ServerBlock, type Token } from './corefile';

/** plugin.cfg of CoreDNS v1.12.0, in execution order (a query meets them top to bottom). */
export const PLUGIN_ORDER = [
  'metadata', 'geoip', 'cancel', 'tls', 'quic', 'timeouts', 'reload', 'nsid', 'bufsize', 'bind', 'debug', 'trace', 'ready', 'health',
  'pprof', 'prometheus', 'errors', 'log', 'dnstap', 'local', 'dns64', 'acl', 'any', 'chaos', 'loadbalance', 'tsig', 'cache', 'rewrite',
  'header', 'dnssec', 'autopath', 'minimal', 'template', 'transfer', 'hosts', 'route53', 'azure', 'clouddns', 'k8s_external', 'kubernetes',
  'file', 'auto', 'secondary', 'etcd', 'nomad', 'loop', 'forward', 'grpc', 'erratic', 'whoami', 'on', 'sign', 'view',
] as const;

const VALID = new Set<string>(PLUGIN_ORDER);

export interface RewriteRule {
  match: 'exact' | 'prefix' | 'suffix' | 'substring' | 'regex';
  from: string;
  to: string;
  /** `answer auto`: the answer's names are rewritten back to the name asked. */
  answerAuto: boolean;
}

export interface CorednsConfig {
  /** The `log` plugin: every query gets a line. */
  log: boolean;
  /** Inline `hosts` entries (name, fully qualified, lower case -> IPv4 addresses), its TTL and whether it falls through. */
  hosts?: { entries: Map<string, string[]>; ttl: number; fallthrough: boolean };
  rewrites: RewriteRule[];
  /** The zones the kubernetes plugin is authoritative for (fully qualified) and its record TTL; absent without the plugin. */
  kubernetes?: { zones: string[]; ttl: number; fallthroughReverse: boolean };
  /** `forward FROM TO...`: the zone it forwards and its upstreams as written. */
  forward?: { from: string; to: string[] };
  /** `cache [TTL]`: the longest TTL it keeps (default 3600). */
  cache?: number;
  /** `reload [INTERVAL] [JITTER]`, in seconds, when given. */
  reloadInterval?: number;
  reloadJitter?: number;
  /** Plugins present, in the order a query meets them. */
  plugins: string[];
}

const fqdn = (s: string) => (s.endsWith('.') ? s : `${s}.`).toLowerCase();

function err(plugin: string, msg: string): CorefileError {
  return new CorefileError(`plugin/${plugin}: ${msg}`);
}

/** The Caddy Dispenser's ArgErr for a plugin's tokens. */
function argErr(t: Token): CorefileError {
  if (t.text === '{') return new CorefileError(`${COREFILE_PATH}:${t.line} - Error during parsing: Unexpected token '{', expecting argument`);
  return new CorefileError(`${COREFILE_PATH}:${t.line} - Error during parsing: Wrong argument count or unexpected line ending after '${t.text}'`);
}

/** Splits a directive's tokens into its arguments line and its block's lines. */
function shape(tokens: Token[]): { args: Token[]; lines: Token[][] } {
  const head = tokens[0]!;
  const args: Token[] = [];
  let i = 1;
  for (; i < tokens.length && tokens[i]!.text !== '{' && tokens[i]!.line === head.line; i++) args.push(tokens[i]!);
  const lines: Token[][] = [];
  if (tokens[i]?.text === '{') {
    for (i++; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.text === '}') continue;
      const last = lines[lines.length - 1];
      if (last && last[0]!.line === t.line) last.push(t);
      else lines.push([t]);
    }
  }
  return { args, lines };
}

function seconds(t: string): number | undefined {
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

function setupHosts(tokens: Token[]): NonNullable<CorednsConfig['hosts']> {
  const { lines } = shape(tokens);
  const entries = new Map<string, string[]>();
  let ttl = 3600;
  let fallthrough = false;
  for (const line of lines) {
    const [key, ...rest] = line.map((t) => t.text);
    if (key === 'fallthrough') fallthrough = true;
    else if (key === 'ttl') {
      const v = seconds(rest[0] ?? '');
      if (rest.length !== 1) throw argErr(line[0]!);
      if (v === undefined || v < 0 || v > 65535) throw err('hosts', `ttl provided is invalid`);
      ttl = v;
    } else if (key === 'no_reverse' || key === 'reload') continue;
    else {
      // An inline line is an /etc/hosts line: an address, then its names (hostsfile.go parse). Not an address: skipped, as there.
      if (!isIPv4(key!)) continue;
      for (const n of rest) {
        const name = fqdn(n);
        entries.set(name, [...(entries.get(name) ?? []), key!]);
      }
    }
  }
  return { entries, ttl, fallthrough };
}

function setupRewrite(tokens: Token[]): RewriteRule[] {
  const { args } = shape(tokens);
  let words = args.map((t) => t.text);
  if (words[0] === 'continue' || words[0] === 'stop') words = words.slice(1);
  if (words.length < 2) throw err('rewrite', 'invalid rewrite syntax: need at least 2 arguments');
  if (words[0] !== 'name') return [];
  const types = ['exact', 'prefix', 'suffix', 'substring', 'regex'] as const;
  const match = (types as readonly string[]).includes(words[1]!) ? (words[1] as RewriteRule['match']) : 'exact';
  const rest = match === words[1] ? words.slice(2) : words.slice(1);
  if (rest.length < 2) throw err('rewrite', `too few (${rest.length}) arguments for a name rule`);
  const [from, to, ...tail] = rest as [string, string, ...string[]];
  const answerAuto = tail[0] === 'answer' && tail[1] === 'auto';
  if (match === 'regex') {
    // Go's regexp (RE2) runs in linear time; JavaScript's backtracks, and a repeated group that itself
    // repeats, such as (a+)+, can take minutes on a long name: the simulator refuses such a rule.
    if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/.test(from)) throw err('rewrite', `simulator limit: the regex ${from} repeats a group that itself repeats, which this simulator does not run (CoreDNS would)`);
    try {
      new RegExp(from);
    } catch {
      throw err('rewrite', `invalid regex pattern in a name rule: ${from}`);
    }
  }
  const norm = match === 'exact' || match === 'suffix' ? fqdn : (s: string) => s.toLowerCase();
  return [{ match, from: norm(from), to: match === 'regex' ? to : norm(to), answerAuto }];
}

function setupKubernetes(tokens: Token[], blockZones: string[]): NonNullable<CorednsConfig['kubernetes']> {
  const { args, lines } = shape(tokens);
  const zones = args.length ? args.map((t) => fqdn(t.text)) : blockZones;
  let ttl = 5;
  let fallthroughReverse = false;
  for (const line of lines) {
    const key = line[0]!.text;
    if (key === 'ttl') {
      if (line.length !== 2) throw argErr(line[0]!);
      const v = seconds(line[1]!.text);
      if (v === undefined) throw err('kubernetes', `strconv.Atoi: parsing "${line[1]!.text}": invalid syntax`);
      if (v > 3600) throw err('kubernetes', `ttl must be in range [0, 3600]: ${v}`);
      ttl = v;
    } else if (key === 'fallthrough') fallthroughReverse = true;
    else if (!['pods', 'endpoint_pod_names', 'namespaces', 'labels', 'namespace_labels', 'endpoint', 'tls', 'kubeconfig', 'noendpoints', 'ignore', 'multicluster', 'startup_timeout', 'apiserver_qps', 'apiserver_burst', 'apiserver_max_inflight'].includes(key))
      throw new CorefileError(`${COREFILE_PATH}:${line[0]!.line} - Error during parsing: unknown property '${key}'`);
  }
  return { zones, ttl, fallthroughReverse };
}

function setupForward(tokens: Token[]): NonNullable<CorednsConfig['forward']> {
  const { args } = shape(tokens);
  if (args.length < 2) throw argErr(args[args.length - 1] ?? tokens[0]!);
  const to = args.slice(1).map((t) => t.text);
  for (const u of to) {
    const host = u.replace(/^(dns|tls):\/\//, '').replace(/:\d+$/, '');
    if (!isIPv4(host) && !host.startsWith('/')) throw err('forward', `not an IP address or file: "${u}"`);
  }
  return { from: fqdn(args[0]!.text), to };
}

function setupCache(tokens: Token[]): number {
  const { args } = shape(tokens);
  if (args.length === 0) return 3600;
  const v = seconds(args[0]!.text);
  if (v === undefined || v === 0) {
    if (v === undefined) return 3600; // the first argument may be a zone
    throw err('cache', 'cache TTL can not be zero or negative: 0');
  }
  return v;
}

/** Go's time.ParseDuration for the units a Corefile uses (h, m, s, ms); undefined when it does not parse. */
export function goDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ms|h|m|s)/y;
  let total = 0;
  let i = 0;
  while (i < text.length) {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return undefined;
    total += Number(m[1]) * { h: 3600, m: 60, s: 1, ms: 0.001 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    i = re.lastIndex;
  }
  return i > 0 ? total : undefined;
}

/** plugin/reload/setup.go: at most two arguments, Go durations, interval >= 2s, jitter >= 1s. */
function setupReload(tokens: Token[], config: CorednsConfig): void {
  const { args } = shape(tokens);
  if (args.length > 2) throw argErr(args[args.length - 1]!);
  const parse = (t: Token) => {
    const v = goDuration(t.text);
    if (v === undefined) throw err('reload', `time: invalid duration "${t.text}"`);
    return v;
  };
  if (args[0]) {
    config.reloadInterval = parse(args[0]);
    if (config.reloadInterval < 2) throw err('reload', 'interval value must be greater or equal to 2s');
  }
  if (args[1]) {
    config.reloadJitter = parse(args[1]);
    if (config.reloadJitter < 1) throw err('reload', 'jitter value must be greater or equal to 1s');
  }
}

/** Key of a server block: its zone (dnsserver normalizes "." and ".:53" alike). */
function zoneOf(key: string): string {
  return fqdn(key.replace(/^dns:\/\//, '').replace(/:\d+$/, '') || '.');
}

/**
 * Sets up a Corefile as CoreDNS would on start or reload: the first server block on port 53
 * is the one the cluster's queries reach. Throws CorefileError with CoreDNS's message.
 */
export function setupCorefile(text: string): CorednsConfig {
  const blocks = parseCorefile(text, VALID);
  const block = blocks.find((b) => b.keys.some((k) => !/:(?!53$)\d+$/.test(k))) ?? blocks[0];
  const seen = new Set<string>();
  for (const b of blocks) {
    for (const k of b.keys) {
      const z = `${zoneOf(k)}:${/:(\d+)$/.exec(k)?.[1] ?? '53'}`;
      if (seen.has(z)) throw new CorefileError(`cannot serve dns://${z} - it is already defined`);
      seen.add(z);
    }
  }
  return configOf(block);
}

function configOf(block: ServerBlock | undefined): CorednsConfig {
  const config: CorednsConfig = { log: false, rewrites: [], plugins: [] };
  if (!block) return config;
  const zones = block.keys.map(zoneOf);
  for (const { name, tokens } of block.directives) {
    if (name === 'log') config.log = true;
    else if (name === 'hosts') config.hosts = setupHosts(tokens);
    else if (name === 'rewrite') {
      // Each `rewrite` line is its own rule; tokens of repeated lines share one list.
      for (const part of splitRepeats(tokens)) config.rewrites.push(...setupRewrite(part));
    } else if (name === 'kubernetes') config.kubernetes = setupKubernetes(tokens, zones);
    else if (name === 'forward') config.forward = setupForward(tokens);
    else if (name === 'cache') config.cache = setupCache(tokens);
    else if (name === 'reload') setupReload(tokens, config);
  }
  config.plugins = PLUGIN_ORDER.filter((p) => block.directives.some((d) => d.name === p));
  return config;
}

/** A directive written on several lines (two `rewrite` lines) gives one token list: one part per occurrence. */
function splitRepeats(tokens: Token[]): Token[][] {
  const name = tokens[0]!.text;
  const parts: Token[][] = [];
  let depth = 0;
  for (const t of tokens) {
    if (depth === 0 && t.text === name && (parts.length === 0 || t.line !== parts[parts.length - 1]![0]!.line)) parts.push([]);
    if (t.text === '{') depth++;
    else if (t.text === '}') depth--;
    parts[parts.length - 1]!.push(t);
  }
  return parts;
}
