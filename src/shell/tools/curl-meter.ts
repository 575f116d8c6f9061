/**
 * curl 8.12's progress meter (lib/progress.c progress_meter, time2str, max5data). curl
 * writes it on stderr, each update starting with "\r" and a "\n" only when the transfer
 * is done, so a terminal shows the last update; these lines are that last update.
 * The transfer itself takes the simulated time the request took (1 ms for an answer).
 */
export const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** max5data: up to 99999 the number itself, then whole KiB with a k, then MiB with one decimal. */
export function max5(n: number): string {
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`.padStart(5);
  if (n < 100 * 1024 * 1024) return `${Math.floor(n / 1048576)}.${Math.floor((n % 1048576) / 104857)}M`.padStart(5);
  return `${Math.floor(n / 1048576)}M`.padStart(5);
}

/** time2str: "--:--:--" for 0 seconds, else H:MM:SS with the hours in 2 columns. */
export function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const pct = (n: number) => String(n).padStart(3);

/** The meter's line: `received` of `total` bytes downloaded in `spentMs`. */
export function meterLine(received: number, total: number, spentMs: number): string {
  const percent = total > 0 ? Math.floor((received * 100) / total) : 0;
  const speed = received === 0 ? 0 : Math.floor((received * 1000) / Math.max(spentMs, 1));
  const spent = time2str(Math.floor(spentMs / 1000));
  return `${pct(percent)} ${max5(total)}  ${pct(percent)} ${max5(received)}  ${pct(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- ${spent} --:--:-- ${max5(speed)}`;
}

/** The first update, before anything is known: all zeros. */
export const START_LINE = meterLine(0, 0, 0);
