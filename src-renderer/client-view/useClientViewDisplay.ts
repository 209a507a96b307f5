import { useEffect, useState } from 'react';
import type { ClientViewApi, ClientViewDisplay } from '../../src-shared/ipc/contract';

/**
 * `window.bridgework` as the client view's preload builds it. The global type in env.d.ts is
 * the therapist's window's; this window's object has only `client-view:ready` and `on`.
 */
function clientViewApi(): ClientViewApi {
  return (window as unknown as { readonly bridgework: ClientViewApi }).bridgework;
}

/**
 * What the client view shows: listens for `client-view:display`, then tells main it is ready,
 * and main answers with the current state (so nothing sent before this window loaded is lost).
 */
export function useClientViewDisplay(): ClientViewDisplay {
  const [display, setDisplay] = useState<ClientViewDisplay>({ mode: 'waiting' });
  useEffect(() => {
    const api = clientViewApi();
    const unsubscribe = api.on('client-view:display', setDisplay);
    void api['client-view:ready']({});
    return unsubscribe;
  }, []);
  return display;
}
