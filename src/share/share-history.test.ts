import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url';
import { decodeFragment, encodeFragment } from './share-link';
import type { ShareState } from './share-state';

const STATE: ShareState = {
  scenario: { yaml: 'apiVersion: v1\nkind: Pod\n', clusterConfig: null, seed: 3 },
  savedRequests: [],
  request: { from: 'default/client', url: 'http://web/' },
  hop: 2,
  history: [
    { op: 'apply', yaml: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n' },
    { op: 'run', line: 'kubectl get pods' },
    { op: 'advance', seconds: 30 },
    { op: 'send', request: { from: 'workstation', url: 'http://172.18.0.3:30080/' }, count: 100 },
    { op: 'trace', request: { from: 'default/client', url: 'http://web/' } },
  ],
  traceOp: 4,
  view: { selected: null, presenter: false, theme: 'system', tableView: false },
};

const linkOf = (json: unknown) => `#v1=${toBase64Url(deflateRawSync(Buffer.from(JSON.stringify(json))))}`;

describe('share links with a session history', () => {
  it('round-trip the ops and the index of the trace shown', async () => {
    const decoded = await decodeFragment(await encodeFragment(STATE));
    expect(decoded.ok && decoded.state).toEqual(STATE);
  });

  it('still open without a history (older links)', async () => {
    const { history: _h, traceOp: _t, ...old } = STATE;
    const decoded = await decodeFragment(linkOf(old));
    expect(decoded.ok && decoded.state.history).toBeUndefined();
  });

  it('name the bad op of a hostile history', async () => {
    const bad = { ...STATE, history: [{ op: 'run', line: 'ok' }, { op: 'format-disk' }] };
    const decoded = await decodeFragment(linkOf(bad));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error.message).toMatch(/history\[1\]\.op/);
  });

  it('refuse a history longer than its limit', async () => {
    const huge = { ...STATE, history: Array.from({ length: 2001 }, () => ({ op: 'advance', seconds: 1 })) };
    const decoded = await decodeFragment(linkOf(huge));
    expect(!decoded.ok && decoded.error.message).toMatch(/history has more than 2000 entries/);
  });
});
