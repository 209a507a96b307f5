/**
 * Idle minutes before the vault locks itself, if the clinician changes nothing. Its own module,
 * without zod, so the start screen can know it without loading the settings schema.
 */
export const DEFAULT_AUTO_LOCK_MINUTES = 10;
