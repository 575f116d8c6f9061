/**
 * Share links: `#v2=<base64url(deflate-raw(JSON))>` in the URL fragment, so
 * nothing reaches a server. Versioned like the TypeScript Playground's and
 * Compiler Explorer's links: every version ever written keeps a decoder
 * here that turns it into today's ShareState, so old links keep opening.
 */
import { fromBase64Url, toBase64Url } from './base64url';
import { deflateRaw, inflateRaw, TooLargeError } from './deflate';
import { shareError, type ShareError } from './share-error';
import { checkShareState, ShapeError, type ShareState } from './share-state';

/** The longest link the app makes or opens (browsers, chat tools and QR codes cope with this). */
export const MAX_LINK_CHARS = 8000;
/** The most JSON a link may inflate to. */
export const MAX_JSON_BYTES = 512 * 1024;

export const CURRENT_VERSION = 2;

export type DecodeResult = { ok: true; state: ShareState; version: number } | { ok: false; error: ShareError };
export type EncodeResult = { ok: true; url: string } | { ok: false; error: ShareError };

/** One decoder per version that was ever written: parsed JSON in, today's ShareState out. Never remove one. */
const DECODERS: Record<number, (json: unknown) => ShareState> = {
  // v1: ShareState as first defined, without a lesson (one written by hand is dropped).
  1: (json) => {
    const { lesson: _lesson, ...v1 } = checkShareState(json);
    return v1;
  },
  // v2 adds `lesson`: a link made inside a lesson reopens it at its step.
  2: checkShareState,
};

export async function encodeFragment(state: ShareState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return `v${CURRENT_VERSION}=${toBase64Url(await deflateRaw(json))}`;
}

/** The full link to `base` (no fragment, e.g. origin + path + search) that opens `state`, unless it would be too long. */
export async function buildShareUrl(base: string, state: ShareState): Promise<EncodeResult> {
  const url = `${base}#${await encodeFragment(state)}`;
  if (url.length > MAX_LINK_CHARS) {
    return { ok: false, error: { kind: 'too-long', message: `The link would be ${url.length.toLocaleString('en')} characters, over the ${MAX_LINK_CHARS.toLocaleString('en')} a share link may have: shorten the scenario (or remove saved requests) to share it.` } };
  }
  return { ok: true, url };
}

/** True when a fragment is empty: the page was opened without a link. */
export const isEmptyFragment = (fragment: string): boolean => fragment.replace(/^#/, '') === '';

/** Decodes a URL fragment (with or without the `#`). Never throws: every failure is a typed error. */
export async function decodeFragment(fragment: string): Promise<DecodeResult> {
  try {
    return await decode(fragment);
  } catch {
    return { ok: false, error: shareError('bad-json') };
  }
}

async function decode(fragment: string): Promise<DecodeResult> {
  const text = fragment.replace(/^#/, '');
  if (text.length > MAX_LINK_CHARS) return { ok: false, error: shareError('too-long') };
  const m = /^v(\d{1,6})=(.*)$/s.exec(text);
  if (!m) return { ok: false, error: shareError('not-a-share-link') };
  const version = Number(m[1]);
  const decoder = DECODERS[version];
  if (!decoder) return { ok: false, error: shareError('unknown-version', `version ${version} is not one this app knows`) };
  const bytes = fromBase64Url(m[2]!);
  if (!bytes || bytes.length === 0) return { ok: false, error: shareError('bad-base64') };
  let inflated: Uint8Array;
  try {
    inflated = await inflateRaw(bytes, MAX_JSON_BYTES);
  } catch (e) {
    return { ok: false, error: shareError(e instanceof TooLargeError ? 'too-large' : 'bad-compression') };
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return { ok: false, error: shareError('bad-json') };
  }
  try {
    return { ok: true, state: decoder(json), version };
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, error: shareError('bad-shape', e.message) };
    throw e;
  }
}
