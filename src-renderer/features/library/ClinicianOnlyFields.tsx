import { Paper, Stack, Text, Title } from '@mantine/core';
import type { TemplateContent } from '../../../src-shared/domain/template';
import { LinesTextarea } from '../../components/editors/LinesTextarea';
import { LimitedField } from '../../components/LimitedField';

/** The template's clinician-only part in the editor: notes and cautions, never printed. */
export function ClinicianOnlyFields({
  notes,
  cautions,
  onChange,
}: {
  notes: string;
  cautions: string[];
  onChange: (change: Partial<Pick<TemplateContent, 'clinicianNotes' | 'cautions'>>) => void;
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Only for you
        </Title>
        <Text size="sm" c="dimmed">
          Never printed and never shown to a client.
        </Text>
        <LimitedField
          label="Notes for clinicians"
          description="When to use it, how to introduce it, what to watch for."
          value={notes}
          onChange={(clinicianNotes) => onChange({ clinicianNotes })}
          max={1500}
          multiline
        />
        <LinesTextarea
          label="Cautions"
          description="Who it isn’t for, or only after checking. One per line."
          value={cautions}
          onChange={(next) => onChange({ cautions: next })}
        />
      </Stack>
    </Paper>
  );
}
