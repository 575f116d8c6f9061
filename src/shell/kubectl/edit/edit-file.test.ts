/**
 * The edit file's helpers, from staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go
 * (editHeader.writeTo, hashOnLineBreak, hasLines) and pkg/cmd/util/helpers.go (ManualStrip,
 * StripComments); the merge patch from evanphx/json-patch merge.go CreateMergePatch.
 */
import { describe, expect, it } from 'vitest';
import { createMergePatch } from './create-merge-patch';
import { EDIT_HEADER, editHeader, hashOnLineBreak, hasLines, manualStrip, stripComments } from './edit-file';

describe('the edit file', () => {
  it('writes each reason as a comment: the head (":" when causes follow), "# * cause" lines, then "#"', () => {
    expect(editHeader([{ head: 'services "web" was not valid', other: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'] }, { head: 'The edited file had a syntax error: x', other: [] }])).toBe(
      `${EDIT_HEADER}# services "web" was not valid:\n# * spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n#\n# The edited file had a syntax error: x\n#\n`,
    );
  });

  it('keeps a multi-line reason commented (hashOnLineBreak)', () => {
    expect(hashOnLineBreak('a\nb\n#c\n')).toBe('a\n# b\n#c\n');
  });

  it('drops comment lines but keeps "#!" (ManualStrip)', () => {
    expect(manualStrip('# x\na: 1\n  # y\n#!keep\nb: 2')).toBe('a: 1\n#!keep\nb: 2');
  });

  it('compares files as JSON, so comments, layout and key order do not count (StripComments)', () => {
    expect(stripComments('# c\nb: 1\na: [1, 2]\n')).toBe(stripComments('a:\n- 1\n- 2\nb: 1\n'));
    expect(stripComments('a: [\n')).toBe('a: [\n');
  });

  it('finds content only outside comments and blanks (hasLines)', () => {
    expect(hasLines('# a\n   \n\t# b\n')).toBe(false);
    expect(hasLines('# a\n x\n')).toBe(true);
  });
});

describe('createMergePatch', () => {
  it('sends what changed, null for what went away, maps key by key, lists whole', () => {
    expect(createMergePatch({ a: 1, b: { c: 1, d: 2 }, l: [1, 2], gone: 'x' }, { a: 1, b: { c: 1, d: 3 }, l: [1, 3], added: true })).toEqual({ b: { d: 3 }, l: [1, 3], gone: null, added: true });
    expect(createMergePatch({ a: 1 }, { a: 1 })).toEqual({});
  });
});
