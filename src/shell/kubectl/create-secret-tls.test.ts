// kubectl create secret tls (kubectl pkg/cmd/create/create_secret_tls.go), checked against the real
// kubectl v1.33 client: `kubectl create secret tls nginxsecret --key nginx.key --cert nginx.crt
// --dry-run=client -o yaml` prints apiVersion, data (tls.crt, tls.key: base64 of the files), kind,
// metadata (creationTimestamp: null, name), type: kubernetes.io/tls; its errors below are the real ones.
import { describe, expect, it } from 'vitest';
import { base64OfText } from '../../sim/model/base64';
import { PREPARED_FILES } from '../prepared-files';
import { testShell } from '../test-shell';

describe('kubectl create secret tls', () => {
  const t = testShell();
  const crt = PREPARED_FILES.get('/tmp/nginx.crt')!;
  const key = PREPARED_FILES.get('/tmp/nginx.key')!;

  it('makes a kubernetes.io/tls Secret from the prepared pair, as the real client prints it', () => {
    expect(t.run('kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt --dry-run=client -o yaml')).toBe(
      `apiVersion: v1\ndata:\n  tls.crt: ${base64OfText(crt)}\n  tls.key: ${base64OfText(key)}\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: nginxsecret\ntype: kubernetes.io/tls\n`,
    );
  });

  it('says what is wrong as kubectl does', () => {
    expect(t.run('kubectl create secret tls x --cert /tmp/nginx.crt')).toBe('error: key and cert must be specified\n');
    expect(t.run('kubectl create secret tls x --key nope.key --cert nope.crt')).toBe('error: Cannot read file nope.crt, open nope.crt: no such file or directory\n');
    expect(t.run('kubectl create secret tls x --key /tmp/nginx.crt --cert /tmp/nginx.crt')).toBe('error: tls: found a certificate rather than a key in the PEM for the private key\n');
    expect(t.run('kubectl create secret tls --key /tmp/nginx.key --cert /tmp/nginx.crt')).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create secret tls -h' for help and examples\n");
  });
});
