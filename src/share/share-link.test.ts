import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url';
import { buildShareUrl, decodeFragment, encodeFragment, MAX_JSON_BYTES, MAX_LINK_CHARS } from './share-link';
import type { ShareState } from './share-state';

const SAMPLE: ShareState = {
  scenario: { yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: client}\n', clusterConfig: 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n', seed: 7 },
  savedRequests: [{ from: 'default/client', url: 'http://web/', name: 'web' }, { from: 'workstation', url: 'http://172.18.0.3:30080/', name: 'nodePort' }],
  request: { from: 'default/client', url: 'http://web/' },
  hop: 3,
  view: { selected: 'svc:default/web', presenter: true, theme: 'dark', tableView: false },
};

/** A fragment whose payload is `text`, deflated as a v1 link would be. */
const fragmentOf = (text: string, version = 1): string => `#v${version}=${toBase64Url(deflateRawSync(Buffer.from(text)))}`;

async function errorKind(fragment: string): Promise<string> {
  const r = await decodeFragment(fragment);
  expect(r.ok).toBe(false);
  return r.ok ? 'ok' : r.error.kind;
}

describe('share links', () => {
  it('round-trips a state through the fragment', async () => {
    const fragment = await encodeFragment(SAMPLE);
    expect(fragment).toMatch(/^v2=[A-Za-z0-9_-]+$/);
    const r = await decodeFragment(`#${fragment}`);
    expect(r).toEqual({ ok: true, state: SAMPLE, version: 2 });
  });

  it('decodes a v1 link written by hand (old links keep opening)', async () => {
    const r = await decodeFragment(fragmentOf(JSON.stringify(SAMPLE)));
    expect(r.ok && r.state).toEqual(SAMPLE);
  });

  it('builds a full URL, and refuses one over the length limit with a message', async () => {
    const ok = await buildShareUrl('http://127.0.0.1:4173/', SAMPLE);
    expect(ok.ok && ok.url.startsWith('http://127.0.0.1:4173/#v2=')).toBe(true);
    // Random-looking YAML does not compress: the link grows past the limit.
    let noise = '';
    for (let i = 0; noise.length < MAX_LINK_CHARS * 2; i++) noise += ((i * 2654435761) >>> 0).toString(36);
    const long = await buildShareUrl('http://x/', { ...SAMPLE, scenario: { ...SAMPLE.scenario, yaml: noise } });
    expect(long.ok).toBe(false);
    expect(!long.ok && long.error.kind).toBe('too-long');
    expect(!long.ok && long.error.message).toMatch(/8,000/);
  });

  it('names every kind of corruption', async () => {
    expect(await errorKind('#hello')).toBe('not-a-share-link');
    expect(await errorKind('#v99=abc')).toBe('unknown-version');
    expect(await errorKind('#v1=a+b/c')).toBe('bad-base64');
    expect(await errorKind('#v1=a')).toBe('bad-base64');
    expect(await errorKind('#v1=')).toBe('bad-base64');
    expect(await errorKind(`#v1=${toBase64Url(new Uint8Array([0xff, 0xfe, 0x00, 0x12]))}`)).toBe('bad-compression');
    const good = await encodeFragment(SAMPLE);
    expect(await errorKind(`#${good.slice(0, good.length - 10)}`)).toMatch(/bad-compression|bad-base64/);
    expect(await errorKind(fragmentOf('{"scenario":'))).toBe('bad-json');
    expect(await errorKind(`#v1=${toBase64Url(deflateRawSync(Buffer.from([0xc3, 0x28])))}`)).toBe('bad-json');
    expect(await errorKind(fragmentOf('42'))).toBe('bad-shape');
    expect(await errorKind(fragmentOf(JSON.stringify({ ...SAMPLE, hop: 'three' })))).toBe('bad-shape');
    expect(await errorKind(fragmentOf(JSON.stringify({ ...SAMPLE, scenario: { ...SAMPLE.scenario, seed: -1 } })))).toBe('bad-shape');
    expect(await errorKind(fragmentOf(JSON.stringify({ ...SAMPLE, view: { ...SAMPLE.view, theme: 'neon' } })))).toBe('bad-shape');
    expect(await errorKind(`#v1=${'A'.repeat(MAX_LINK_CHARS + 1)}`)).toBe('too-long');
  });

  it('says which field is wrong', async () => {
    const r = await decodeFragment(fragmentOf(JSON.stringify({ ...SAMPLE, savedRequests: [{ from: 1, url: 'x', name: 'n' }] })));
    expect(!r.ok && r.error.message).toMatch(/savedRequests\[0\]\.from/);
  });

  it('refuses a compression bomb without inflating it all', async () => {
    const bomb = fragmentOf(`"${' '.repeat(MAX_JSON_BYTES * 4)}"`);
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(await errorKind(bomb)).toBe('too-large');
  });

  it('refuses fields over their size limits and too many saved requests', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ from: 'workstation', url: 'http://a/', name: `r${i}` }));
    expect(await errorKind(fragmentOf(JSON.stringify({ ...SAMPLE, savedRequests: many })))).toBe('bad-shape');
    const longUrl = { ...SAMPLE, request: { from: 'workstation', url: 'h'.repeat(3000) } };
    expect(await errorKind(fragmentOf(JSON.stringify(longUrl)))).toBe('bad-shape');
  });

  it('ignores fields it does not know (a hand-edited link still opens)', async () => {
    const r = await decodeFragment(fragmentOf(`${JSON.stringify(SAMPLE).slice(0, -1)},"extra":[1,2,3],"__proto__":{"hop":"x"}}`));
    expect(r.ok && r.state).toEqual(SAMPLE);
  });
});

describe('share links made inside a lesson (v2)', () => {
  it('carry the lesson and its step; a v1 link never has one', async () => {
    const state = { ...SAMPLE, lesson: { id: 'why-services', step: 2 } };
    const r = await decodeFragment(`#${await encodeFragment(state)}`);
    expect(r.ok && r.state.lesson).toEqual({ id: 'why-services', step: 2 });
    const v1 = `#v1=${toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(state))))}`;
    const old = await decodeFragment(v1);
    expect(old.ok && old.state.lesson).toBeUndefined();
  });

  it('refuse a lesson id that is no id', async () => {
    const bad = `#v2=${toBase64Url(deflateRawSync(Buffer.from(JSON.stringify({ ...SAMPLE, lesson: { id: '../x', step: 0 } }))))}`;
    const r = await decodeFragment(bad);
    expect(r.ok).toBe(false);
  });
});
