import { Alert, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DEMO_MARK } from '../../../src-shared/domain/demo-vault';
import { KeyDerivationProgress } from '../../components/KeyDerivationProgress';
import type { DemoVault } from '../../data/seed/demo-vault';
import { expectedDerivationMs } from '../../data/vault-access';
import { describeVaultError } from '../../formatting/describe-error';

type State =
  | { kind: 'offer' }
  | { kind: 'making' }
  | { kind: 'made'; demo: DemoVault }
  | { kind: 'failed'; message: string };

/** The demo's code (seed module and content) loads only when a demo is asked for. */
const loadCreateDemoVault = () =>
  import('../../data/seed/demo-vault').then((module) => module.createDemoVault);

/**
 * "Try a demo vault": makes a separate vault of made-up clients, shows its passphrase, and
 * opens it when the clinician is ready. Real vaults are not touched.
 */
export function DemoVaultStep({
  onOpen,
  onCancel,
}: {
  onOpen: (demo: DemoVault) => void;
  onCancel: () => void;
}) {
  const [state, setState] = useState<State>({ kind: 'offer' });

  async function make() {
    setState({ kind: 'making' });
    try {
      const createDemoVault = await loadCreateDemoVault();
      setState({ kind: 'made', demo: await createDemoVault() });
    } catch (caught) {
      setState({ kind: 'failed', message: describeVaultError(caught) });
    }
  }

  if (state.kind === 'making')
    return (
      <KeyDerivationProgress
        label="Setting up the demo vault and its made-up clients…"
        expectedMs={expectedDerivationMs() * 2 + 1_500}
      />
    );

  if (state.kind === 'made')
    return (
      <Stack gap="md">
        <Group gap="xs">
          <Badge color="grape" variant="light">
            {DEMO_MARK}
          </Badge>
          <Text size="sm">
            The demo vault is ready, with {state.demo.counts.clients} made-up clients.
          </Text>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600} id="demo-passphrase-label">
            Its passphrase
          </Text>
          <Code
            block
            fz="md"
            aria-labelledby="demo-passphrase-label"
            data-testid="demo-passphrase"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          >
            {state.demo.passphrase}
          </Code>
          <Text size="xs" c="dimmed">
            You’ll need it to open the demo again later. It only protects made-up clients, so
            writing it down is fine.
          </Text>
        </Stack>
        <Group justify="flex-end">
          <Button onClick={() => onOpen(state.demo)}>Open the demo vault</Button>
        </Group>
      </Stack>
    );

  return (
    <Stack gap="md">
      <Text size="sm">
        A demo vault holds a few made-up clients, a few weeks into therapy: session plans, practice
        agreed together, finished reviews and handouts. Everything in it is invented.
      </Text>
      <Text size="sm" c="dimmed">
        It is a separate vault, marked {DEMO_MARK} wherever it is open. Your own vaults stay as they
        are.
      </Text>
      {state.kind === 'failed' && (
        <Alert color="red" title="The demo vault wasn’t made">
          {state.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Back
        </Button>
        <Button onClick={make}>Make the demo vault</Button>
      </Group>
    </Stack>
  );
}
