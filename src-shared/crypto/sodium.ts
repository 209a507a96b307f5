import sodiumModule from 'libsodium-wrappers-sumo';

/** The libsodium functions Bridgework uses, loaded and checked. */
export type Sodium = typeof sodiumModule;

let loading: Promise<Sodium> | undefined;
let loaded: Sodium | undefined;

/**
 * Loads libsodium (the "sumo" build) once and asserts that Argon2id is present.
 * The plain libsodium-wrappers build lacks `crypto_pwhash` although its types still
 * compile, so a wrong dependency would otherwise only fail when a vault is opened.
 */
export function loadSodium(): Promise<Sodium> {
  loading ??= sodiumModule.ready.then(() => {
    if (typeof sodiumModule.crypto_pwhash !== 'function') {
      throw new Error(
        'libsodium was loaded without Argon2id (crypto_pwhash); use libsodium-wrappers-sumo',
      );
    }
    loaded = sodiumModule;
    return sodiumModule;
  });
  return loading;
}

/** The loaded libsodium; throws if `loadSodium()` has not finished, which is a programming error. */
export function sodium(): Sodium {
  if (!loaded) throw new Error('libsodium used before loadSodium() finished');
  return loaded;
}
