import { Box, Center, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { ClientViewSnapshot } from '../../src-shared/ipc/contract';
import { useClientViewDisplay } from './useClientViewDisplay';

type Section = ClientViewSnapshot['sections'][number];
type Item = Extract<Section, { items: unknown }>['items'][number];

/**
 * Type sizes for reading across a room or over video: large, growing with the window up to a
 * comfortable maximum, never smaller than a screen shared at half size can carry.
 */
const size = {
  eyebrow: 'clamp(18px, 1.4vw + 6px, 24px)',
  title: 'clamp(32px, 4vw + 8px, 54px)',
  heading: 'clamp(22px, 1.8vw + 8px, 30px)',
  body: 'clamp(22px, 2.2vw + 8px, 32px)',
  detail: 'clamp(19px, 1.8vw + 6px, 27px)',
  tag: 'clamp(17px, 1.4vw + 6px, 24px)',
};

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
      <Text fz={size.body} lh={1.4} c="dimmed" ta="center" maw={720}>
        This screen is ready to share. Nothing is shown yet.
      </Text>
    </Center>
  );
}

/**
 * A snapshot: a quiet top line, the title, and headed sections of text or short lists, with room
 * between them. Client text is rendered as text, never HTML; `dir="auto"` lets each piece keep
 * its own direction.
 */
function Snapshot({ snapshot }: { snapshot: ClientViewSnapshot }) {
  return (
    <Container component="main" size={980} px={{ base: 32, sm: 56 }} py={{ base: 40, sm: 64 }}>
      <Stack gap={56}>
        <Stack component="header" gap={12}>
          {snapshot.eyebrow && (
            <Text fz={size.eyebrow} fw={500} c="dimmed" dir="auto">
              {snapshot.eyebrow}
            </Text>
          )}
          <Title order={1} fz={size.title} lh={1.15} dir="auto">
            {snapshot.title}
          </Title>
        </Stack>
        {snapshot.sections.map((section, index) => (
          // The sections are a fixed list replaced as a whole, so their order is their identity.
          <SnapshotSection key={index} section={section} />
        ))}
      </Stack>
    </Container>
  );
}

function SnapshotSection({ section }: { section: Section }) {
  return (
    <Stack component="section" gap={14}>
      <Title
        order={2}
        fz={size.heading}
        lh={1.3}
        fw={600}
        c="var(--mantine-primary-color-filled)"
        dir="auto"
      >
        {section.heading}
      </Title>
      {'body' in section ? (
        <Text fz={size.body} lh={1.5} dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {section.body}
        </Text>
      ) : (
        <Stack component="ul" gap={18} m={0} p={0} style={{ listStyle: 'none' }}>
          {section.items.map((item, index) => (
            <SnapshotItem key={index} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** One list entry: a soft dot, the text, an optional tag ("This week") and a line below it. */
function SnapshotItem({ item }: { item: Item }) {
  return (
    <Group component="li" gap={20} wrap="nowrap" align="flex-start">
      <Box
        aria-hidden
        mt="0.55em"
        w={12}
        h={12}
        style={{
          flex: 'none',
          borderRadius: '50%',
          background: 'var(--mantine-primary-color-light-color)',
        }}
        fz={size.body}
      />
      <Stack gap={6}>
        <Group gap={14} wrap="wrap" align="baseline">
          <Text fz={size.body} lh={1.45} dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {item.text}
          </Text>
          {item.tag && (
            <Text
              span
              fz={size.tag}
              fw={600}
              lh={1.4}
              px={12}
              py={2}
              dir="auto"
              bg="var(--mantine-primary-color-light)"
              c="var(--mantine-primary-color-light-color)"
              style={{ borderRadius: 6, whiteSpace: 'nowrap' }}
            >
              {item.tag}
            </Text>
          )}
        </Group>
        {item.detail && (
          <Text fz={size.detail} lh={1.45} c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {item.detail}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
