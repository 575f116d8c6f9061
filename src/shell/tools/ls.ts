/**
 * ls of the volume directories the kubelet writes (tools/pod-volumes.ts), in busybox's
 * format (coreutils/ls.c: one name a line when stdout is not a terminal; -l: "%-10s " mode,
 * "%4lu " links, "%-8.8s %-8.8s " owner and group, "%9lu " size, "Mmm dd HH:MM ", the name,
 * " -> TARGET" for a symlink; "total N" first, in 1K blocks) or GNU coreutils' in Debian
 * images (the same fields, each column as wide as its widest value). Names sort by strcmp.
 */
import { simTimeToIso } from '../../sim/clock';
import type { CommandResult } from '../types';
import type { VolumeDir } from './pod-volumes';

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
