import { MantineProvider } from '@mantine/core';
import { render, type RenderOptions, type RenderResult } from '@testing-library/react';
import { userEvent, type UserEvent } from '@testing-library/user-event';
import { type ReactElement, type ReactNode, useState } from 'react';
import { vi } from 'vitest';
import { cssVariablesResolver, theme } from '../../src-renderer/theme';

/**
 * The app's Mantine theme around a component under test, as main.tsx sets it up, in Mantine's
 * test mode (no transitions, no portals: a dropdown's options render in place, at once).
 */
export function MantineWrapper({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env="test">
      {children}
    </MantineProvider>
  );
}

/**
 * Renders a renderer component inside the app's theme and returns Testing Library's queries
 * with a `user` that types and clicks like a person. With `fakeTimers`, the user's own pauses
 * advance vitest's fake clock (call `vi.useFakeTimers()` first).
 */
export function renderWithMantine(
  ui: ReactElement,
  options: Omit<RenderOptions, 'wrapper'> & { fakeTimers?: boolean } = {},
): RenderResult & { user: UserEvent } {
  const { fakeTimers = false, ...renderOptions } = options;
  const user = userEvent.setup(
    fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {},
  );
  return { user, ...render(ui, { wrapper: MantineWrapper, ...renderOptions }) };
}

/**
 * Renders a controlled component (value + onChange) with its value held in state, the way a
 * screen holds it, and returns the queries with `value()`: what the component last reported.
 */
export function renderControlled<T>(
  initial: T,
  editor: (value: T, onChange: (next: T) => void) => ReactElement,
  options: { fakeTimers?: boolean } = {},
): RenderResult & { user: UserEvent; value: () => T } {
  let latest = initial;
  function Holder() {
    const [value, setValue] = useState(initial);
    return editor(value, (next) => {
      latest = next;
      setValue(next);
    });
  }
  return { ...renderWithMantine(<Holder />, options), value: () => latest };
}
