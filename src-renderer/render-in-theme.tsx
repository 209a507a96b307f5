import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { cssVariablesResolver, theme } from './theme';

/**
 * Renders a page's React tree into its #root element inside the app's theme: the one way both
 * windows (the therapist's and the client view) start.
 */
export function renderInTheme(ui: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error(`${window.location.pathname} has no #root element`);
  createRoot(root).render(
    <StrictMode>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="auto"
      >
        {ui}
      </MantineProvider>
    </StrictMode>,
  );
}
