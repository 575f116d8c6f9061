/**
 * Long DNS names and addresses wrap where a reader expects (after a dot, a slash or a colon),
 * not in the middle of a label: a <wbr> after each of those, overflow-wrap as the last resort.
 */
import { Fragment, type ReactNode } from 'react';

export function breakable(text: string): ReactNode {
  const parts = text.split(/(?<=[./:])/);
  if (parts.length === 1) return text;
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && <wbr />}
    </Fragment>
  ));
}
