import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { askForVaultsEarly } from './data/vault-access';
import { VaultSessionProvider } from './session/VaultSessionProvider';
import { lockDownWindow } from './lockdown';
import { cssVariablesResolver, theme } from './theme';

lockDownWindow(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The vault list, asked for now and waited for a moment, lets the first render show the right
// form instead of a spinner; if main is slow to answer, the start screen asks again itself.
const FIRST_LIST_WAIT_MS = 150;
await Promise.race([
  askForVaultsEarly().catch(() => undefined),
  new Promise((resolve) => setTimeout(resolve, FIRST_LIST_WAIT_MS)),
]);

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <VaultSessionProvider>
        <App />
      </VaultSessionProvider>
    </MantineProvider>
  </StrictMode>,
);
