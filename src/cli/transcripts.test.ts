/**
 * Golden transcripts: every testdata/transcripts/*.sh runs through the same
 * entry as `npm run sim` (createCliSession + runTranscript) and must print,
 * byte for byte, its *.out. A script may pin its seed or cluster with header
 * comments (`# seed: 7`, `# cluster: kind-ipvs.yaml`, relative to the script).
 *
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run src/cli/transcripts.test.ts`,
 * then review every changed line against what the real tool prints.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultClusterConfig, parseClusterConfig } from '../sim/scenario/cluster-config';
import { DEFAULT_SEED } from '../sim/scenario/default-scenario';
import { createCliSession } from './main';
import { runTranscript } from './transcript';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../testdata/transcripts');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Header {
  seed: number;
  cluster?: string;
}

function header(script: string): Header {
  const seed = /^#\s*seed:\s*(\d+)\s*$/m.exec(script);
  const cluster = /^#\s*cluster:\s*(\S+)\s*$/m.exec(script);
  return { seed: seed ? Number(seed[1]) : DEFAULT_SEED, ...(cluster ? { cluster: cluster[1]! } : {}) };
}

/** What `npm run -s sim -- [--seed N] [--cluster C] FILE` prints for this script. */
function transcriptOf(scriptPath: string, seedOverride?: number): string {
  const script = readFileSync(scriptPath, 'utf8');
  const h = header(script);
  const base = dirname(scriptPath);
  const config = h.cluster ? parseClusterConfig(readFileSync(join(base, h.cluster), 'utf8')) : defaultClusterConfig();
  return runTranscript(createCliSession(config, seedOverride ?? h.seed, base), script);
}

const scripts = readdirSync(DIR)
  .filter((f) => f.endsWith('.sh'))
  .sort();

describe('golden transcripts', () => {
  it('finds the transcripts', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(5);
  });

  for (const name of scripts) {
    it(name, () => {
      const path = join(DIR, name);
      const outPath = path.replace(/\.sh$/, '.out');
      const actual = transcriptOf(path);
      if (UPDATE) writeFileSync(outPath, actual);
      expect(existsSync(outPath), `${outPath} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(actual).toBe(readFileSync(outPath, 'utf8'));
    }, 20_000);
  }
});

describe('determinism', () => {
  it('the same script with the same seed prints the same bytes twice', () => {
    const path = join(DIR, 'default-scenario.sh');
    expect(transcriptOf(path)).toBe(transcriptOf(path));
  });

  it('every transcript is stable across two fresh sessions', () => {
    for (const name of scripts) {
      const path = join(DIR, name);
      expect(transcriptOf(path), name).toBe(transcriptOf(path));
    }
    // hostile-input.sh scales to the simulator's pod limit.
  }, 60_000);

  it('a different seed changes the generated names, so the seed really is an input', () => {
    const path = join(DIR, 'default-scenario.sh');
    expect(transcriptOf(path, 2)).not.toBe(transcriptOf(path, 1));
  });
});
