import { describe, expect, it } from 'vitest';
import { calibratedKdfParams, kdfPolicy } from './kdf';

describe('KDF calibration', () => {
  it('aims for about 0.7 s on the creating machine', () => {
    expect(calibratedKdfParams(200).opsLimit).toBe(7);
    expect(calibratedKdfParams(350).opsLimit).toBe(4);
  });

  it('never goes below the floor, however slow the machine', () => {
    const params = calibratedKdfParams(5_000);
    expect(params.opsLimit).toBe(kdfPolicy.minOpsLimit);
    expect(params.memLimitBytes).toBeGreaterThanOrEqual(kdfPolicy.minMemLimitBytes);
  });

  it('caps passes on very fast machines', () => {
    expect(calibratedKdfParams(1).opsLimit).toBe(10);
  });
});
