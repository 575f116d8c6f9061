/**
 * kubectl events (staging/src/k8s.io/kubectl/pkg/cmd/events): the events oldest first by
 * their last time (eventTime for events.k8s.io ones), OBJECT as Kind/name, repeats as
 * "2m (x5 over 10m)"; --for TYPE/NAME and --types=Normal,Warning filter them.
 */
import type { EventView } from '../../sim/events/event-log';
import { formatTable } from '../print/table';
import { err, type CommandContext, type CommandResult, type OutputChunk } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { byName, eventAge, NEW_API_COMPONENTS } from './get-events';
import { kindOf, unknownResource } from './resources';

const SPEC = {
  valued: { ...NAMESPACE_FLAGS, '--for': 'for', '--types': 'types' },
  bool: { '-A': 'all-namespaces', '--all-namespaces': 'all-namespaces', '--no-headers': 'no-headers', '-w': 'watch', '--watch': 'watch' },
};

/** The time events.go sorts by: the last time, or the eventTime of an events.k8s.io event. */
const sortTime = (v: EventView) => (NEW_API_COMPONENTS.has(v.event.source.component) ? v.firstTimestamp : v.lastTimestamp);

export function kubectlEvents(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl events');
  if (p.error) return err(p.error);
  const types = (p.flags.types ?? '').split(',').filter(Boolean);
  if (types.some((t) => !/^(normal|warning)$/i.test(t))) return err('error: valid --types are Normal or Warning\n');
  let forKind: string | undefined;
  let forName: string | undefined;
  if (p.flags.for !== undefined) {
    const [type, name, extra] = p.flags.for.split('/');
    if (name === undefined) return err('error: --for must be in resource/name form\n');
    if (extra !== undefined) return err('error: arguments in resource/name form may not have more than one slash\n');
    const kind = kindOf(type!);
    if (!kind) return err(unknownResource(type!));
    [forKind, forName] = [kind, name];
  }
  const all = p.bools.has('all-namespaces');
  const namespace = p.flags.namespace ?? 'default';
  const now = ctx.sim.cluster.clock.now();
  const views = ctx.sim.cluster.events
    .list(now, all ? undefined : namespace)
    .filter((v) => (forKind === undefined || (v.event.subject.kind === forKind && v.event.subject.metadata.name === forName)) && (types.length === 0 || types.some((t) => t.toLowerCase() === v.event.type.toLowerCase())))
    .sort(byName);
  if (views.length === 0) return err(all ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`, 0);
  // Sorted stably by time, so events of the same moment keep the server's (name) order.
  const sorted = views.map((v, i) => ({ v, i })).sort((a, b) => sortTime(a.v) - sortTime(b.v) || a.i - b.i).map((x) => x.v);
  const rows: string[][] = p.bools.has('no-headers') ? [] : [[...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']];
  for (const v of sorted) {
    const e = v.event;
    rows.push([...(all ? [e.subject.metadata.namespace ?? 'default'] : []), eventAge(v, now), e.type, e.reason, `${e.subject.kind}/${e.subject.metadata.name}`, e.message.trim()]);
  }
  const chunks: OutputChunk[] = [{ stream: 'out', text: formatTable(rows) }];
  return { chunks, exitCode: 0 };
}
