/** Label selectors as typed after -l: "app=web", "app!=web", "tier in (a,b)", "app", "!app". */
import { hasOwn, own } from '../../sim/model/own';
import type { Labels } from '../../sim/model/types';

type Requirement = (labels: Labels | undefined) => boolean;

export function parseSelector(text: string): { matches: (labels: Labels | undefined) => boolean } | { error: string } {
  const reqs: Requirement[] = [];
  const parts = text.match(/[^,()]+(\([^)]*\))?/g) ?? [];
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part))) {
      const [, key, op, value] = m as unknown as [string, string, string, string];
      reqs.push(op === '!=' ? (l) => own(l, key) !== value : (l) => own(l, key) === value);
    } else if ((m = /^([\w./-]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      const [, key, op, list] = m as unknown as [string, string, string, string];
      const values = list.split(',').map((v) => v.trim());
      reqs.push(op === 'in' ? (l) => hasOwn(l, key) && values.includes(l![key]!) : (l) => !(hasOwn(l, key) && values.includes(l![key]!)));
    } else if ((m = /^(!?)([\w./-]+)$/.exec(part))) {
      const [, neg, key] = m as unknown as [string, string, string];
      reqs.push(neg ? (l) => !hasOwn(l, key) : (l) => hasOwn(l, key));
    } else {
      return { error: `error: unable to parse requirement: found '${part}', expected: identifier\n` };
    }
  }
  return { matches: (labels) => reqs.every((r) => r(labels)) };
}
