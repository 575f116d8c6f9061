import { own } from '../../sim/model/own';

/** Resource quantities as apimachinery's resource.Quantity reads and prints them (DecimalSI cpu, BinarySI memory). */
const BINARY: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };
const DECIMAL: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** The quantity's value in base units (cores, bytes). */
export function parseQuantity(q: string): number {
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(q.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const suffix = m[2]!;
  return n * (own(BINARY, suffix) ?? own(DECIMAL, suffix) ?? 1);
}

/** A cpu sum as Quantity.String() gives it: "850m", "1", "0". */
export function formatCpu(cores: number): string {
  const milli = Math.round(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** A byte count in the largest binary unit it divides into: "290Mi", "0". */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0';
  for (const suffix of ['Ti', 'Gi', 'Mi', 'Ki']) if (bytes % BINARY[suffix]! === 0) return `${bytes / BINARY[suffix]!}${suffix}`;
  return String(bytes);
}
