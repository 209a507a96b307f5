import {
  Alert,
  Button,
  Grid,
  Group,
  MultiSelect,
  ScrollArea,
  Select,
  Stack,
  TagsInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { clientFacingTemplate } from '../../../src-shared/domain/client-facing-template';
import {
  approachLabels,
  categoryLabels,
  describeTemplateField,
  type TemplateContent,
  templateApproaches,
  templateCategories,
  templateContentSchema,
} from '../../../src-shared/domain/template';
import { BarriersEditor } from '../../components/editors/BarriersEditor';
import { DoseEditor } from '../../components/editors/DoseEditor';
import { DoseOptionsEditor } from '../../components/editors/DoseOptionsEditor';
import { LadderEditor } from '../../components/editors/LadderEditor';
import { LinesTextarea } from '../../components/editors/LinesTextarea';
import { LimitedField } from '../../components/LimitedField';
import { TrackerFieldsEditor } from '../../components/editors/TrackerFieldsEditor';
import { useOneAtATime } from '../../components/useOneAtATime';
import { ClinicianOnlyFields } from './ClinicianOnlyFields';
import { TemplatePreview } from './TemplatePreview';

/** An issue with where it is, in words ("steps 2: …", "tracker fields 1 label: …"). */
function describeIssue(path: PropertyKey[], message: string): string {
  return `${describeTemplateField(path) || 'Template'}: ${message}`;
}

/**
 * Creates or edits a custom template, with a tracker-field builder and a live preview as the
 * client will see it. Saving an edit makes a new version; assignments keep the old one.
 */
export function TemplateEditor({
  initial,
  heading,
  onSave,
  onCancel,
}: {
  initial: TemplateContent;
  heading: ReactNode;
  onSave: (content: TemplateContent) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<TemplateContent>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const set = (change: Partial<TemplateContent>) =>
    setDraft((current) => ({ ...current, ...change }));

  const saving = useOneAtATime(async () => {
    const parsed = templateContentSchema.safeParse(draft);
    if (!parsed.success) {
      setProblems(
        parsed.error.issues.slice(0, 5).map((issue) => describeIssue(issue.path, issue.message)),
      );
      return;
    }
    await onSave(parsed.data);
  });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {heading}
        </Title>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button loading={saving.busy} onClick={() => void saving.run()}>
            Save template
          </Button>
        </Group>
      </Group>
      {problems.length > 0 && (
        <Alert color="red" title="Please check these before saving" role="alert">
          {problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ScrollArea.Autosize mah="calc(100vh - 220px)" offsetScrollbars>
            <Stack gap="sm" pr="xs">
              <LimitedField
                label="Title"
                description="For your library, in the words you use. Clients don’t see it."
                value={draft.title}
                onChange={(text) => set({ title: text })}
                max={120}
              />
              <LimitedField
                label="Client title"
                description="What the client sees, in plain words."
                value={draft.clientTitle}
                onChange={(text) => set({ clientTitle: text })}
                max={120}
              />
              <LimitedField
                label="Discreet title"
                description="Nothing that reveals therapy: safe on a fridge door or a phone screen."
                value={draft.discreetTitle}
                onChange={(text) => set({ discreetTitle: text })}
                max={120}
              />
              <Group grow>
                <Select
                  label="Category"
                  data={templateCategories.map((value) => ({
                    value,
                    label: categoryLabels[value],
                  }))}
                  value={draft.category}
                  onChange={(value) =>
                    value && set({ category: value as TemplateContent['category'] })
                  }
                  allowDeselect={false}
                />
                <MultiSelect
                  label="Approaches"
                  data={templateApproaches.map((value) => ({
                    value,
                    label: approachLabels[value],
                  }))}
                  value={draft.approaches}
                  onChange={(value) => set({ approaches: value as TemplateContent['approaches'] })}
                  maxValues={4}
                />
              </Group>
              <TagsInput
                label="Concerns"
                description="Press Enter after each."
                value={draft.concerns}
                onChange={(value) => set({ concerns: value })}
                maxTags={8}
              />
              <LimitedField
                label="Why this helps (in the client’s words)"
                value={draft.purpose}
                onChange={(purpose) => set({ purpose })}
                max={600}
                multiline
              />
              <LinesTextarea
                label="Steps"
                description="One step per line."
                value={draft.steps}
                onChange={(steps) => set({ steps })}
                minRows={3}
              />
              <LimitedField
                label="Smallest step that counts"
                value={draft.minimumDose.label}
                onChange={(text) => set({ minimumDose: { ...draft.minimumDose, label: text } })}
                max={200}
              />
              <DoseEditor
                name="smallest step"
                value={draft.minimumDose.dose}
                onChange={(dose) => set({ minimumDose: { ...draft.minimumDose, dose } })}
              />
              <LimitedField
                label="A usual week"
                value={draft.standardDose}
                onChange={(text) => set({ standardDose: text })}
                max={200}
              />
              <DoseOptionsEditor
                value={draft.doseOptions}
                onChange={(doseOptions) => set({ doseOptions })}
              />
              <TrackerFieldsEditor
                value={draft.trackerFields}
                onChange={(trackerFields) => set({ trackerFields })}
              />
              <BarriersEditor value={draft.barriers} onChange={(barriers) => set({ barriers })} />
              <LinesTextarea
                label="Worksheet questions"
                description="One per line."
                value={draft.worksheetPrompts}
                onChange={(worksheetPrompts) => set({ worksheetPrompts })}
              />
              <LadderEditor
                value={draft.ladder}
                onChange={(ladder) =>
                  set({ ladder, noLadderBecause: ladder.length > 0 ? null : draft.noLadderBecause })
                }
              />
              {draft.ladder.length === 0 && (
                <LimitedField
                  label="Why there is no ladder (optional, for you)"
                  value={draft.noLadderBecause ?? ''}
                  onChange={(text) => set({ noLadderBecause: text || null })}
                  max={240}
                />
              )}
              <ClinicianOnlyFields
                notes={draft.clinicianNotes}
                cautions={draft.cautions}
                onChange={set}
              />
            </Stack>
          </ScrollArea.Autosize>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {/* Focusable, so the preview can be scrolled with the keyboard (it holds no controls). */}
          <ScrollArea.Autosize
            mah="calc(100vh - 220px)"
            offsetScrollbars
            viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Preview, scrollable' }}
          >
            <TemplatePreview view={clientFacingTemplate(draft, 'plain')} />
          </ScrollArea.Autosize>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
