/**
 * `docker ps [-a] [-q] [--no-trunc] [--format ...]` on the workstation: the kind node containers.
 * Formats follow docker/cli cli/command/formatter: container.go (the default table
 * "ID Image Command RunningFor Status Ports Names", the quoted Command ellipsized to 20 columns,
 * RunningFor = go-units HumanDuration + " ago", CreatedAt = Go's time.String()), formatter.go
 * (a `table` format goes through tabwriter minwidth 10, padding 3; `\t` and `\n` in a format are
 * escapes; each container's line ends with a newline), and the daemon's Status "Up " +
 * HumanDuration. kind's nodes: image kindest/node:VERSION (`docker ps` shows the tag, not the
 * digest kind pulls by), entrypoint "/usr/local/bin/entrypoint /sbin/init", the API server's
 * 6443 published on 127.0.0.1 by the control plane, labels io.x-k8s.kind.cluster/role.
 * Departures: kind creates the nodes at once; the simulator lists them newest first as the
 * reverse of the config's order. IDs are a hash of the seed and the node name. A cluster with
 * several control planes has no kind-external-load-balancer container here.
 */
import { SIM_EPOCH_MS } from '../../sim/clock';
import type { NodeConfig } from '../../sim/scenario/cluster-config';
import { kubernetesVersionOf } from '../../sim/scenario/versions';
import { sha256, toHex, utf8Bytes } from '../../sim/proxy/hash';
import type { Simulation } from '../../sim/simulation';
import { KIND_API_PORT } from '../kubectl/cluster-info';
import { tabwrite } from '../print/tabwriter';
import { err, out, type CommandResult } from '../types';
import { humanDuration } from './crictl';

const ENTRYPOINT = '/usr/local/bin/entrypoint /sbin/init';

/** The 64 hex digits of a node container's ID: the same for a seed and a node name. */
export function nodeContainerID(sim: Simulation, node: string): string {
  return toHex(sha256(utf8Bytes(`docker/${sim.cluster.seed}/${node}`)));
}

/** docker/cli formatter.Ellipsis: at most `max` columns, the last one "…" when cut. */
function ellipsis(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Go's time.Time.String() in UTC: "2006-01-02 15:04:05 +0000 UTC". */
function goTimeString(simSeconds: number): string {
  const iso = new Date(SIM_EPOCH_MS + Math.floor(simSeconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

type Fields = Record<string, string>;

const HEADERS: Fields = {
  ID: 'CONTAINER ID',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Names: 'NAMES',
  Labels: 'LABELS',
  Networks: 'NETWORKS',
};

const DEFAULT_TABLE = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';

function fieldsOf(sim: Simulation, cfg: NodeConfig, trunc: boolean, apiNode: string | undefined): Fields {
  const now = sim.cluster.clock.now();
  const created = sim.cluster.store.get('Node', undefined, cfg.name)?.metadata.creationTimestamp ?? 0;
  const id = nodeContainerID(sim, cfg.name);
  const age = humanDuration(now - created);
  return {
    ID: trunc ? id.slice(0, 12) : id,
    Image: `kindest/node:${kubernetesVersionOf(sim.cluster.config)}`,
    Command: JSON.stringify(trunc ? ellipsis(ENTRYPOINT, 20) : ENTRYPOINT),
    CreatedAt: goTimeString(created),
    RunningFor: `${age} ago`,
    Ports: cfg.name === apiNode ? `127.0.0.1:${KIND_API_PORT}->6443/tcp` : '',
    State: 'running',
    Status: `Up ${age}`,
    Names: cfg.name,
    Labels: `io.x-k8s.kind.cluster=${sim.cluster.config.name},io.x-k8s.kind.role=${cfg.role}`,
    Networks: 'kind',
  };
}

/** A Go template of {{.Field}} references only; an unknown field fails as text/template does. */
function render(template: string, fields: Fields): string | { error: string } {
  let bad: string | undefined;
  const text = template.replace(/\{\{-?\s*\.(\w*)\s*-?\}\}/g, (whole, name: string) => {
    if (!(name in fields)) bad ??= name;
    return fields[name] ?? '';
  });
  if (bad !== undefined) return { error: `template parsing error: template: :1:${template.indexOf(`.${bad}`)}: executing "" at <.${bad}>: can't evaluate field ${bad} in type *formatter.ContainerContext\n` };
  return text;
}

export function dockerPs(sim: Simulation, args: string[]): CommandResult {
  let quiet = false;
  let trunc = true;
  let format: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format') {
      if (i + 1 >= args.length) return err("flag needs an argument: --format\nSee 'docker ps --help'.\n", 125);
      format = args[++i];
    } else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--no-trunc') trunc = false;
    else if (a === '--quiet') quiet = true;
    else if (a === '--all') continue;
    else if (/^-[aq]+$/.test(a)) quiet ||= a.includes('q');
    else if (/^(-[fnls]|--(filter|last|latest|size))/.test(a)) return err(`docker ps ${a.split('=')[0]} is not simulated here; try docker ps, -a, -q, --no-trunc or --format\n`, 125);
    else if (a.startsWith('--')) return err(`unknown flag: ${a.split('=')[0]}\nSee 'docker ps --help'.\n`, 125);
    else return err(`unknown shorthand flag: '${a.slice(1).replace(/[aq]/g, '')[0] ?? a[1]}' in ${a}\nSee 'docker ps --help'.\n`, 125);
  }
  const nodes = [...sim.cluster.config.nodes].reverse();
  const apiNode = sim.cluster.config.nodes.find((n) => n.role === 'control-plane')?.name;
  const rows = nodes.map((n) => fieldsOf(sim, n, trunc, apiNode));
  // docker/cli NewContainerFormat: -q wins over a table format, a custom format wins over -q.
  const custom = format !== undefined && format !== '' && format !== 'table' && !(quiet && format.startsWith('table'));
  if (quiet && !custom) return out(rows.map((r) => `${r.ID}\n`).join(''));
  // formatter.go preFormat: "table" cut off, spaces trimmed, then the \t and \n escapes.
  const chosen = custom ? format! : DEFAULT_TABLE;
  const table = chosen.startsWith('table');
  const template = (table ? chosen.slice(5) : chosen).replace(/^ +| +$/g, '').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  let text = '';
  if (table) {
    const header = render(template, HEADERS);
    if (typeof header !== 'string') return err(header.error, 1);
    text += `${header}\n`;
  }
  for (const r of rows) {
    const line = render(template, r);
    if (typeof line !== 'string') return err(line.error, 1);
    text += `${line}\n`;
  }
  return out(table ? tabwrite(text, { minWidth: 10, padding: 3 }) : text);
}
