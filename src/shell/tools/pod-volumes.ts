/**
 * The directories the kubelet writes volumes into, as a container sees them. Its atomic
 * writer (k/k pkg/volume/util/atomic_writer.go) puts the files in a timestamped directory
 * "..YYYY_MM_DD_HH_MM_SS.<random>" (os.MkdirTemp), points the symlink "..data" at it and
 * makes each top-level name a symlink to "..data/NAME"; ls -a shows all of that.
 * configMap volumes live on the node's disk (directories of 4096 bytes); secret and
 * projected volumes (the service account's kube-api-access-*) on a tmpfs, mounted 1777,
 * where a directory's size is 20 bytes per entry, "." and ".." included (mm/shmem.c
 * BOGO_DIRENT_SIZE). The service account volume holds ca.crt (the kube-root-ca.crt
 * ConfigMap), namespace (downward API) and token (a bound token, a JWT signed by the
 * API server: claims as k/k pkg/serviceaccount/claims.go writes them; the signature here
 * is a stand-in).
 */
import type { Container, Pod } from '../../sim/model/types';
import { simTimeToIso } from '../../sim/clock';
import { sha256, toHex, utf8Bytes } from '../../sim/proxy/hash';
import { CLUSTER_CA_PEM } from '../../sim/controllers/root-ca-publisher';
import type { Simulation } from '../../sim/simulation';
import { base64Encode } from '../../sim/model/base64';

export const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface VolumeDir {
  /** Top-level names, sorted, each a symlink to ..data/NAME. */
  names: string[];
  /** File contents by name (for the sizes the timestamped directory holds). */
  files: Map<string, string>;
  tmpfs: boolean;
  /** When the kubelet wrote it (simulated seconds). */
  at: number;
  /** The timestamped directory's name. */
  tsDir: string;
}

const digest = (text: string) => toHex(sha256(utf8Bytes(text)));

function base64url(bytes: ArrayLike<number>): string {
  return base64Encode(Array.from(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
const b64json = (o: unknown) => base64url(utf8Bytes(JSON.stringify(o)));

/** A deterministic UUID (8-4-4-4-12 hex) standing for one the API server made. */
function uuidOf(seed: string): string {
  const h = digest(seed);
  // Version 4, RFC 4122 variant, as google/uuid's NewRandom makes them.
  const variant = '89ab'[parseInt(h[16]!, 16) % 4]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** atomic_writer.go: MkdirTemp's random suffix is a uint32 in decimal. */
export function timestampDir(at: number, seed: string): string {
  const stamp = simTimeToIso(at).replace(/Z$/, '').replace(/[-T:]/g, '_');
  return `..${stamp}.${parseInt(digest(seed).slice(0, 8), 16)}`;
}

/**
 * The bound token the kubelet asks for (expirationSeconds 3607 from the admission plugin;
 * the API server extends it to a year and warns after the asked hour). Claims are a Go map,
 * so their keys are sorted.
 */
export function serviceAccountToken(sim: Simulation, pod: Pod, at: number): string {
  const ns = pod.metadata.namespace ?? 'default';
  const sa = 'default';
  const iss = `https://kubernetes.default.svc.${sim.config.clusterDomain}`;
  const node = pod.spec.nodeName ? sim.cluster.store.get('Node', undefined, pod.spec.nodeName) : undefined;
  const iat = Math.floor(Date.parse(simTimeToIso(at)) / 1000);
  const header = { alg: 'RS256', kid: base64url(sha256(utf8Bytes('service-account-key'))).slice(0, 43) };
  const claims = {
    aud: [iss],
    exp: iat + 365 * 86400,
    iat,
    iss,
    jti: uuidOf(`jti/${pod.metadata.uid}/${at}`),
    'kubernetes.io': {
      namespace: ns,
      node: { name: pod.spec.nodeName ?? '', uid: node?.metadata.uid ?? '' },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: sa, uid: uuidOf(`sa/${ns}/${sa}`) },
      warnafter: iat + 3607,
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${sa}`,
  };
  let sig = '';
  for (let i = 0; sig.length < 342; i++) sig += base64url(sha256(utf8Bytes(`sig/${pod.metadata.uid}/${i}`)));
  return `${b64json(header)}.${b64json(claims)}.${sig.slice(0, 342)}`;
}

/** The service account volume every pod gets (the ServiceAccount admission plugin's kube-api-access-*). */
export function serviceAccountVolume(sim: Simulation, pod: Pod): VolumeDir {
  const at = pod.status.startTime ?? 0;
  const files = new Map([
    ['ca.crt', CLUSTER_CA_PEM],
    ['namespace', pod.metadata.namespace ?? 'default'],
    ['token', serviceAccountToken(sim, pod, at)],
  ]);
  return { names: [...files.keys()], files, tmpfs: true, at, tsDir: timestampDir(at, `sa/${pod.metadata.uid}`) };
}

/** A file under the service account directory (through its symlinks), or the directory's names. */
export function serviceAccountPath(sim: Simulation, pod: Pod, path: string): { file: string } | { dir: VolumeDir } | undefined {
  const p = path.replace(/\/+$/, '');
  if (p === SA_DIR) return { dir: serviceAccountVolume(sim, pod) };
  if (!p.startsWith(`${SA_DIR}/`)) return undefined;
  const rest = p.slice(SA_DIR.length + 1).replace(/^(\.\.data|\.\.\d{4}_[\d_.]+)\//, '');
  const v = serviceAccountVolume(sim, pod);
  const file = v.files.get(rest);
  return file === undefined ? undefined : { file };
}

/** A configMap or secret volume mounted at `path` in the container, as a directory. */
export function mountVolumeDir(pod: Pod, c: Container, path: string, names: string[]): VolumeDir | undefined {
  const p = path.replace(/\/+$/, '');
  const m = (c.volumeMounts ?? []).find((x) => x.mountPath.replace(/\/+$/, '') === p && !x.subPath);
  const v = m && (pod.spec.volumes ?? []).find((x) => x.name === m.name);
  if (!v) return undefined;
  const at = pod.status.startTime ?? 0;
  return { names, files: new Map(names.map((n) => [n, ''])), tmpfs: v.secret !== undefined, at, tsDir: timestampDir(at, `vol/${pod.metadata.uid}/${v.name}`) };
}
