/**
 * ConfigMap and Secret validation with the API server's messages.
 * Mirrors k/k pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateSecret)
 * and apimachinery pkg/util/validation/validation.go (IsConfigMapKey, hasChDirPrefix).
 */
import type { ConfigMap, Secret } from '../model/types';
import { goString, invalid, required, type FieldError } from './field-errors';
import { dns1123SubdomainErrors } from './name-rules';
import { validateObjectMeta } from './validate-meta';

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** IsConfigMapKey: the key names ConfigMaps, Secrets, env and volume items accept. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push('must be no more than 253 characters');
  if (!CONFIG_MAP_KEY.test(key)) {
    errs.push("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** Go iterates maps in random order; the simulator reports keys sorted. */
function keyErrors(data: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(data ?? {}).sort()) for (const msg of configMapKeyErrors(key)) errs.push(invalid(`${path}[${key}]`, goString(key), msg));
  return errs;
}

export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, dns1123SubdomainErrors);
  errs.push(...keyErrors(cm.data, 'data'));
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    if (Object.prototype.hasOwnProperty.call(cm.binaryData ?? {}, key)) errs.push(invalid(`data[${key}]`, goString(key), 'duplicate of key present in binaryData'));
  }
  errs.push(...keyErrors(cm.binaryData, 'binaryData'));
  return errs;
}

/** The byte length of a stored (base64) Secret value. */
function decodedLength(b64: string | undefined): number {
  if (!b64) return 0;
  const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

export function validateSecret(s: Secret): FieldError[] {
  const errs = validateObjectMeta(s.metadata, dns1123SubdomainErrors);
  errs.push(...keyErrors(s.data, 'data'));
  const data = s.data ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  switch (s.type) {
    case 'kubernetes.io/basic-auth':
      if (decodedLength(data.username) === 0 && decodedLength(data.password) === 0) {
        errs.push(required('data[username]', 'either username or password is required'), required('data[password]', 'either username or password is required'));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (decodedLength(data['ssh-privatekey']) === 0) errs.push(required('data[ssh-privatekey]'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.key')) errs.push(required('data[tls.key]'));
      if (!has('tls.crt')) errs.push(required('data[tls.crt]'));
      break;
    default:
      break;
  }
  return errs;
}
