import { beforeAll, describe, expect, it } from 'vitest';
import { calibratedKdfParams } from '../../../src-shared/crypto/kdf';
import { loadSodium } from '../../../src-shared/crypto/sodium';
import { calibrateKdf } from './kdf-calibration';

beforeAll(loadSodium);

/** A clock whose timed runs take `durations` ms in turn (each run reads it twice). */
function clockOf(durations: number[]): () => number {
  const readings = durations.flatMap((duration, run) => [run * 10_000, run * 10_000 + duration]);
  return () => readings.shift() ?? Number.NaN;
}

describe('KDF calibration for a new vault', () => {
  it('times the second run at the floor, not the first (which also warms up), to pick the passes', () => {
    // First run 300 ms (memory growth, warm-up), second 100 ms: 50 ms a pass, not 150.
    expect(calibrateKdf(clockOf([300, 100]))).toEqual(calibratedKdfParams(100));
    expect(calibrateKdf(clockOf([300, 100])).opsLimit).toBeGreaterThan(
      calibratedKdfParams(300).opsLimit,
    );
  });
});
