import { Stack, Text, Title } from '@mantine/core';

/** An address whose screen comes in a later version: says so, plainly, instead of a blank page. */
export function ComingLaterScreen({ what }: { what: string }) {
  return (
    <Stack gap="sm" maw={620}>
      <Title order={1} size="h2">
        Not here yet
      </Title>
      <Text>
        {what} will live here in a coming version of Bridgework. Everything else in your vault is
        where it always is, in the navigation on the left.
      </Text>
    </Stack>
  );
}
