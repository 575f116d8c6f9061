/**
 * ls of the volume directories the kubelet writes (tools/pod-volumes.ts), in busybox's
 * format (coreutils/ls.c: one name a line when stdout is not a terminal; -l: "%-10s " mode,
 * "%4lu " links, "%-8.8s %-8.8s " owner and group, "%9lu " size, "Mmm dd HH:MM ", the name,
 * " -> TARGET" for a symlink; "total N" first, in 1K blocks) or GNU coreutils' in Debian
 * images (the same fields, each column as wide as its widest value). Names sort by strcmp.
 */
import { simTimeToIso } from '../../sim/clock';
import type { Container, Pod } from '../../sim/model/types';
import type { Simulation } from '../../sim/simulation';
import type { CommandResult } from '../types';
import { imageRef, imageTraits } from './image-traits';
import { podDir, podFile } from './pod-files';
import { mountVolumeDir, serviceAccountPath, type VolumeDir } from './pod-volumes';

interface Entry {
  name: string;
  mode: string;
  nlink: number;
  size: number;
  /** 1K blocks (st_blocks / 2). */
  blocks: number;
  target?: string;
}

/** The entries of a volume directory, "." and ".." first (ls -a). */
function entries(v: VolumeDir): Entry[] {
  const dirSize = (n: number) => (v.tmpfs ? 20 * (n + 2) : 4096);
  const dirBlocks = v.tmpfs ? 0 : 4;
  const list: Entry[] = [
    { name: '.', mode: v.tmpfs ? 'drwxrwxrwt' : 'drwxrwxrwx', nlink: 3, size: dirSize(v.names.length + 2), blocks: dirBlocks },
    // The mount point's parent, in the container's overlay filesystem.
    { name: '..', mode: 'drwxr-xr-x', nlink: v.tmpfs ? 3 : 1, size: 4096, blocks: 4 },
    { name: v.tsDir, mode: 'drwxr-xr-x', nlink: 2, size: dirSize(v.files.size), blocks: dirBlocks },
    { name: '..data', mode: 'lrwxrwxrwx', nlink: 1, size: v.tsDir.length, blocks: 0, target: v.tsDir },
  ];
  for (const n of v.names) list.push({ name: n, mode: 'lrwxrwxrwx', nlink: 1, size: `..data/${n}`.length, blocks: 0, target: `..data/${n}` });
  return list;
}

/** "Mmm dd HH:MM", ls's date for a file less than six months old. */
function lsDate(at: number): string {
  const d = new Date(simTimeToIso(at));
  const month = d.toUTCString().slice(8, 11);
  return `${month} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export function lsVolume(v: VolumeDir, args: string[], gnu: boolean): CommandResult {
  const flags = new Set(args.filter((a) => a.startsWith('-') && a !== '-').flatMap((a) => [...a.slice(1)]));
  const all = flags.has('a');
  const almost = flags.has('A');
  let list = entries(v);
  if (!all) list = list.filter((e) => !e.name.startsWith('.') || (almost && e.name !== '.' && e.name !== '..'));
  list.sort((a, b) => (a.name === '.' ? -1 : b.name === '.' ? 1 : a.name === '..' ? -1 : b.name === '..' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!flags.has('l')) return { chunks: [{ stream: 'out', text: list.map((e) => `${e.name}\n`).join('') }], exitCode: 0 };
  const date = lsDate(v.at);
  let text = `total ${list.reduce((n, e) => n + e.blocks, 0)}\n`;
  const w = (f: (e: Entry) => string) => Math.max(...list.map((e) => f(e).length));
  const linkW = gnu ? w((e) => String(e.nlink)) : 4;
  const sizeW = gnu ? w((e) => String(e.size)) : 9;
  for (const e of list) {
    const name = e.target ? `${e.name} -> ${e.target}` : e.name;
    text += gnu
      ? `${e.mode} ${String(e.nlink).padStart(linkW)} root root ${String(e.size).padStart(sizeW)} ${date} ${name}\n`
      : `${e.mode.padEnd(10)} ${String(e.nlink).padStart(linkW)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${String(e.size).padStart(sizeW)} ${date} ${name}\n`;
  }
  return { chunks: [{ stream: 'out', text }], exitCode: 0 };
}

/**
 * The image's top-level directories: busybox's (bin dev etc home lib lib64 proc root sys tmp
 * usr var, as `ls` in busybox:1.36 shows), Alpine's (alpine-baselayout), Debian's (nginx adds
 * its docker-entrypoint files); plus what the volume mounts create.
 */
function rootNames(c: Container): string[] {
  const base = imageTraits(c.image).base;
  const names =
    base === 'busybox'
      ? ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var']
      : base === 'alpine'
        ? ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']
        : ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];
  if (imageRef(c.image).name === 'nginx') names.push('docker-entrypoint.d', 'docker-entrypoint.sh');
  for (const m of c.volumeMounts ?? []) {
    const top = m.mountPath.split('/').filter(Boolean)[0];
    if (top && !names.includes(top)) names.push(top);
  }
  return names.sort();
}

/** ls in a pod: the root, the service account and volume directories; other paths are not modelled. */
export function podLs(sim: Simulation, pod: Pod, c: Container, args: string[]): CommandResult {
  const gnu = imageTraits(c.image).base === 'debian';
  const paths = args.filter((a) => !a.startsWith('-') || a === '-');
  const flags = args.filter((a) => a.startsWith('-') && a !== '-').join('');
  const path = paths[0] ?? imageTraits(c.image).workdir;
  if (paths.length > 1) return { chunks: [{ stream: 'err', text: 'ls: this simulator lists one path at a time\n' }], exitCode: 2 };
  const sa = serviceAccountPath(sim, pod, path);
  if (sa && 'dir' in sa) return lsVolume(sa.dir, args, gnu);
  const dir = podDir(sim, pod, c.name, path);
  const volume = dir && mountVolumeDir(pod, c, path, dir);
  if (volume) return lsVolume(volume, args, gnu);
  if (dir) return { chunks: [{ stream: 'out', text: dir.map((f) => `${f}\n`).join('') }], exitCode: 0 };
  if (podFile(sim, pod, path, c.name) !== undefined) return { chunks: [{ stream: 'out', text: `${path}\n` }], exitCode: 0 };
  const normalized = path.replace(/\/+$/, '') || '/';
  if (normalized === '/' && !flags.includes('l')) {
    const names = rootNames(c);
    const shown = flags.includes('a') ? ['.', '..', ...names] : names;
    return { chunks: [{ stream: 'out', text: shown.map((n) => `${n}\n`).join('') }], exitCode: 0 };
  }
  const top = normalized.split('/').filter(Boolean)[0];
  if (normalized.startsWith('/') && top && !rootNames(c).includes(top)) {
    const said = gnu ? `ls: cannot access '${path}': No such file or directory\n` : `ls: ${path}: No such file or directory\n`;
    return { chunks: [{ stream: 'err', text: said }], exitCode: gnu ? 2 : 1 };
  }
  return { chunks: [{ stream: 'err', text: `ls: ${path}: this simulator lists /, ${'/var/run/secrets/kubernetes.io/serviceaccount'} and volume mounts only\n` }], exitCode: 2 };
}
