import { Box, Center, Container, Stack, Text, Title } from '@mantine/core';
import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { useClientViewDisplay } from './useClientViewDisplay';

/** The client view's whole screen: the placeholder, a blank screen, or a snapshot in large type. */
export function ClientViewScreen() {
  const display = useClientViewDisplay();
  switch (display.mode) {
    case 'waiting':
      return <Placeholder />;
    case 'blank':
      // Nothing visible at all; the name is for screen readers only.
      return <Box component="main" aria-label="Nothing is shown" mih="100vh" />;
    case 'snapshot':
      return <Snapshot snapshot={display.snapshot} />;
  }
}

function Placeholder() {
  return (
    <Center component="main" mih="100vh" p="xl">
      <Text fz={34} lh={1.4} c="dimmed" ta="center" maw={720}>
        This screen is ready to share. Nothing is shown yet.
      </Text>
    </Center>
  );
}

/** Client text is rendered as text, never HTML; `dir="auto"` lets each line keep its own direction. */
function Snapshot({ snapshot }: { snapshot: ClientViewSnapshot }) {
  return (
    <Container component="main" size="md" py={48}>
      <Stack gap={40}>
        <Title order={1} fz={48} lh={1.2} dir="auto">
          {snapshot.title}
        </Title>
        {snapshot.sections.map((section, index) => (
          // The sections are a fixed list replaced as a whole, so their order is their identity.
          <Stack component="section" gap="sm" key={index}>
            {section.heading && (
              <Title order={2} fz={32} lh={1.3} dir="auto">
                {section.heading}
              </Title>
            )}
            <Text fz={28} lh={1.5} dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {section.body}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Container>
  );
}
