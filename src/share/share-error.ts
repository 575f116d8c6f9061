/** Why a link could not be opened: a typed value, never an exception in the UI. */

export type ShareErrorKind =
  | 'too-long'
  | 'not-a-share-link'
  | 'unknown-version'
  | 'bad-base64'
  | 'bad-compression'
  | 'too-large'
  | 'bad-json'
  | 'bad-shape';

export interface ShareError {
  kind: ShareErrorKind;
  /** One sentence for the learner. */
  message: string;
}

const MESSAGES: Record<ShareErrorKind, string> = {
  'too-long': 'This link is too long to be a share link.',
  'not-a-share-link': 'The part of the address after # is not a share link.',
  'unknown-version': 'This share link was made by a newer version of the app, or is damaged.',
  'bad-base64': 'This share link is damaged (it has characters a share link never holds, or was cut short).',
  'bad-compression': 'This share link is damaged (its compressed data does not unpack).',
  'too-large': 'This share link unpacks to more data than a scenario may hold.',
  'bad-json': 'This share link is damaged (its contents are not readable).',
  'bad-shape': 'This share link holds something other than a scenario.',
};

export function shareError(kind: ShareErrorKind, detail?: string): ShareError {
  const base = MESSAGES[kind];
  return { kind, message: detail ? `${base.replace(/\.$/, '')}: ${detail}.` : base };
}
