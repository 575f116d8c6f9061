/**
 * kubectl edit holds the terminal until its editor saves. This shell runs a line to its end
 * at once, so the editor opens only for a kubectl edit that is the whole line: within a list,
 * a pipeline, a loop or $(...) the rest of the line would have to wait for the editor too.
 * A deliberate departure, said to the learner in WHOLE_LINE_ONLY.
 */
import type { List, Node } from './parse/parse';

export const WHOLE_LINE_ONLY = 'error: this simulator opens the editor of "kubectl edit" only when kubectl edit is the whole command line\n';

/** The simple command that is the whole line, if the line is one. */
export function wholeLineCommand(tree: List): Node | undefined {
  if (tree.length !== 1) return undefined;
  const pipeline = tree[0]!.pipeline;
  if (pipeline.length !== 1) return undefined;
  const node = pipeline[0]!;
  return node.kind === 'simple' ? node : undefined;
}
