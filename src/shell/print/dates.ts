/** The date layouts the tools print, from a simulation time. */
import { simTimeToIso } from '../../sim/clock';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

interface Parts {
  day: string;
  month: string;
  date: number;
  time: string;
  year: number;
}

function parts(iso: string): Parts {
  const d = new Date(iso);
  return { day: DAYS[d.getUTCDay()]!, month: MONTHS[d.getUTCMonth()]!, date: d.getUTCDate(), time: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`, year: d.getUTCFullYear() };
}

/** C's asctime, as iptables-save prints it: "Thu Jan  1 00:00:00 2026". */
export function asctime(iso: string): string {
  const x = parts(iso);
  return `${x.day} ${x.month} ${String(x.date).padStart(2, ' ')} ${x.time} ${x.year}`;
}

/** RFC 1123 with a numeric zone, as kubectl describe prints times: "Thu, 01 Jan 2026 00:00:00 +0000". */
export function describeTime(simSeconds: number): string {
  const x = parts(simTimeToIso(simSeconds));
  return `${x.day}, ${p2(x.date)} ${x.month} ${x.year} ${x.time} +0000`;
}

/** strftime "%a %b %d %H:%M:%S %Z %Y", as dig's WHEN line: "Thu Jan 01 00:00:00 UTC 2026". */
export function digWhen(simSeconds: number): string {
  const x = parts(simTimeToIso(simSeconds));
  return `${x.day} ${x.month} ${p2(x.date)} ${x.time} UTC ${x.year}`;
}
