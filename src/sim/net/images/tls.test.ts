// curl's certificate checks with OpenSSL (lib/vtls/openssl.c: "SSL certificate problem: %s" with
// X509_verify_cert_error_string(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT) = "self-signed certificate";
// ossl_verifyhost's CN fallback when there is no subjectAltName).
import { describe, expect, it } from 'vitest';
import { PREPARED_FILES } from '../../../shell/prepared-files';
import { certificateCN, verifyTls } from './tls';

const CERT = PREPARED_FILES.get('/tmp/nginx.crt')!;

describe('TLS as curl checks it', () => {
  it('reads the subject CN of the tutorial certificate (openssl -subj "/CN=my-nginx/O=my-nginx")', () => {
    expect(certificateCN(CERT)).toBe('my-nginx');
    expect(certificateCN('not a certificate')).toBeUndefined();
  });

  it('self-signed: refused without -k, trusted with it or with the same certificate as --cacert, then the name counts', () => {
    const server = { certificate: CERT, serverVersion: '1.27.3' };
    expect(verifyTls(server, 'my-nginx')).toMatchObject({ ok: false, code: 60, message: 'SSL certificate problem: self-signed certificate' });
    expect(verifyTls(server, '10.96.0.7', { insecure: true })).toEqual({ ok: true });
    expect(verifyTls(server, 'my-nginx', { caCert: CERT })).toEqual({ ok: true });
    expect(verifyTls(server, '10.96.0.7', { caCert: CERT })).toMatchObject({ ok: false, code: 60, message: "SSL: certificate subject name 'my-nginx' does not match target hostname '10.96.0.7'" });
  });

  it('a port that does not speak TLS fails the handshake (35)', () => {
    expect(verifyTls(undefined, 'web', { insecure: true })).toMatchObject({ ok: false, code: 35 });
  });
});
