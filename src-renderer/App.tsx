import { Center } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { loadSodium } from '../src-shared/crypto/sodium';
import { LoadingMark } from './components/LoadingMark';
import { StartScreen } from './features/vault/StartScreen';
import { useVaultSession } from './session/VaultSessionProvider';
import { whenIdle } from './when-idle';

/**
 * Everything behind the start screen (the frame, clients, library, editors, settings) is its
 * own chunk, so the start screen loads only what it shows (tests/build checks the entry chunk).
 */
let appFrameModule: typeof import('./shell/AppFrame') | null = null;
const loadAppFrame = () => import('./shell/AppFrame').then((module) => (appFrameModule = module));
const LazyAppFrame = lazy(() => loadAppFrame().then((module) => ({ default: module.AppFrame })));

/** How long after the start screen first renders to fetch the unlocked app's code and libsodium. */
const PRELOAD_DELAY_MS = 500;

/** The start screen while locked; the app frame (keyed by vault) while unlocked. */
export function App() {
  const { session } = useVaultSession();
  // Fetched and run while the clinician types the passphrase, so unlocking doesn't wait for them.
  useEffect(
    () =>
      whenIdle(
        () => {
          void loadAppFrame().catch(() => undefined);
          void loadSodium().catch(() => undefined);
        },
        { delayMs: PRELOAD_DELAY_MS },
      ),
    [],
  );
  return session ? (
    <Suspense fallback={<OpeningVault />}>
      <UnlockedApp key={session.vaultIdHex} />
    </Suspense>
  ) : (
    <StartScreen />
  );
}

/**
 * The app frame, rendered at once when its code is already loaded (as it is after the preload),
 * because suspending even briefly makes React hold the revealed frame back for 300 ms. Chosen once
 * per mount: switching from the lazy component to the loaded one would remount the frame.
 */
function UnlockedApp() {
  const [Frame] = useState(() => appFrameModule?.AppFrame ?? LazyAppFrame);
  return <Frame />;
}

/** Only shown if the app's code is not there yet; a spinner after a moment, not a flash. */
function OpeningVault() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = window.setTimeout(() => setSlow(true), 300);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <Center mih="100vh" component="main">
      {slow && <LoadingMark label="Opening your vault" />}
    </Center>
  );
}
