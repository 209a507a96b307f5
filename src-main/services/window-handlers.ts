import type { windowChannels } from '../../src-shared/ipc/window';
import type { HandlerContext, HandlersOf } from './handler-context';

/** The window channels: quitting, and the client view that main fills for the therapist. */
export function createWindowHandlers({
  clientView,
  openVault,
  windows,
  onQuitConfirmed,
}: HandlerContext): HandlersOf<typeof windowChannels> {
  return {
    'app:quit': async () => {
      onQuitConfirmed?.();
      return {};
    },
    'client-view:open': async () => {
      await clientView.open();
      return {};
    },
    'client-view:show': async ({ snapshot, reveal }) => {
      openVault.requireAny();
      return { shown: await clientView.show(snapshot, { reveal }) };
    },
    'client-view:blank': async () => {
      await clientView.blank();
      return {};
    },
    'client-view:full-screen': async ({ on }) => {
      await windows.setClientViewFullScreen?.(on);
      return {};
    },
    'client-view:close': async () => {
      await clientView.close();
      return {};
    },
    'client-view:ready': async () => {
      await clientView.resend();
      return {};
    },
    'client-view:hide': async () => {
      await clientView.hide();
      return {};
    },
  };
}
