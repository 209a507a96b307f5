/** The libsodium functions Bridgework uses, loaded and checked. */
export type Sodium = typeof import('libsodium-wrappers-sumo').default;

let loading: Promise<Sodium> | undefined;
let loaded: Sodium | undefined;

/**
 * Loads libsodium (the "sumo" build) once and asserts that Argon2id is present.
 * The plain libsodium-wrappers build lacks `crypto_pwhash` although its types still
 * compile, so a wrong dependency would otherwise only fail when a vault is opened.
 * The module itself is imported here, not at the top: it starts compiling its WebAssembly as
 * soon as it is evaluated, and the renderer's start screen should not wait for that.
 */
export function loadSodium(): Promise<Sodium> {
  loading ??= import('libsodium-wrappers-sumo').then(async ({ default: sodiumModule }) => {
    await sodiumModule.ready;
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
