import {
  calibratedKdfParams,
  type KdfParams,
  timeKdfAtFloor,
} from '../../../src-shared/crypto/kdf';

/**
 * The Argon2id settings for a new vault on this machine, from a timed run at the floor. The
 * first run in a new worker also grows libsodium's memory to 64 MiB and warms its code, which
 * costs about as much as the run itself; timing it made each pass look twice as slow as it is,
 * so calibration picked half the passes meant and unlocking took about 360 ms instead of the
 * 700 ms aimed at (benchmark `kdf_ms`). That first run is made untimed, then the second timed.
 */
export function calibrateKdf(now: () => number): KdfParams {
  timeKdfAtFloor(now);
  return calibratedKdfParams(timeKdfAtFloor(now));
}
