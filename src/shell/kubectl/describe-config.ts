/**
 * describe layouts for ConfigMaps and Secrets. Mirrors kubectl pkg/describe/describe.go
 * (ConfigMapDescriber: every data key, a "----" rule, the value and a blank line, then
 * BinaryData with byte counts and the events; SecretDescriber: the type, then each key's
 * byte count, no values and no events). Go ranges over the maps in random order; the
 * simulator prints keys sorted.
 */
import { base64Decode, utf8Text } from '../../sim/model/base64';
import type { ConfigMap, Secret } from '../../sim/model/types';
import { annotationLines, mapLines } from './describe';

const bytesOf = (b64: string) => {
  const d = base64Decode(b64);
  return d.ok ? d.bytes.length : 0;
};

export function describeConfigMap(cm: ConfigMap, events: string[]): string[] {
  const lines = [`Name:\t${cm.metadata.name}`, `Namespace:\t${cm.metadata.namespace}`, ...mapLines('Labels', cm.metadata.labels), ...annotationLines(cm), '', 'Data', '===='];
  const data = cm.data ?? {};
  for (const k of Object.keys(data).sort()) lines.push(`${k}:`, '----', `${data[k]}`, '');
  lines.push('', 'BinaryData', '====');
  const bin = cm.binaryData ?? {};
  for (const k of Object.keys(bin).sort()) lines.push(`${k}: ${bytesOf(bin[k]!)} bytes`);
  lines.push('');
  return [...lines, ...events];
}

export function describeSecret(s: Secret): string[] {
  const lines = [`Name:\t${s.metadata.name}`, `Namespace:\t${s.metadata.namespace}`, ...mapLines('Labels', s.metadata.labels), ...annotationLines(s), '', `Type:\t${s.type}`, '', 'Data', '===='];
  const data = s.data ?? {};
  for (const k of Object.keys(data).sort()) {
    // A service account token is the one value describe shows.
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') {
      const d = base64Decode(data[k]!);
      lines.push(`${k}:\t${d.ok ? utf8Text(d.bytes) : ''}`);
    } else lines.push(`${k}:\t${bytesOf(data[k]!)} bytes`);
  }
  return lines;
}
