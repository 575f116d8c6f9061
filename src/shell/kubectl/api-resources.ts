/**
 * kubectl api-resources: the resources the cluster serves (discovery's preferred versions), filtered by
 * --namespaced, --api-group, --verbs, --categories, sorted by group then name (or --sort-by name|kind),
 * printed as NAME SHORTNAMES APIVERSION NAMESPACED KIND (-o wide adds VERBS and CATEGORIES), or as
 * NAME[.GROUP] with -o name. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go
 * (RunAPIResources, sortableResource) and print_flags.go (HumanReadablePrinter, NamePrinter).
 */
import { groupVersionOf, SERVED_RESOURCES, type ServedResource } from '../../sim/apiserver/discovery';
import { formatTable } from '../print/table';
import { err, out, type CommandContext, type CommandResult } from '../types';
import { parseFlags, splitCsv } from './flags';

const SPEC = {
  valued: { '-o': 'output', '--output': 'output', '--api-group': 'api-group', '--sort-by': 'sort-by', '--verbs': 'verbs', '--categories': 'categories' },
  repeated: new Set(['verbs', 'categories']),
  bool: { '--no-headers': 'no-headers', '--cached': 'cached' },
};

/** Go's strconv.ParseBool, as pflag's bool flag reads `--namespaced=VALUE`. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** Go's strings.Compare order on the sort key, then the name (sortableResource.Less), kept stable. */
function sortResources(list: ServedResource[], by: string): ServedResource[] {
  const key = (x: ServedResource) => (by === 'name' ? x.name : by === 'kind' ? x.kind : x.group);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => cmp(key(a.x), key(b.x)) || cmp(a.x.name, b.x.name) || a.i - b.i)
    .map((e) => e.x);
}

export function kubectlApiResources(args: string[], _ctx: CommandContext): CommandResult {
  // --namespaced is a bool flag: only --namespaced or --namespaced=VALUE set it.
  let namespaced: boolean | undefined;
  const rest: string[] = [];
  for (const a of args) {
    if (a === '--namespaced' || a.startsWith('--namespaced=')) {
      const v = a === '--namespaced' ? 'true' : a.slice('--namespaced='.length);
      const b = parseBool(v);
      if (b === undefined) {
        return err(`Error: invalid argument "${v}" for "--namespaced" flag: strconv.ParseBool: parsing "${v}": invalid syntax\nSee 'kubectl api-resources --help' for usage.\n`);
      }
      namespaced = b;
    } else rest.push(a);
  }
  const parsed = parseFlags(rest, SPEC, 'kubectl api-resources');
  if (parsed.error) return err(parsed.error);
  if (parsed.positional.length) {
    return err(`error: unexpected arguments: [${parsed.positional.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples\n`);
  }
  const output = parsed.flags.output ?? '';
  // Validate (checked with the real kubectl client): only wide and name besides the table.
  if (!['', 'wide', 'name'].includes(output)) return err(`error: --output ${output} is not available\n`);
  const sortBy = parsed.flags['sort-by'] ?? '';
  if (!['', 'name', 'kind'].includes(sortBy)) return err('error: --sort-by accepts only name or kind\n');
  const group = parsed.flags['api-group'];
  const verbs = splitCsv(parsed.flags.verbs ?? '');
  const categories = splitCsv(parsed.flags.categories ?? '');
  const chosen = SERVED_RESOURCES.filter(
    (res) =>
      (group === undefined || res.group === group) &&
      (namespaced === undefined || res.namespaced === namespaced) &&
      verbs.every((v) => res.verbs.includes(v)) &&
      categories.every((c) => res.categories.includes(c)),
  );
  const sorted = sortResources(chosen, sortBy);
  if (output === 'name') return out(sorted.map((res) => `${res.name}${res.group ? '.' + res.group : ''}\n`).join(''));
  const wide = output === 'wide';
  const rows: string[][] = [];
  if (!parsed.bools.has('no-headers')) rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]);
  for (const res of sorted) {
    const row = [res.name, res.shortNames.join(','), groupVersionOf(res), String(res.namespaced), res.kind];
    if (wide) row.push(res.verbs.join(','), res.categories.join(','));
    rows.push(row);
  }
  return out(formatTable(rows));
}
