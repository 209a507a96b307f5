import {
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { LibraryItem } from '../../../src-shared/domain/library-search';
import { describeVaultError } from '../../formatting/describe-error';
import { UserText } from '../../components/UserText';
import type { AssignmentSource } from '../../data/assignments-repository';
import { useLibrary } from '../../session/useLibrary';
import { useVaultQuery } from '../../session/useVaultQuery';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { useStartPractice } from '../../session/useStartPractice';

const SHOWN = 30;

/**
 * Where new practice starts: a template from the library (searched by name, concern or
 * approach) or a blank page with just a title. Starting makes a draft, which the builder opens.
 */
export function StartPracticeScreen({
  clientId,
  sessionId,
}: {
  clientId: string;
  sessionId: string | null;
}) {
  const { clients } = useOpenVault();
  const startPractice = useStartPractice();
  const { search, isLoading } = useLibrary();
  const [query, setQuery] = useState('');
  const [ownTitle, setOwnTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const client = useVaultQuery(() => clients.get(clientId), [clients, clientId]);

  const results = search
    .search(query)
    .filter((item) => !item.archived)
    .slice(0, SHOWN);

  const start = async (source: AssignmentSource) => {
    setStarting(true);
    setProblem(null);
    try {
      await startPractice(clientId, sessionId, source);
    } catch (error) {
      setProblem(describeVaultError(error));
      setStarting(false);
    }
  };

  const fromTemplate = (item: LibraryItem) =>
    start({
      from: 'template',
      ref: { templateId: item.key, version: item.version },
      template: item.content,
    });

  return (
    <Stack gap="md" maw={900}>
      <div>
        <Text size="sm" c="dimmed">
          New practice{client ? ' with ' : ''}
          {client && <UserText>{client.name}</UserText>}
        </Text>
        <Title order={1} size="h2">
          Where shall we start?
        </Title>
      </div>
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            Start from scratch
          </Title>
          <Group align="flex-end">
            <TextInput
              label="A title for the client"
              placeholder="Evening walk"
              value={ownTitle}
              onChange={(event) => setOwnTitle(event.currentTarget.value)}
              autoComplete="off"
              style={{ flex: 1 }}
            />
            <Button
              disabled={!ownTitle.trim() || starting}
              onClick={() => void start({ from: 'scratch', title: ownTitle.trim() })}
            >
              Start
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Or from the library
        </Title>
        <TextInput
          aria-label="Search the library"
          placeholder="Search by name, concern or approach"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          autoComplete="off"
        />
        {problem && (
          <Text c="var(--mantine-color-error)" role="alert">
            {problem}
          </Text>
        )}
        <ScrollArea.Autosize mah={520}>
          <Stack
            gap={6}
            component="ul"
            m={0}
            p={0}
            aria-label="Templates"
            style={{ listStyle: 'none' }}
          >
            {!isLoading && results.length === 0 && (
              <Text c="dimmed">Nothing in the library matches that. Try another word.</Text>
            )}
            {results.map((item) => (
              <li key={item.key}>
                <UnstyledButton
                  onClick={() => void fromTemplate(item)}
                  disabled={starting}
                  w="100%"
                  p="sm"
                  style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <div>
                      <Text fw={600}>
                        {/* The button's name is what it shows (as speech input expects), after "Use". */}
                        <VisuallyHidden>Use </VisuallyHidden>
                        <UserText>{item.content.title}</UserText>
                      </Text>
                      <Text size="sm" c="dimmed">
                        The client sees: <UserText>{item.content.clientTitle}</UserText>
                      </Text>
                    </div>
                    {item.content.cautions.length > 0 && (
                      // Orange text on its light background is too faint to read; the body's text colour isn't.
                      <Badge color="orange" variant="light" c="var(--mantine-color-text)">
                        Has cautions
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Stack>
  );
}
