import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { renderWithMantine } from '../../tests/support/render';
import { NavigationProvider, useNavigation } from './navigation';
import type { Route } from './routes';

function Where() {
  const { route, navigate } = useNavigation();
  return (
    <div>
      <p data-testid="where">{JSON.stringify(route)}</p>
      <button onClick={() => navigate({ screen: 'client', clientId: 'c1' })}>Open client</button>
      <button onClick={() => navigate({ screen: 'library' })}>Library</button>
      <button
        onClick={() => navigate({ screen: 'template', templateKey: 't1' }, { replace: true })}
      >
        Swap in a template
      </button>
      <input aria-label="Search" />
    </div>
  );
}

const where = () => JSON.parse(screen.getByTestId('where').textContent ?? 'null') as unknown;

describe('moving between screens', () => {
  it('goes back and forward with the mouse buttons and Alt+arrows, never touching the window’s history', async () => {
    const historyLength = window.history.length;
    const { user } = renderWithMantine(
      <NavigationProvider>
        <Where />
      </NavigationProvider>,
    );
    expect(where()).toEqual({ screen: 'today' });
    await user.click(screen.getByRole('button', { name: 'Open client' }));
    await user.click(screen.getByRole('button', { name: 'Library' }));
    expect(where()).toEqual({ screen: 'library' });

    act(() => void fireEvent.mouseUp(window, { button: 3 }));
    expect(where()).toEqual({ screen: 'client', clientId: 'c1' });
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true }));
    expect(where()).toEqual({ screen: 'today' });
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true }));
    expect(where()).toEqual({ screen: 'today' });
    act(() => void fireEvent.mouseUp(window, { button: 4 }));
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true }));
    expect(where()).toEqual({ screen: 'library' });

    await user.click(screen.getByRole('button', { name: 'Swap in a template' }));
    act(() => void fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true }));
    expect(where()).toEqual({ screen: 'client', clientId: 'c1' });
    expect(window.history.length).toBe(historyLength);
    expect(window.location.hash).toBe('');
  });

  it('leaves Alt+arrows to a text box, where they move by word', async () => {
    const { user } = renderWithMantine(
      <NavigationProvider>
        <Where />
      </NavigationProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Library' }));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Search' }), {
      key: 'ArrowLeft',
      altKey: true,
    });
    expect(where()).toEqual({ screen: 'library' });
  });

  it('a screen that moves on once its save lands leaves the clinician where they went meanwhile', async () => {
    let saved: () => void = () => undefined;
    function SlowSave() {
      const { route, navigate } = useNavigation();
      const [saving, setSaving] = useState(false);
      const agree = () => {
        setSaving(true);
        const from: Route = route;
        saved = () => navigate({ screen: 'client', clientId: 'c1' }, { onlyFrom: from });
      };
      return (
        <button onClick={agree} disabled={saving}>
          Agree
        </button>
      );
    }
    const { user } = renderWithMantine(
      <NavigationProvider>
        <Where />
        <SlowSave />
      </NavigationProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Library' }));
    await user.click(screen.getByRole('button', { name: 'Agree' }));
    await user.click(screen.getByRole('button', { name: 'Swap in a template' }));
    act(() => saved());
    expect(where()).toEqual({ screen: 'template', templateKey: 't1' });
    // Nor is the place kept for going forward.
    act(() => void fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true }));
    expect(where()).toEqual({ screen: 'template', templateKey: 't1' });
  });

  it('a screen whose save lands while the clinician is still on it moves on', async () => {
    function QuickSave() {
      const { route, navigate } = useNavigation();
      return (
        <button
          onClick={() => {
            const from = route;
            queueMicrotask(() =>
              navigate({ screen: 'client', clientId: 'c1' }, { onlyFrom: from }),
            );
          }}
        >
          Agree
        </button>
      );
    }
    const { user } = renderWithMantine(
      <NavigationProvider>
        <Where />
        <QuickSave />
      </NavigationProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Library' }));
    await user.click(screen.getByRole('button', { name: 'Agree' }));
    expect(where()).toEqual({ screen: 'client', clientId: 'c1' });
  });
});
