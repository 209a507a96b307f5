import type { BridgeworkApi } from '../src-shared/ipc/contract';

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- global augmentation must merge into the Window interface.
  interface Window {
    readonly bridgework: BridgeworkApi;
  }
}
