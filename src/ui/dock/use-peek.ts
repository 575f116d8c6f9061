/** The text of a read-only command, fetched again whenever the cluster changes. */
import { useEffect, useState } from 'react';
import { peekLine } from '../app/sim-actions';
import { useClusterStore } from '../stores/cluster-store';

export function usePeek(line: string | null): string | null {
  const snapshot = useClusterStore((s) => s.snapshot);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (!line) return;
    let live = true;
    void peekLine(line).then((t) => live && setText(t));
    return () => {
      live = false;
    };
  }, [line, snapshot]);
  return line ? text : null;
}
