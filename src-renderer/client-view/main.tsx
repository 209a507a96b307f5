import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { lockDownWindow } from '../lockdown';
import { cssVariablesResolver, theme } from '../theme';
import { ClientViewScreen } from './ClientViewScreen';

// The client view: the window the clinician shares with a client. It holds no key, opens no
// database and imports none of the therapist's code (ESLint enforces it); it shows what main
// relays to it, as text.
lockDownWindow(window);

const root = document.getElementById('root');
if (!root) throw new Error('client-view.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
    >
      <ClientViewScreen />
    </MantineProvider>
  </StrictMode>,
);
