import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ClientFacingTemplate } from '../../../src-shared/domain/client-facing-template';
import { UserText } from '../../components/UserText';

/**
 * A template as the client will see it on the shared screen and the handout: plain words, large
 * type. It is given only the client's view of the template (`clientFacingTemplate`), so notes
 * and cautions for the clinician can't reach it. Everything renders as text, never as HTML.
 */
export function TemplatePreview({ view }: { view: ClientFacingTemplate }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      bg="var(--mantine-color-body)"
      aria-label="Preview as the client will see it"
    >
      <Stack gap="lg" fz="lg">
        <Title order={2} size="h2">
          <UserText>{view.title}</UserText>
        </Title>
        <section>
          <Title order={3} size="h4" mb={4}>
            Why this helps
          </Title>
          <Text fz="lg">
            <UserText>{view.purpose}</UserText>
          </Text>
        </section>
        <section>
          <Title order={3} size="h4" mb={4}>
            What to do
          </Title>
          <List type="ordered" spacing={6} fz="lg">
            {view.steps.map((step, index) => (
              <List.Item key={index}>
                <UserText>{step}</UserText>
              </List.Item>
            ))}
          </List>
        </section>
        <Group grow align="stretch">
          <Paper withBorder radius="md" p="md">
            <Text fw={700} size="sm" tt="uppercase" c="dimmed">
              The smallest step that counts
            </Text>
            <Text fz="lg">
              <UserText>{view.minimumDose}</UserText>
            </Text>
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Text fw={700} size="sm" tt="uppercase" c="dimmed">
              A usual week
            </Text>
            <Text fz="lg">
              <UserText>{view.standardDose}</UserText>
            </Text>
          </Paper>
        </Group>
        <section>
          <Title order={3} size="h4" mb={6}>
            Choose how much
          </Title>
          <Group gap="xs">
            {view.doseOptions.map((label, index) => (
              <Badge key={index} size="lg" variant="light" radius="sm" tt="none">
                <UserText>{label}</UserText>
              </Badge>
            ))}
          </Group>
        </section>
        {view.barriers.length > 0 && (
          <section>
            <Title order={3} size="h4" mb={4}>
              If something gets in the way
            </Title>
            <Stack gap={6}>
              {view.barriers.map((barrier, index) => (
                <Text key={index} fz="md">
                  <Text span fw={600}>
                    <UserText>{barrier.barrier}</UserText>:
                  </Text>{' '}
                  <UserText>{barrier.ifThen}</UserText>
                </Text>
              ))}
            </Stack>
          </section>
        )}
        {view.ladder.length > 0 && (
          <section>
            <Title order={3} size="h4" mb={4}>
              Steps up, one at a time
            </Title>
            <List type="ordered" spacing={4} fz="md">
              {view.ladder.map((rung, index) => (
                <List.Item key={index}>
                  <UserText>{rung.step}</UserText>
                </List.Item>
              ))}
            </List>
          </section>
        )}
        <section>
          <Title order={3} size="h4" mb={4}>
            My practice this week
          </Title>
          <Table withTableBorder withColumnBorders fz="sm" aria-label="Practice tracker">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                {view.trackerFields.map((field, index) => (
                  <Table.Th key={index}>
                    <UserText>{field.label}</UserText>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {['Mon', 'Tue', 'Wed'].map((day) => (
                <Table.Tr key={day}>
                  <Table.Td>{day}</Table.Td>
                  {view.trackerFields.map((field, index) => (
                    <Table.Td key={index}>{field.kind === 'yes-no' ? '☐' : ''}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        {view.worksheetPrompts.length > 0 && (
          <section>
            <Title order={3} size="h4" mb={4}>
              To think about
            </Title>
            <List spacing={4} fz="md">
              {view.worksheetPrompts.map((prompt, index) => (
                <List.Item key={index}>
                  <UserText>{prompt}</UserText>
                </List.Item>
              ))}
            </List>
          </section>
        )}
      </Stack>
    </Paper>
  );
}
