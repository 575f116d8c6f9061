/**
 * Whether a container's main process ends, after how long and with which exit code,
 * judged from its image and command without running anything (the core never calls the
 * shell). Servers (nginx, agnhost serve-hostname/netexec/pause, any image whose own
 * command serves), `sleep infinity`, `tail -f` and loops keep running; short commands
 * (echo, wget, nslookup, cat, env, true, ...) end at once, `sleep N` after N seconds,
 * `false` and `exit N` with their code. A shell started without a command and without
 * stdin exits at once (busybox's default command is `sh`, which reads EOF without a tty:
 * `kubectl run b --image=busybox` ends in CrashLoopBackOff). Commands whose outcome only
 * running them would tell (a wget to a host that does not answer) are taken to succeed:
 * a deliberate simplification.
 */
import type { Container } from '../model/types';

export type MainProcess = { ends: false } | { ends: true; seconds: number; exitCode: number };

const FOREVER: MainProcess = { ends: false };
const done = (seconds: number, exitCode: number): MainProcess => ({ ends: true, seconds, exitCode });

/** The image's repository name without registry, tag or digest: "busybox", "agnhost", "curl". */
export function imageBaseName(image: string): string {
  return image.split('@')[0]!.replace(/:[^/:]*$/, '').split('/').pop()!;
}

/** Images whose default command is a shell (or, for curlimages/curl, curl itself). */
const SHELL_DEFAULT = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'fedora', 'centos', 'rockylinux', 'netshoot']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', 'dash']);
const SERVERS = new Set(['nginx', 'httpd', 'agnhost', 'pause', 'redis-server', 'coredns', 'kube-proxy', 'kindnetd', 'etcd']);

const cache = new WeakMap<Container, MainProcess>();

export function mainProcess(c: Container): MainProcess {
  let p = cache.get(c);
  if (!p) cache.set(c, (p = judge(c)));
  return p;
}

function judge(c: Container): MainProcess {
  const image = imageBaseName(c.image);
  const stdin = c.stdin === true || c.tty === true;
  // args without a command go to the image's entrypoint: a shell image's entrypoint is
  // empty (its CMD is the shell), so the args are the command; curlimages/curl runs curl.
  const words = c.command ? [...c.command, ...(c.args ?? [])] : c.args?.length ? (image === 'curl' ? ['curl', ...c.args] : SHELL_DEFAULT.has(image) ? c.args : undefined) : undefined;
  if (!words) {
    if (SHELL_DEFAULT.has(image)) return stdin ? FOREVER : done(0, 0);
    // curlimages/curl with nothing to fetch: "curl: try 'curl --help' ..." and exit 2.
    if (image === 'curl') return done(0, 2);
    return FOREVER;
  }
  return argv(words, stdin);
}

/** busybox sleep's durations: a number with an optional s, m, h or d suffix. */
function sleepSeconds(arg: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg ?? '');
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]!;
}

function argv(words: string[], stdin: boolean): MainProcess {
  const program = (words[0] ?? '').split('/').pop()!;
  const args = words.slice(1);
  if (SHELLS.has(program)) {
    const c = args.indexOf('-c');
    if (c >= 0) return script(args[c + 1] ?? '');
    return stdin || args.length > 0 ? FOREVER : done(0, 0);
  }
  if (SERVERS.has(program)) return FOREVER;
  switch (program) {
    case 'sleep': {
      if (args[0] === 'infinity' || args[0] === 'inf') return FOREVER;
      const s = sleepSeconds(args[0]);
      return s === undefined ? done(0, 1) : done(s, 0);
    }
    case 'tail':
      return args.some((a) => /^-[a-zA-Z]*[fF]/.test(a)) ? FOREVER : done(0, 0);
    case 'false':
      return done(0, 1);
    case 'nc':
      return args.some((a) => /^-[a-zA-Z]*l/.test(a)) ? FOREVER : done(0, 0);
    case 'python':
    case 'python3':
      return args.includes('http.server') ? FOREVER : done(0, 0);
    case 'exec':
      return argv(args, stdin);
    case 'exit':
      return done(0, Number(args[0] ?? 0) || 0);
    case 'cat':
      // cat without a file reads stdin: it waits while stdin is open.
      return args.length === 0 && stdin ? FOREVER : done(0, 0);
    default:
      return done(0, 0);
  }
}

/**
 * `sh -c SCRIPT`: a loop runs forever; otherwise its commands run in turn (`;`, `&&`,
 * `||`), sleeps adding up, `exit N` or the last command giving the code.
 */
function script(text: string): MainProcess {
  if (/\b(while|until)\b/.test(text)) return FOREVER;
  let seconds = 0;
  let code = 0;
  let op = ';';
  for (const part of text.split(/(&&|\|\||;|\n)/)) {
    if (part === '&&' || part === '||' || part === ';' || part === '\n') {
      op = part;
      continue;
    }
    // A pipeline's status is its last command's; `do`/`then`/`done` words are skipped.
    const last = part.split('|').pop()!;
    const words = last.trim().replace(/^(do|then|else|\{)\s+/, '').replace(/&\s*$/, '').split(/\s+/).filter(Boolean).map((w) => w.replace(/^["']|["']$/g, ''));
    if (words.length === 0 || ['done', 'fi', '}'].includes(words[0]!) || words[0] === 'for' || words[0] === 'if') continue;
    if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue;
    if (words[0] === 'exit') return done(seconds, Number(words[1] ?? code) || 0);
    const r = argv(words, false);
    if (!r.ends) return FOREVER;
    seconds += r.seconds;
    code = r.exitCode;
  }
  return done(seconds, code);
}

/** Whether any of the pod's containers ends by itself (servers' pods never do). */
export function someContainerEnds(containers: readonly Container[]): boolean {
  return containers.some((c) => mainProcess(c).ends);
}
