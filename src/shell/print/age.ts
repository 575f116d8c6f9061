/**
 * kubectl's AGE column. Mirrors apimachinery pkg/util/duration/duration.go (HumanDuration).
 */
/** math.MaxInt64 nanoseconds, in whole seconds. */
const MAX_DURATION_SECONDS = 9_223_372_036;

export function humanDuration(seconds: number): string {
  // Go's int(d.Seconds()) truncates toward zero: -1.5s is still "0s". A time.Duration is int64
  // nanoseconds, so time.Since saturates near 292 years: no age is longer (nor printed with an exponent).
  const s = Number.isNaN(seconds) ? 0 : Math.trunc(Math.min(seconds, MAX_DURATION_SECONDS));
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 192) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.floor(hours / (24 * 365));
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}
