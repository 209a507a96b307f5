import { List, Stack, Text } from '@mantine/core';
import type { Assignment } from '../../../src-shared/domain/assignment';
import { UserText } from '../../components/UserText';

/**
 * How this practice came to be as it is: each earlier version and why it was changed, oldest
 * first. Nothing is shown for practice that is still its first version.
 */
export function VersionHistory({ chain }: { chain: readonly Assignment[] }) {
  if (chain.length < 2) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        How it has changed
      </Text>
      <List size="sm" spacing={2}>
        {chain.map((version, index) => (
          <List.Item key={version.id}>
            Version {index + 1}: <UserText>{version.title}</UserText>
            {version.replaces?.reason ? (
              <>
                {' — '}
                <UserText>{version.replaces.reason}</UserText>
              </>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
