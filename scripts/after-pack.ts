import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { Arch, type AfterPackContext } from 'electron-builder';

/**
 * The Electron fuses of every packaged Bridgework: switches compiled into the Electron binary
 * that no command-line flag, environment variable or script can turn back at run time.
 * Flipped after packing and before signing, because flipping them changes the binary a
 * signature covers.
 */
export const packagedFuses = {
  // The binary cannot be started as a plain Node.js (ELECTRON_RUN_AS_NODE), which would run any
  // script with the user's rights and the app's name.
  [FuseV1Options.RunAsNode]: false,
  // Cookies and other Chromium secrets on disk are encrypted with a key from the OS keychain.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS cannot inject code (`--require`) into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // `--inspect` and its kin cannot attach a debugger to the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash packed into the app (macOS and Windows), so an edited
  // archive is refused.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // The app's code is loaded only from app.asar, never from a loose `app` folder placed beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // One V8 snapshot for every process: no separate snapshot file to swap.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Pages load from app://, never file://, so file:// gets no privileges beyond a web page's.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const satisfies Record<FuseV1Options, boolean>;

/** The fuse configuration for one packed app: `packagedFuses`, and macOS arm64's re-signing. */
export function fuseConfigFor(
  context: Pick<AfterPackContext, 'electronPlatformName' | 'arch'>,
): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature an arm64 Mac needs to run an unsigned build;
    // @electron/fuses signs it ad hoc again (real signing comes after this hook).
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    ...packagedFuses,
  };
}

/**
 * electron-builder's `afterPack` hook: flips the fuses of the Electron binary just packed, with
 * electron-builder's own path resolution for the platform (`.app`, `.exe` or the Linux executable).
 */
export async function afterPack(context: AfterPackContext): Promise<void> {
  await context.packager.addElectronFuses(context, fuseConfigFor(context));
}
