import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TemplateContent } from '../../../src-shared/domain/template';
import { UserText } from '../../components/UserText';

/**
 * What only the clinician reads about a template, before assigning it: who it is not for (or
 * only after checking) and how to use it. Shown in the library, never in the client's preview.
 */
export function ForClinicianPanel({
  content,
}: {
  content: Pick<TemplateContent, 'clinicianNotes' | 'cautions' | 'noLadderBecause'>;
}) {
  if (!content.clinicianNotes && content.cautions.length === 0 && !content.noLadderBecause)
    return null;
  return (
    <Paper component="section" withBorder radius="md" p="md" aria-label="For you, not the client">
      <Stack gap="sm">
        <Title order={3} size="h5">
          For you, not the client
        </Title>
        {content.cautions.length > 0 && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} />}
            title="Check before assigning"
            role="note"
          >
            <List size="sm" spacing={2}>
              {content.cautions.map((caution, index) => (
                <List.Item key={index}>
                  <UserText>{caution}</UserText>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {content.clinicianNotes && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            <UserText>{content.clinicianNotes}</UserText>
          </Text>
        )}
        {content.noLadderBecause && (
          <Text size="sm" c="dimmed">
            No ladder: <UserText>{content.noLadderBecause}</UserText>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
