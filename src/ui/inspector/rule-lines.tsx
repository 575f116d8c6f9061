/**
 * A hop's rules or records, one per line as the tool prints them, the line(s) that
 * decided the hop marked. Long rules wrap between tokens with a hanging indent.
 */
import type { Hop } from '../../sim/view/snapshot';

// Each token unbreakable (iptables' "KUBE-SVC-…" has hyphens a browser would break at):
// a long rule wraps only at its spaces and tabs.
function tokens(line: string) {
  return line.split(/([ \t]+)/).map((t, i) => (i % 2 === 1 || t === '' ? t : <span key={i} className="rule-token">{t}</span>));
}

export function RuleLines({ decidedBy }: { decidedBy: NonNullable<Hop['decidedBy']> }) {
  const matched = new Set(decidedBy.matched ?? []);
  // Marking every line says nothing: records and sockets decide together.
  const marks = matched.size > 0 && matched.size < decidedBy.lines.length;
  return (
    <ol className="rule-lines" aria-label="Rules and records">
      {decidedBy.lines.map((line, i) => {
        const hit = marks && matched.has(i);
        return (
          <li key={i} className={hit ? 'rule-line is-matched' : 'rule-line'} aria-current={hit ? 'true' : undefined}>
            {hit && <span className="sr-only">Decided here: </span>}
            {tokens(line)}
          </li>
        );
      })}
    </ol>
  );
}
