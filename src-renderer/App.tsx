import { AppFrame } from './shell/AppFrame';
import { StartScreen } from './features/vault/StartScreen';
import { useVaultSession } from './session/VaultSessionProvider';

/** The start screen while locked; the app frame (keyed by vault) while unlocked. */
export function App() {
  const { session } = useVaultSession();
  return session ? <AppFrame key={session.vaultIdHex} /> : <StartScreen />;
}
