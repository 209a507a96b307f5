import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconLock, IconShieldLock } from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import { DEMO_MARK, isDemoVaultName } from '../../../src-shared/domain/demo-vault';
import type { VaultSummary } from '../../../src-shared/ipc/contract';
import { CreateVaultForm } from './CreateVaultForm';
import { DemoVaultStep } from './DemoVaultStep';
import { RecoveryKeyStep } from '../../components/RecoveryKeyStep';
import { UnlockForm } from './UnlockForm';
import {
  type CreatedVault,
  listVaults,
  takeEarlyVaults,
  unlockVault,
} from '../../data/vault-access';
import { describeUnreadableVault } from '../../formatting/describe-error';
import { useVaultSession } from '../../session/VaultSessionProvider';

type Step =
  | { kind: 'choose' }
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'demo' }
  | { kind: 'recovery-key'; vault: CreatedVault }
  | { kind: 'unlock'; vault: VaultSummary };

/** Where the start screen begins once the vaults are known: the one vault's unlock form, or creating the first. */
function firstStep(list: VaultSummary[] | null, step: Step): Step {
  if (!list || step.kind !== 'choose') return step;
  const [only] = list;
  if (list.length === 1 && only) return { kind: 'unlock', vault: only };
  return list.length === 0 ? { kind: 'create' } : step;
}

/** Bringing a vault in from a backup needs the vault's store code; it loads when asked for. */
const ImportBackupFlow = lazy(() =>
  import('./ImportBackupFlow').then((module) => ({ default: module.ImportBackupFlow })),
);

/** The first screen: pick a vault and unlock it, or create the first one. */
export function StartScreen() {
  const { enter, notice } = useVaultSession();
  const [early] = useState(takeEarlyVaults);
  const [vaults, setVaults] = useState<VaultSummary[] | null>(early);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>(() => firstStep(early, { kind: 'choose' }));

  useEffect(() => {
    if (early) return undefined;
    let current = true;
    listVaults().then(
      (list) => {
        if (!current) return;
        setVaults(list);
        setStep((step) => firstStep(list, step));
      },
      () =>
        current &&
        setLoadError('Bridgework couldn’t read its vault folder. Please restart the app.'),
    );
    return () => {
      current = false;
    };
  }, [early]);

  const firstVault = vaults?.length === 0;
  const demoVaults = (vaults ?? []).filter(isDemo);
  const realVaults = (vaults ?? []).filter((vault) => !isDemo(vault));
  let heading = 'Welcome back';
  let content;
  if (loadError) {
    content = <Alert color="red">{loadError}</Alert>;
  } else if (!vaults) {
    content = (
      <Center py="xl">
        <LoadingMark label="Loading vaults" />
      </Center>
    );
  } else if (step.kind === 'create') {
    heading = firstVault ? 'Create your vault' : 'Create a new vault';
    content = (
      <Stack gap="md">
        <Text c="dimmed" size="sm">
          Your vault keeps everything about your clients encrypted on this laptop, and nowhere else.
        </Text>
        <CreateVaultForm
          onCreated={(vault) => setStep({ kind: 'recovery-key', vault })}
          onCancel={firstVault ? undefined : () => setStep({ kind: 'choose' })}
        />
        {firstVault && (
          <Text size="sm" ta="center">
            Moving from another computer?{' '}
            <Anchor component="button" type="button" onClick={() => setStep({ kind: 'import' })}>
              Open from a backup file
            </Anchor>
          </Text>
        )}
        {firstVault && (
          <Text size="sm" ta="center">
            Just looking around?{' '}
            <Anchor component="button" type="button" onClick={() => setStep({ kind: 'demo' })}>
              Try a demo vault
            </Anchor>
          </Text>
        )}
      </Stack>
    );
  } else if (step.kind === 'import') {
    heading = 'Open from a backup file';
    content = (
      <Suspense fallback={<LoadingMark size="sm" label="Opening" />}>
        <ImportBackupFlow onCancel={() => setStep({ kind: firstVault ? 'create' : 'choose' })} />
      </Suspense>
    );
  } else if (step.kind === 'demo') {
    heading = 'Try a demo vault';
    content = (
      <DemoVaultStep
        onOpen={(demo) => enter(demo.vault)}
        onCancel={() => setStep({ kind: firstVault ? 'create' : 'choose' })}
      />
    );
  } else if (step.kind === 'recovery-key') {
    heading = 'Your recovery key';
    content = (
      <RecoveryKeyStep
        recoveryKey={step.vault.recoveryKey}
        onDone={() => enter(step.vault)}
        sheet={{ newVault: step.vault }}
      />
    );
  } else if (step.kind === 'unlock') {
    const { vault } = step;
    heading = step.vault.status === 'ready' ? step.vault.name : 'This vault can’t be opened';
    content = (
      <Stack gap="md">
        {vault.status === 'ready' && isDemoVaultName(vault.name) && <DemoVaultNote />}
        {step.vault.status === 'ready' ? (
          <UnlockForm unlock={(secret) => unlockVault(vault.vaultId, secret)} onUnlocked={enter} />
        ) : (
          <Alert color="red" role="alert">
            {describeUnreadableVault(step.vault.problem)}
          </Alert>
        )}
        {
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => setStep({ kind: 'choose' })}
          >
            Other vaults and backups
          </Anchor>
        }
      </Stack>
    );
  } else {
    content = (
      <Stack gap="sm">
        {realVaults.length > 0 && (
          <Text c="dimmed" size="sm">
            Choose a vault to unlock.
          </Text>
        )}
        {realVaults.map((vault) => (
          <VaultChoice
            key={vault.vaultId}
            vault={vault}
            onChoose={() => setStep({ kind: 'unlock', vault })}
          />
        ))}
        {demoVaults.length > 0 && (
          <Text c="dimmed" size="sm" mt={realVaults.length > 0 ? 'sm' : 0}>
            Demo vaults, with made-up clients only
          </Text>
        )}
        {demoVaults.map((vault) => (
          <VaultChoice
            key={vault.vaultId}
            vault={vault}
            onChoose={() => setStep({ kind: 'unlock', vault })}
          />
        ))}
        <Stack gap="xs" mt="sm">
          <Button variant="light" fullWidth onClick={() => setStep({ kind: 'create' })}>
            Create a new vault
          </Button>
          <Button variant="subtle" fullWidth onClick={() => setStep({ kind: 'import' })}>
            Open from a backup file
          </Button>
          <Button variant="subtle" fullWidth onClick={() => setStep({ kind: 'demo' })}>
            Try a demo vault
          </Button>
        </Stack>
      </Stack>
    );
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Box w="100%" maw={480}>
        <Group gap="xs" justify="center" mb="lg">
          <ThemeIcon size="lg" radius="md" variant="light" aria-hidden>
            <IconShieldLock size={20} />
          </ThemeIcon>
          <Text fw={700} fz="lg">
            Bridgework
          </Text>
        </Group>
        <Paper withBorder shadow="sm" radius="lg" p="xl">
          <Title order={1} size="h2" mb="md">
            {heading}
          </Title>
          {notice && (
            <Alert color="blue" variant="light" mb="md">
              {notice}
            </Alert>
          )}
          {content}
        </Paper>
        <Text ta="center" size="xs" c="dimmed" mt="md">
          Stored encrypted on this computer only. No account, no cloud.
        </Text>
      </Box>
    </Center>
  );
}

/** Whether a listed vault is a demo vault (made-up clients only). */
const isDemo = (vault: VaultSummary) => vault.status === 'ready' && isDemoVaultName(vault.name);

/** Said above a demo vault's unlock form. */
function DemoVaultNote() {
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge color="grape" variant="light">
        {DEMO_MARK}
      </Badge>
      <Text size="sm" c="dimmed">
        A demo vault: its clients are made up.
      </Text>
    </Group>
  );
}

function VaultChoice({ vault, onChoose }: { vault: VaultSummary; onChoose: () => void }) {
  const demo = isDemo(vault);
  return (
    <UnstyledButton
      onClick={onChoose}
      aria-label={
        vault.status === 'ready'
          ? `Unlock ${vault.name}${demo ? ` (${DEMO_MARK})` : ''}`
          : 'A vault that can’t be opened'
      }
    >
      <Paper
        withBorder
        radius="md"
        p="md"
        bg={demo ? 'var(--mantine-color-grape-light)' : undefined}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Text fw={600}>
              {vault.status === 'ready' ? vault.name : 'A vault that can’t be opened'}
            </Text>
            {demo && (
              <Badge color="grape" variant="light">
                {DEMO_MARK}
              </Badge>
            )}
          </Group>
          <IconLock size={18} aria-hidden />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}
