import { act, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Route } from '../session/routes';
import { useHeadingFocus } from './useHeadingFocus';

/** A frame like the app's: a text box outside the screen, and the screen of the route in main. */
function renderFrame(screenOf: (route: Route) => ReactNode) {
  const controls = { go: (_route: Route) => {} };
  function Frame() {
    const [route, setRoute] = useState<Route>({ screen: 'today' });
    const main = useRef<HTMLElement>(null);
    useHeadingFocus(route, main);
    useEffect(() => {
      controls.go = setRoute;
    }, []);
    return (
      <>
        <input aria-label="Search box outside the screen" />
        <main ref={main}>{screenOf(route)}</main>
      </>
    );
  }
  render(<Frame />);
  return { go: (route: Route) => act(() => controls.go(route)) };
}

/** A screen whose heading shows once `ready` settles, as a screen does once it has read its records. */
function SlowScreen({ ready, title }: { ready: Promise<void>; title: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    void ready.then(() => setShown(true));
  }, [ready]);
  return shown ? <h1>{title}</h1> : <p>Getting it ready…</p>;
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve: () => act(async () => resolve()) };
}

/** Goes from Today to a Settings screen whose heading shows once its records are read. */
async function goToSlowSettings() {
  const records = deferred();
  const { go } = renderFrame((route) =>
    route.screen === 'today' ? (
      <h1>Today</h1>
    ) : (
      <SlowScreen ready={records.promise} title="Settings" />
    ),
  );
  await go({ screen: 'settings' });
  return records;
}

const heading = (name: string) => screen.getByRole('heading', { level: 1, name });

describe('useHeadingFocus', () => {
  it('puts focus on the new screen’s heading when the route changes', async () => {
    const { go } = renderFrame((route) => (
      <h1>{route.screen === 'today' ? 'Today' : 'Settings'}</h1>
    ));
    await go({ screen: 'settings' });
    expect(document.activeElement).toBe(heading('Settings'));
  });

  it('waits for a heading that shows once the screen has read its records', async () => {
    const records = await goToSlowSettings();
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
    await records.resolve();
    expect(document.activeElement).toBe(heading('Settings'));
  });

  it('leaves focus where the clinician took it while the screen was still getting ready', async () => {
    const records = await goToSlowSettings();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Search box outside the screen' }), 'ma');
    await records.resolve();
    expect(document.activeElement).toBe(
      screen.getByRole('textbox', { name: 'Search box outside the screen' }),
    );
  });

  it('leaves the cursor in a text box the new screen put it in', async () => {
    const { go } = renderFrame((route) =>
      route.screen === 'today' ? (
        <h1>Today</h1>
      ) : (
        <>
          <h1>Homework library</h1>
          <input aria-label="Search the library" autoFocus />
        </>
      ),
    );
    await go({ screen: 'library' });
    expect(document.activeElement).toBe(
      screen.getByRole('textbox', { name: 'Search the library' }),
    );
  });

  it('moves nothing while the clinician types on the same screen', async () => {
    function Notes() {
      const [text, setText] = useState('');
      return (
        <>
          <h1>Session plan</h1>
          <textarea
            aria-label="Notes"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </>
      );
    }
    renderFrame(() => <Notes />);
    const user = userEvent.setup();
    const notes = screen.getByRole('textbox', { name: 'Notes' });
    await user.type(notes, 'Walked twice');
    expect(document.activeElement).toBe(notes);
    expect(notes).toHaveProperty('value', 'Walked twice');
  });

  it('leaves focus on what the clinician chose in the screen (a template in the library’s list)', async () => {
    const { go } = renderFrame(() => (
      <>
        <h1>Homework library</h1>
        <button type="button">Sleep diary</button>
      </>
    ));
    const template = screen.getByRole('button', { name: 'Sleep diary' });
    await userEvent.setup().click(template);
    await go({ screen: 'template', templateKey: 'sleep-diary' });
    expect(document.activeElement).toBe(template);
  });

  it('moves focus to the heading of another client’s page, though the page is the same', async () => {
    const { go } = renderFrame((route) => (
      <h1>{route.screen === 'client' ? `Client ${route.clientId}` : 'Today'}</h1>
    ));
    await go({ screen: 'client', clientId: 'a' });
    const first = heading('Client a');
    expect(document.activeElement).toBe(first);
    // Chosen from a box outside the screen, as from the command palette.
    act(() => screen.getByRole('textbox', { name: 'Search box outside the screen' }).focus());
    await go({ screen: 'client', clientId: 'b' });
    // React kept the same heading element, with the new name.
    expect(heading('Client b')).toBe(first);
    expect(document.activeElement).toBe(first);
  });
});
