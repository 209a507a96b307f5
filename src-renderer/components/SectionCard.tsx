import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

/** One part of a working screen (the session plan, a review): a bordered card with its heading, an optional line under it. */
export function SectionCard({
  title,
  icon,
  note,
  children,
}: {
  title: string;
  icon?: ReactNode;
  note?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder radius="md" p="lg" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Group gap="xs">
            {icon}
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
          </Group>
          {note && (
            <Text size="sm" c="dimmed" mt={2}>
              {note}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
