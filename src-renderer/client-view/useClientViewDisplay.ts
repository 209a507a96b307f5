import { useHotkeys } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import type { ClientViewApi, ClientViewDisplay } from '../../src-shared/ipc/contract';

/**
 * `window.bridgework` as the client view's preload builds it. The global type in env.d.ts is
 * the therapist's window's; this window's object has only `client-view:ready`,
 * `client-view:hide` and `on`.
 */
function clientViewApi(): ClientViewApi {
  return (window as unknown as { readonly bridgework: ClientViewApi }).bridgework;
}

/**
 * What the client view shows: listens for `client-view:display`, then tells main it is ready,
 * and main answers with the current state (so nothing sent before this window loaded is lost).
 * The hide key (Ctrl+Shift+H, ⌘⇧H on a Mac) blanks it here at once, then asks main to forget
 * what it showed and tell the therapist's window.
 */
export function useClientViewDisplay(): ClientViewDisplay {
  const [display, setDisplay] = useState<ClientViewDisplay>({ mode: 'waiting' });
  useEffect(() => {
    const api = clientViewApi();
    const unsubscribe = api.on('client-view:display', setDisplay);
    void api['client-view:ready']({});
    return unsubscribe;
  }, []);

  const hide = useCallback(() => {
    setDisplay({ mode: 'blank' });
    void clientViewApi()['client-view:hide']({});
  }, []);
  // The same key as in the therapist's window (session/shared-view.tsx), matched by the key's
  // place on the keyboard so it works whatever the layout.
  useHotkeys(
    [
      ['ctrl+shift+H', hide, { usePhysicalKeys: true }],
      ['meta+shift+H', hide, { usePhysicalKeys: true }],
    ],
    [],
    true,
  );
  return display;
}
