// ConfigMap and Secret through the API server: k/k pkg/apis/core/validation/validation.go (ValidateConfigMap,
// ValidateSecret), apimachinery pkg/util/validation/validation.go (IsConfigMapKey), pkg/apis/core/v1/conversion.go
// (stringData folded into data), defaults.go (SetDefaults_Secret: Opaque), encoding/json's errors for []byte.
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, base64OfText, utf8Bytes, utf8Text } from '../model/base64';
import { applyOne, newSim } from '../test-helpers';

const cm = (data: string, name = 'c') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${data}`;
const secret = (body: string, name = 's') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\n${body}`;

describe('ConfigMap and Secret on the write path', () => {
  it('creates, keeps and reports unchanged / configured as other kinds', () => {
    const sim = newSim();
    expect(applyOne(sim, cm('data:\n  a: "1"\n'))).toBe('configmap/c created');
    expect(applyOne(sim, cm('data:\n  a: "1"\n'))).toBe('configmap/c unchanged');
    expect(applyOne(sim, cm('data:\n  b: "2"\n'))).toBe('configmap/c configured');
    expect(sim.cluster.store.get('ConfigMap', 'default', 'c')!.data).toEqual({ b: '2' });
  });

  it('rejects a bad key with IsConfigMapKey\'s words, on data[KEY]', () => {
    expect(applyOne(newSim(), cm('data:\n  b@d: x\n'))).toBe(
      `The ConfigMap "c" is invalid: data[b@d]: Invalid value: "b@d": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
    expect(applyOne(newSim(), cm('data:\n  ..x: y\n'))).toBe(`The ConfigMap "c" is invalid: data[..x]: Invalid value: "..x": must not start with '..'`);
    expect(applyOne(newSim(), secret('stringData:\n  .: y\n'))).toBe(`The Secret "s" is invalid: data[.]: Invalid value: ".": must not be '.'`);
  });

  it('a ConfigMap value that is not a string cannot be decoded (kubectl sends YAML as JSON)', () => {
    expect(applyOne(newSim(), cm('data:\n  n: 2\n'))).toBe(
      'Error from server (BadRequest): error when creating "app.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it('Secret: stringData is folded into data as base64 and dropped; type defaults to Opaque', () => {
    const sim = newSim();
    expect(applyOne(sim, secret('data:\n  user: YWRtaW4=\nstringData:\n  password: hunter2\n'))).toBe('secret/s created');
    const s = sim.cluster.store.get('Secret', 'default', 's')!;
    expect(s.data).toEqual({ user: 'YWRtaW4=', password: 'aHVudGVyMg==' });
    expect(s.type).toBe('Opaque');
  });

  it('Secret data that is not base64 is the decoder\'s error; basic-auth needs a username or password', () => {
    expect(applyOne(newSim(), secret('data:\n  a: "abc!"\n'))).toBe(
      'Error from server (BadRequest): error when creating "app.yaml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
    expect(applyOne(newSim(), secret('type: kubernetes.io/basic-auth\n'))).toBe(
      'The Secret "s" is invalid: \n* data[username]: Required value: either username or password is required\n* data[password]: Required value: either username or password is required',
    );
  });

  it('unknown fields are strict decoding errors', () => {
    expect(applyOne(newSim(), cm('datas:\n  a: b\n'))).toBe(
      'Error from server (BadRequest): error when creating "app.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datas"',
    );
  });
});

describe('base64 and UTF-8 without TextEncoder', () => {
  it('matches Go base64.StdEncoding on the RFC 4648 vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, enc] of vectors) {
      expect(base64OfText(plain)).toBe(enc);
      const d = base64Decode(enc);
      expect(d.ok && utf8Text(d.bytes)).toBe(plain);
    }
  });

  it('round-trips UTF-8 and reports the first bad byte as Go does', () => {
    expect(base64OfText('héllo')).toBe('aMOpbGxv');
    expect(utf8Text(utf8Bytes('日本 🙂'))).toBe('日本 🙂');
    expect(base64Encode([0xff, 0xfe])).toBe('//4=');
    expect(base64Decode('abc')).toEqual({ ok: false, at: 0 });
    expect(base64Decode('Zm9vYg')).toEqual({ ok: false, at: 4 });
    expect(base64Decode('Zm9v!')).toEqual({ ok: false, at: 4 });
  });
});
