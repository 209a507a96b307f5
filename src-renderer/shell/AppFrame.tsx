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
import {
  IconLock,
  IconMoon,
  IconShieldLock,
  IconSun,
  IconSettings,
  IconUsers,
  IconBooks,
} from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { ClientsScreen } from '../features/clients/ClientsScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { prepareLibrary } from '../features/library/useLibrary';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useOpenVault, useVaultSession } from '../session/VaultSessionProvider';

/**
 * The screens reachable from the navigation; later features add theirs here. Screens that are
 * kept open stay mounted (hidden) once visited, so going back to them is instant and they keep
 * their place; they read live data, so they are never stale. The library is also opened in the
 * background after unlocking.
 */
const screens = [
  {
    id: 'clients',
    label: 'Clients',
    icon: IconUsers,
    keepOpen: true,
    render: () => <ClientsScreen />,
  },
  {
    id: 'library',
    label: 'Library',
    icon: IconBooks,
    keepOpen: true,
    render: () => <LibraryScreen />,
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: IconSettings,
    keepOpen: false,
    render: () => <SettingsScreen />,
  },
] as const satisfies readonly {
  id: string;
  label: string;
  icon: typeof IconUsers;
  keepOpen: boolean;
  render: () => ReactNode;
}[];

type ScreenId = (typeof screens)[number]['id'];

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
  const vault = useOpenVault();
  const { lock, backupNotice, dismissBackupNotice } = useVaultSession();
  const [current, setCurrent] = useState<ScreenId>('clients');
  const [opened, setOpened] = useState<ReadonlySet<ScreenId>>(new Set(['clients']));
  useEffect(() => {
    // Get the library ready while the clinician is still on the first screen.
    const timer = window.setTimeout(() => {
      void prepareLibrary(vault)
        .then(() => setOpened((previous) => new Set(previous).add('library')))
        .catch(() => undefined);
    }, 500);
    return () => window.clearTimeout(timer);
  }, [vault]);

  function show(id: ScreenId) {
    setCurrent(id);
    setOpened((previous) => new Set(previous).add(id));
  }
  const mounted = screens.filter(
    (screen) => screen.id === current || (screen.keepOpen && opened.has(screen.id)),
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="xs">
            <ThemeIcon size="lg" radius="md" variant="light" aria-hidden>
              <IconShieldLock size={20} />
            </ThemeIcon>
            <Text fw={700}>Bridgework</Text>
            <Text c="dimmed" size="sm" data-testid="vault-name">
              · {vault.name}
            </Text>
          </Group>
          <Group gap="xs">
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
        {screens.map((item) => (
          <NavLink
            key={item.id}
            label={item.label}
            leftSection={<item.icon size={18} />}
            active={item.id === current}
            onClick={() => show(item.id)}
            aria-current={item.id === current ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
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
        {mounted.map((screen) => (
          <div key={screen.id} hidden={screen.id !== current}>
            {screen.render()}
          </div>
        ))}
      </AppShell.Main>
    </AppShell>
  );
}
