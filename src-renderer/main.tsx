import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { VaultSessionProvider } from './session/VaultSessionProvider';
import { lockDownWindow } from './lockdown';
import { cssVariablesResolver, theme } from './theme';

lockDownWindow(window);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

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
