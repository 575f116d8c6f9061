/**
 * What an https:// client makes of the certificate a server in a pod presents. The
 * certificates in the simulation are self-signed (the tutorial's `openssl req -x509`), so
 * the client's default CA bundle never trusts them: curl fails with OpenSSL's
 * X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, "self-signed certificate" (curl lib/vtls/openssl.c:
 * "SSL certificate problem: %s", CURLE_PEER_FAILED_VERIFICATION 60). Trusted through --cacert,
 * the name is checked next: without subjectAltName the subject's CN must equal the host
 * (lib/vtls/openssl.c ossl_verifyhost: "SSL: certificate subject name '%s' does not match
 * target hostname '%s'"). A server that does not speak TLS on the port fails the handshake
 * (CURLE_SSL_CONNECT_ERROR 35, OpenSSL's "wrong version number").
 */
import { base64Decode } from '../../model/base64';
import type { TlsConfig } from './http';

export type TlsVerdict = { ok: true } | { ok: false; code: number; message: string; why: string };

const CN_OID = [0x06, 0x03, 0x55, 0x04, 0x03];

/** The DER bytes of a PEM certificate's first block. */
function derOf(pem: string): number[] | undefined {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) return undefined;
  const d = base64Decode(m[1]!.replace(/\s+/g, ''));
  return d.ok ? d.bytes : undefined;
}

/** The subject's commonName: the last CN in the certificate (the issuer's comes first). */
export function certificateCN(pem: string): string | undefined {
  const der = derOf(pem);
  if (!der) return undefined;
  let cn: string | undefined;
  for (let i = 0; i + CN_OID.length + 2 < der.length; i++) {
    if (!CN_OID.every((b, j) => der[i + j] === b)) continue;
    const at = i + CN_OID.length;
    const len = der[at + 1]!;
    if (len >= 0x80) continue;
    cn = String.fromCharCode(...der.slice(at + 2, at + 2 + len));
  }
  return cn;
}

function sameCertificate(a: string, b: string): boolean {
  const x = derOf(a);
  const y = derOf(b);
  return !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i]);
}

/** The handshake and verification, as curl (OpenSSL) does them. */
export function verifyTls(server: TlsConfig | undefined, host: string, client: { insecure?: boolean; caCert?: string } = {}): TlsVerdict {
  if (!server || !server.certificate) {
    return { ok: false, code: 35, message: 'TLS connect error: error:0A00010B:SSL routines::wrong version number', why: 'Nothing on this port speaks TLS: the server answers the ClientHello as plain HTTP and the handshake fails.' };
  }
  if (client.insecure) return { ok: true };
  if (!client.caCert || !sameCertificate(client.caCert, server.certificate)) {
    return { ok: false, code: 60, message: 'SSL certificate problem: self-signed certificate', why: 'The server presents a self-signed certificate: no CA the client trusts signed it. curl -k skips the check; --cacert with this very certificate makes the client trust it.' };
  }
  const cn = certificateCN(server.certificate) ?? '';
  if (cn.toLowerCase() !== host.toLowerCase()) {
    return { ok: false, code: 60, message: `SSL: certificate subject name '${cn}' does not match target hostname '${host}'`, why: `The certificate is trusted, but it was made for ${cn} (its CN, with no subjectAltName) and the client asked for ${host}.` };
  }
  return { ok: true };
}
