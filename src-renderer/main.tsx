import { App } from './App';
import { askForVaultsEarly } from './data/vault-access';
import { lockDownWindow } from './lockdown';
import { renderInTheme } from './render-in-theme';
import { VaultSessionProvider } from './session/VaultSessionProvider';

lockDownWindow(window);

// The vault list, asked for now and waited for a moment, lets the first render show the right
// form instead of a spinner; if main is slow to answer, the start screen asks again itself.
const FIRST_LIST_WAIT_MS = 150;
await Promise.race([
  askForVaultsEarly().catch(() => undefined),
  new Promise((resolve) => setTimeout(resolve, FIRST_LIST_WAIT_MS)),
]);

renderInTheme(
  <VaultSessionProvider>
    <App />
  </VaultSessionProvider>,
);
