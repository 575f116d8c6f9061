/**
 * kubectl create secret tls NAME --cert=PATH --key=PATH (kubectl pkg/cmd/create/create_secret_tls.go):
 * both flags required, the certificate read first, then the key; the pair checked as Go's
 * tls.X509KeyPair reads PEM (its error texts). The Secret is type kubernetes.io/tls with data
 * tls.crt and tls.key. Departure: whether the key matches the certificate's public key is not checked.
 */
import { base64OfText } from '../../sim/model/base64';
import { err, type CommandContext, type CommandResult } from '../types';
import { NAMESPACE_FLAGS, parseFlags } from './flags';
import { SUBMIT_FLAGS, submitManifest, submitOptions } from './submit';

const SPEC = { valued: { ...NAMESPACE_FLAGS, ...SUBMIT_FLAGS, '--cert': 'cert', '--key': 'key' }, bool: {} };

const pemBlocks = (text: string): string[] => [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1]!);

/** crypto/tls X509KeyPair's PEM checks, in its order. */
function keyPairError(cert: string, key: string): string | undefined {
  if (!pemBlocks(cert).includes('CERTIFICATE')) return 'tls: failed to find any PEM data in certificate input';
  const blocks = pemBlocks(key);
  if (blocks.some((b) => b === 'PRIVATE KEY' || b.endsWith(' PRIVATE KEY'))) return undefined;
  if (blocks.length) return 'tls: found a certificate rather than a key in the PEM for the private key';
  return 'tls: failed to find any PEM data in key input';
}

export function createSecretTls(args: string[], ctx: CommandContext): CommandResult {
  const p = parseFlags(args, SPEC, 'kubectl create secret tls');
  if (p.error) return err(p.error);
  const opts = submitOptions(p.flags);
  if ('error' in opts) return err(opts.error);
  if (p.positional.length !== 1) return err(`error: exactly one NAME is required, got ${p.positional.length}\nSee 'kubectl create secret tls -h' for help and examples\n`);
  const certPath = p.flags.cert;
  const keyPath = p.flags.key;
  if (!certPath || !keyPath) return err('error: key and cert must be specified\n');
  const cert = ctx.env.readFile(certPath);
  if (cert === undefined) return err(`error: Cannot read file ${certPath}, open ${certPath}: no such file or directory\n`);
  const key = ctx.env.readFile(keyPath);
  if (key === undefined) return err(`error: Cannot read file ${keyPath}, open ${keyPath}: no such file or directory\n`);
  const problem = keyPairError(cert, key);
  if (problem) return err(`error: ${problem}\n`);
  const metadata = { name: p.positional[0]!, ...(p.flags.namespace ? { namespace: p.flags.namespace } : {}) };
  const manifest = { apiVersion: 'v1', kind: 'Secret', metadata, data: { 'tls.crt': base64OfText(cert), 'tls.key': base64OfText(key) }, type: 'kubernetes.io/tls' };
  return submitManifest(ctx, manifest, 'created', opts);
}
