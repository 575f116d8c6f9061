/**
 * `ip addr|link|route` and busybox `ifconfig` over the links and routes of net-links.ts.
 * Two flavours: iproute2 6.1 (kind's Debian bookworm node image; Alpine images that add
 * iproute2: agnhost, netshoot) prints "state UP group default" on the link line
 * (ip/ipaddress.c print_linkinfo); busybox's ip (networking/libiproute/ipaddress.c) prints
 * neither, and marks a veth whose peer is in another namespace M-DOWN (as seen in busybox pods).
 * Every field is printed "NAME VALUE " (with its trailing space), as both do.
 */
import { err, out, type CommandResult } from '../types';
import type { Link, Route } from './net-links';

export type IpFlavour = 'iproute2' | 'busybox';

function flags(l: Link, flavour: IpFlavour): string {
  if (l.kind === 'loopback') return '<LOOPBACK,UP,LOWER_UP>';
  return flavour === 'busybox' && l.name === 'eth0' ? '<BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN>' : '<BROADCAST,MULTICAST,UP,LOWER_UP>';
}

function linkHead(l: Link, flavour: IpFlavour, linkOnly: boolean): string {
  const name = l.peer !== undefined ? `${l.name}@if${l.peer}` : l.name;
  const mtu = l.kind === 'loopback' ? 65536 : 1500;
  const qlen = l.kind === 'loopback' ? 'qlen 1000' : '';
  if (flavour === 'busybox') return `${l.index}: ${name}: ${flags(l, flavour)} mtu ${mtu} qdisc noqueue ${qlen}\n`;
  const state = l.kind === 'loopback' ? 'UNKNOWN' : 'UP';
  return `${l.index}: ${name}: ${flags(l, flavour)} mtu ${mtu} qdisc noqueue state ${state} ${linkOnly ? 'mode DEFAULT ' : ''}group default ${qlen}\n`;
}

function linkLine(l: Link, flavour: IpFlavour): string {
  const brd = l.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  const ns = flavour === 'iproute2' && l.netns ? ` ${l.netns}` : '';
  return `    link/${l.kind} ${l.mac} brd ${brd}${ns}\n`;
}

const FOREVER = '       valid_lft forever preferred_lft forever\n';

function addrLines(l: Link): string {
  let s = '';
  if (l.inet) s += `    inet ${l.inet.ip}/${l.inet.prefix} ${l.inet.brd ? `brd ${l.inet.brd} ` : ''}scope ${l.inet.scope} ${l.name}\n${FOREVER}`;
  if (l.kind === 'loopback') s += `    inet6 ::1/128 scope host \n${FOREVER}`;
  if (l.inet6) s += `    inet6 ${l.inet6}/64 scope link \n${FOREVER}`;
  return s;
}

export function formatRoute(r: Route): string {
  let s = `${r.dst} `;
  if (r.via) s += `via ${r.via} `;
  s += `dev ${r.dev} `;
  if (r.proto) s += `proto ${r.proto} `;
  if (r.scope) s += `scope ${r.scope} `;
  if (r.src) s += `src ${r.src} `;
  return `${s}\n`;
}

const OBJECTS: Record<string, 'addr' | 'link' | 'route'> = { a: 'addr', ad: 'addr', add: 'addr', addr: 'addr', addre: 'addr', addres: 'addr', address: 'addr', l: 'link', li: 'link', lin: 'link', link: 'link', r: 'route', ro: 'route', rou: 'route', rout: 'route', route: 'route' };

export function runIp(args: string[], links: Link[], routes: Route[], flavour: IpFlavour): CommandResult {
  const words = args.filter((a) => !/^-(4|o|oneline|br|brief|c|color=.*)$/.test(a));
  const obj = words[0] === undefined ? undefined : OBJECTS[words[0]];
  if (!obj) {
    if (flavour === 'busybox') return err(`ip: unknown command "${words[0] ?? ''}"\nBusyBox ip: try ip addr, ip link or ip route\n`, 1);
    return err(`Object "${words[0] ?? ''}" is unknown, try "ip help".\n`, 1);
  }
  const verb = words[1] ?? 'show';
  if (!['show', 'list', 'sh', 'ls', 'l', 's'].includes(verb)) return err(`ip ${obj} ${verb}: this simulator only shows (ip ${obj} show)\n`, 2);
  if (obj === 'route') return out(routes.map(formatRoute).join(''));
  const devIndex = words.indexOf('dev');
  const only = devIndex >= 0 ? words[devIndex + 1] : words[2];
  const shown = only ? links.filter((l) => l.name === only) : links;
  if (only && shown.length === 0) return err(flavour === 'busybox' ? `ip: can't find device '${only}'\n` : `Device "${only}" does not exist.\n`, 1);
  return out(shown.map((l) => linkHead(l, flavour, obj === 'link') + linkLine(l, flavour) + (obj === 'addr' ? addrLines(l) : '')).join(''));
}

function mask(prefix: number): string {
  const m = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [m >>> 24, (m >>> 16) & 255, (m >>> 8) & 255, m & 255].join('.');
}

/** busybox ifconfig (networking/interface.c ife_print): interfaces sorted by name, counters 0 here. */
export function runIfconfig(links: Link[]): CommandResult {
  const blocks = [...links]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((l) => {
      const lo = l.kind === 'loopback';
      let s = lo ? `${l.name.padEnd(10)}Link encap:Local Loopback  \n` : `${l.name.padEnd(10)}Link encap:Ethernet  HWaddr ${l.mac.toUpperCase()}  \n`;
      if (l.inet) s += `          inet addr:${l.inet.ip}  ${l.inet.brd ? `Bcast:${l.inet.brd}  ` : ''}Mask:${mask(l.inet.prefix)}\n`;
      if (lo) s += '          inet6 addr: ::1/128 Scope:Host\n';
      if (l.inet6) s += `          inet6 addr: ${l.inet6}/64 Scope:Link\n`;
      s += lo ? '          UP LOOPBACK RUNNING  MTU:65536  Metric:1\n' : '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1\n';
      s += '          RX packets:0 errors:0 dropped:0 overruns:0 frame:0\n          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0\n';
      s += `          collisions:0 txqueuelen:${lo ? 1000 : 0} \n          RX bytes:0 (0.0 B)  TX bytes:0 (0.0 B)\n\n`;
      return s;
    });
  return out(blocks.join(''));
}
