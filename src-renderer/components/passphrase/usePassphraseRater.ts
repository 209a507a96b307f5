import { useEffect, useState } from 'react';
import { whenIdle } from '../../when-idle';
import type { ratePassphrase } from './passphrase-strength';

/** Rates a passphrase (see passphrase-strength.ts). */
export type RatePassphrase = typeof ratePassphrase;

let loaded: RatePassphrase | null = null;
let loading: Promise<RatePassphrase> | null = null;

/** Loads zxcvbn and its dictionaries once; a failed load is tried again next time. */
export function loadPassphraseRater(): Promise<RatePassphrase> {
  loading ??= import('./passphrase-strength').then((module) => (loaded = module.ratePassphrase));
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/**
 * The passphrase rating, or null while its dictionaries load. They start loading when the first
 * component using this mounts, once the page is idle, so they never hold up the screen's first paint.
 */
export function usePassphraseRater(): RatePassphrase | null {
  const [rate, setRate] = useState<RatePassphrase | null>(() => loaded);
  useEffect(() => {
    if (rate) return;
    let current = true;
    const cancel = whenIdle(() =>
      loadPassphraseRater().then(
        // A function is state here, so it is wrapped: setState would call it as an updater.
        (loadedRate) => current && setRate(() => loadedRate),
        () => undefined,
      ),
    );
    return () => {
      current = false;
      cancel();
    };
  }, [rate]);
  return rate;
}
