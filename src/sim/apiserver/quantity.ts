/**
 * Resource quantities as the API server stores them: parsed as apimachinery's
 * resource.ParseQuantity reads them, rounded up to milli units (SetDefaults_ResourceList in
 * pkg/apis/core/v1/defaults.go) and written back in canonical form (Quantity.String,
 * CanonicalizeBytes in staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go):
 * "0.5" -> "500m", "1024Mi" -> "1Gi", "1.5k" -> "1500", "0.5Ki" -> "512".
 */

/** ParseQuantity's errors (ErrFormatWrong, ErrNumeric, ErrSuffix), which the decoder reports as the object's decoding error. */
const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const NUMERIC = 'unable to parse numeric part of quantity';
const SUFFIX = "unable to parse quantity's suffix";

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const ceilDiv = (a: bigint, b: bigint) => (a >= 0n ? (a + b - 1n) / b : a / b);

/** The canonical form of a quantity, or ParseQuantity's error. */
export function canonicalQuantity(text: string): { value: string } | { error: string } {
  const outer = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(text);
  if (!outer) return { error: FORMAT_WRONG };
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(outer[1]!);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { error: NUMERIC };
  const [, sign, whole, frac = ''] = m as unknown as [string, string, string, string | undefined];
  const suffix = outer[2]!;
  let format: 'BinarySI' | 'DecimalSI' | 'DecimalExponent';
  let exp10 = 0;
  let pow1024 = 0;
  if (suffix in BINARY) {
    format = 'BinarySI';
    pow1024 = BINARY[suffix]!;
  } else if (suffix in DECIMAL) {
    format = 'DecimalSI';
    exp10 = DECIMAL[suffix]!;
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = 'DecimalExponent';
    exp10 = Number(suffix.slice(1));
  } else return { error: SUFFIX };
  // The value in milli units, rounded up (RoundUp(-3)).
  let num = BigInt(`${whole}${frac}` || '0') * 1024n ** BigInt(pow1024) * 1000n;
  let den = 10n ** BigInt(frac.length);
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den *= 10n ** BigInt(-exp10);
  let milli = ceilDiv(num, den);
  if (sign === '-') milli = -milli;
  if (milli === 0n) return { value: '0' };
  if (format === 'BinarySI') {
    // Below 1024, or not a whole number: shown as DecimalSI so as not to round.
    const small = milli > -1024_000n && milli < 1024_000n;
    if (small || milli % 1000n !== 0n) format = 'DecimalSI';
    else {
      let n = milli / 1000n;
      let k = 0;
      while (n % 1024n === 0n && k < BINARY_SUFFIX.length - 1) {
        n /= 1024n;
        k++;
      }
      return { value: `${n}${BINARY_SUFFIX[k]}` };
    }
  }
  // AsCanonicalBytes: the mantissa with the largest exponent that is a multiple of 3.
  let n = milli;
  let e = -3;
  while (n % 1000n === 0n && e < 18) {
    n /= 1000n;
    e += 3;
  }
  if (format === 'DecimalExponent') return { value: e === 0 ? `${n}` : `${n}e${e}` };
  return { value: `${n}${DECIMAL_SUFFIX[e]}` };
}
