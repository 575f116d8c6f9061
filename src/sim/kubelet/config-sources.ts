/**
 * What a pod's ConfigMaps and Secrets give its containers, as the kubelet reads them:
 * - environment (k/k pkg/kubelet/kubelet_pods.go makeEnvironmentVariables): envFrom first,
 *   each key prefixed, then env, which overrides; a missing object fails the container's
 *   config with the informer's NotFound text (`configmap "x" not found`), a missing key with
 *   `couldn't find key K in ConfigMap NS/NAME`; optional references are skipped. Read once,
 *   when the container is created.
 * - volumes (pkg/volume/configmap/configmap.go and pkg/volume/secret/secret.go SetUpAt): a
 *   missing object fails MountVolume.SetUp with the same NotFound text unless optional; each
 *   key (or each item's path) is a file holding the value.
 * Deliberate departure: mounted files show the object as it is now (the kubelet refreshes
 * them within about a minute), and a retry happens at the kubelet's next pass, without the
 * volume manager's exponential back-off.
 */
import { base64Decode, utf8Text } from '../model/base64';
import { own, setOwn } from '../model/own';
import type { ObjectStore } from '../model/store';
import type { Container, Pod, Volume } from '../model/types';

type Lookup = { data: Record<string, string> } | { missing: string };

function configMapData(store: ObjectStore, ns: string, name: string): Lookup {
  const cm = store.get('ConfigMap', ns, name);
  // binaryData keys are files in a volume but never variables (makeEnvironmentVariables reads Data only).
  return cm ? { data: cm.data ?? {} } : { missing: `configmap "${name}" not found` };
}

function secretData(store: ObjectStore, ns: string, name: string): Lookup {
  const s = store.get('Secret', ns, name);
  if (!s) return { missing: `secret "${name}" not found` };
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) {
    const d = base64Decode(v);
    setOwn(data, k, d.ok ? utf8Text(d.bytes) : '');
  }
  return { data };
}

/** The container's own variables in order (a later one of the same name replaces an earlier one in place), or the error. */
export function containerConfigEnv(store: ObjectStore, pod: Pod, c: Container): { vars: [string, string][] } | { error: string } {
  const ns = pod.metadata.namespace ?? 'default';
  const vars = new Map<string, string>();
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const got = from.configMapRef ? configMapData(store, ns, ref.name) : secretData(store, ns, ref.name);
    if ('missing' in got) {
      if (ref.optional) continue;
      return { error: got.missing };
    }
    for (const k of Object.keys(got.data).sort()) vars.set(`${from.prefix ?? ''}${k}`, got.data[k]!);
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined && e.value !== '') {
      vars.set(e.name, expand(e.value, vars));
      continue;
    }
    const cmRef = e.valueFrom?.configMapKeyRef;
    const secRef = e.valueFrom?.secretKeyRef;
    const ref = cmRef ?? secRef;
    if (ref) {
      const got = cmRef ? configMapData(store, ns, ref.name) : secretData(store, ns, ref.name);
      if ('missing' in got) {
        if (ref.optional) continue;
        return { error: got.missing };
      }
      const value = own(got.data, ref.key);
      if (value === undefined) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in ${cmRef ? 'ConfigMap' : 'Secret'} ${ns}/${ref.name}` };
      }
      vars.set(e.name, value);
      continue;
    }
    const field = e.valueFrom?.fieldRef?.fieldPath;
    vars.set(e.name, field ? fieldValue(pod, field) : '');
  }
  return { vars: [...vars] };
}

/** $(VAR) references to variables defined before (third_party/forked/golang/expansion): $$ escapes, unknown kept. */
function expand(value: string, vars: Map<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : vars.has(name!) ? vars.get(name!)! : m));
}

/** The downward API fields a variable may name (pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue). */
function fieldValue(pod: Pod, path: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid;
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return 'default';
    case 'status.podIP':
      return pod.status.podIP ?? '';
    case 'status.hostIP':
      return pod.status.hostIP ?? '';
    default:
      return '';
  }
}

/** The first volume whose ConfigMap or Secret is missing (and not optional), with MountVolume.SetUp's message. */
export function failedMount(store: ObjectStore, pod: Pod): { volume: string; message: string } | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of pod.spec.volumes ?? []) {
    const got = volumeData(store, ns, v);
    if (got && 'missing' in got) return { volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : ${got.missing}` };
  }
  return undefined;
}

function volumeData(store: ObjectStore, ns: string, v: Volume): Lookup | undefined {
  if (v.configMap) {
    const got = configMapData(store, ns, v.configMap.name);
    if ('missing' in got) return v.configMap.optional ? { data: {} } : got;
    const cm = store.get('ConfigMap', ns, v.configMap.name)!;
    const data = { ...got.data };
    for (const [k, b64] of Object.entries(cm.binaryData ?? {})) {
      const d = base64Decode(b64);
      setOwn(data, k, d.ok ? utf8Text(d.bytes) : '');
    }
    return { data };
  }
  if (v.secret) {
    const got = secretData(store, ns, v.secret.secretName);
    return 'missing' in got && v.secret.optional ? { data: {} } : got;
  }
  return undefined;
}

/** The files a configMap or secret volume holds: path -> content (items pick keys and name the files). */
function volumeFiles(store: ObjectStore, ns: string, v: Volume): Map<string, string> | undefined {
  const got = volumeData(store, ns, v);
  if (!got || 'missing' in got) return undefined;
  const items = v.configMap?.items ?? v.secret?.items;
  const files = new Map<string, string>();
  if (items) {
    for (const it of items) {
      const value = own(got.data, it.key);
      if (value !== undefined) files.set(it.path, value);
    }
  } else for (const k of Object.keys(got.data).sort()) files.set(k, got.data[k]!);
  return files;
}

/** A file under one of the container's configMap/secret mounts: its content, or the names in a mounted directory. */
export function mountedFile(store: ObjectStore, pod: Pod, c: Container, path: string): { file: string } | { dir: string[] } | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  for (const m of c.volumeMounts ?? []) {
    const v = (pod.spec.volumes ?? []).find((x) => x.name === m.name);
    if (!v) continue;
    const files = volumeFiles(store, ns, v);
    if (!files) continue;
    const mount = m.mountPath.replace(/\/+$/, '');
    if (m.subPath) {
      if (path === mount && files.has(m.subPath)) return { file: files.get(m.subPath)! };
      continue;
    }
    if (path === mount || path === `${mount}/`) return { dir: [...files.keys()].map((f) => f.split('/')[0]!).filter((f, i, a) => a.indexOf(f) === i) };
    if (path.startsWith(`${mount}/`)) {
      const rel = path.slice(mount.length + 1);
      if (files.has(rel)) return { file: files.get(rel)! };
    }
  }
  return undefined;
}
