import {
  ActionIcon,
  Alert,
  AppShell,
  Button,
  Group,
  NavLink,
  Text,
  ThemeIcon,
  Tooltip,
  useMantineColorScheme,
} from '@mantine/core';
import { IconLock, IconMoon, IconShieldLock, IconSun } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { DemoVaultMark } from '../components/DemoVaultMark';
import { UserText } from '../components/UserText';
import { prepareLibrary } from '../session/useLibrary';
import { NavigationProvider, useNavigation } from '../session/navigation';
import type { Route } from '../session/routes';
import { useOpenVault, useVaultSession } from '../session/VaultSessionProvider';
import { type AreaId, areaOf, areas } from './areas';
import { CommandPalette } from './command-palette/CommandPalette';
import { useHeadingFocus } from './useHeadingFocus';
import { whenIdle } from '../when-idle';

function ThemeToggle() {
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const label = colorScheme === 'dark' ? 'Use light theme' : 'Use dark theme';
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" size="lg" onClick={toggleColorScheme} aria-label={label}>
        {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

/** The frame around every screen of an unlocked vault: header, navigation, lock. */
export function AppFrame() {
  return (
    <NavigationProvider>
      <Frame />
    </NavigationProvider>
  );
}

function Frame() {
  const vault = useOpenVault();
  const { lock, backupNotice, dismissBackupNotice } = useVaultSession();
  const { route, navigate } = useNavigation();
  const current = areaOf(route);
  const main = useRef<HTMLElement>(null);
  useHeadingFocus(route, main);
  const [opened, setOpened] = useState<ReadonlySet<AreaId>>(() => new Set([current]));
  const [lastRoute, setLastRoute] = useState<Partial<Record<AreaId, Route>>>({});
  if (!opened.has(current)) setOpened((previous) => new Set(previous).add(current));
  if (lastRoute[current] !== route) setLastRoute((previous) => ({ ...previous, [current]: route }));

  useEffect(
    () =>
      // Get the library ready, and the session calendars in step, while the clinician is still
      // on the first screen, but only once it is painted: a busy practice's Today takes about
      // half a second after unlocking, and this work competed with it.
      whenIdle(
        () => {
          void prepareLibrary(vault)
            .then(() => setOpened((previous) => new Set(previous).add('library')))
            .catch(() => undefined);
          // Session calendars and insight summaries missing after restoring an older backup are
          // rewritten once, so Today and Insights stop working them out from every record on
          // each visit. A failure changes nothing.
          void vault.sessions.repairCalendars().catch(() => undefined);
          void vault.insights.repair().catch(() => undefined);
        },
        { delayMs: 1_000 },
      ),
    [vault],
  );

  const mounted = areas.filter(
    (area) => area.id === current || (area.keepOpen && opened.has(area.id)),
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          {/* A long vault name is cut short with an ellipsis; the DEMO badge beside it never is. */}
          <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: 1 }}>
            <ThemeIcon size="lg" radius="md" variant="light" aria-hidden>
              <IconShieldLock size={20} />
            </ThemeIcon>
            <Text fw={700}>Bridgework</Text>
            <Text c="dimmed" size="sm" data-testid="vault-name" truncate="end" miw={0}>
              · <UserText>{vault.name}</UserText>
            </Text>
            <DemoVaultMark />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <CommandPalette />
            <ThemeToggle />
            <Tooltip label="Lock now (Ctrl+L / ⌘L)">
              <Button variant="default" leftSection={<IconLock size={16} />} onClick={lock}>
                Lock
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {areas
          .filter((area) => area.inNavigation)
          .map((area) => (
            <NavLink
              key={area.id}
              component="button"
              label={area.label}
              leftSection={<area.icon size={18} />}
              active={area.id === current}
              // Another area opens where it was left; the area already open goes to its home
              // (Today's list from a session plan, the practice-wide Insights from a client's).
              onClick={() =>
                navigate(area.id === current ? area.home : (lastRoute[area.id] ?? area.home))
              }
              aria-current={area.id === current ? 'page' : undefined}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main ref={main}>
        {backupNotice && (
          <Alert
            color="yellow"
            role="status"
            mb="md"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={dismissBackupNotice}
          >
            {backupNotice}
          </Alert>
        )}
        {mounted.map((area) => (
          <div key={area.id} hidden={area.id !== current}>
            {area.render()}
          </div>
        ))}
      </AppShell.Main>
    </AppShell>
  );
}
