import { Badge, Tooltip } from '@mantine/core';
import { useEffect } from 'react';
import { DEMO_MARK, isDemoVaultName } from '../../src-shared/domain/demo-vault';
import { useOpenVault } from '../session/VaultSessionProvider';

/**
 * While a demo vault is open: a calm DEMO badge in the shell's header, and DEMO at the front of
 * the window title, so a demo is never mistaken for a real practice (on a shared screen too).
 * Renders nothing for a real vault.
 */
export function DemoVaultMark() {
  const { name } = useOpenVault();
  const demo = isDemoVaultName(name);

  useEffect(() => {
    if (!demo) return undefined;
    const previous = document.title;
    document.title = `${DEMO_MARK} · ${previous}`;
    return () => {
      document.title = previous;
    };
  }, [demo]);

  if (!demo) return null;
  return (
    <Tooltip label="A demo vault: every client in it is made up">
      <Badge
        color="grape"
        variant="light"
        size="lg"
        data-testid="demo-mark"
        style={{ flexShrink: 0 }}
      >
        {DEMO_MARK}
      </Badge>
    </Tooltip>
  );
}
