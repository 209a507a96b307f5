import {
  Alert,
  Button,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  ScrollArea,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import {
  approachLabels,
  categoryLabels,
  describeTemplateField,
  type TemplateContent,
  templateApproaches,
  templateCategories,
  templateContentSchema,
  trackerFieldKindLabels,
  trackerFieldKinds,
} from '../../../src-shared/domain/template';
import { LinesTextarea } from './LinesTextarea';
import { ListEditor } from './ListEditor';
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

  async function save() {
    const parsed = templateContentSchema.safeParse(draft);
    if (!parsed.success) {
      setProblems(
        parsed.error.issues.slice(0, 5).map((issue) => describeIssue(issue.path, issue.message)),
      );
      return;
    }
    await onSave(parsed.data);
  }

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
          <Button onClick={() => void save()}>Save template</Button>
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
              <TextInput
                label="Title"
                value={draft.title}
                onChange={(e) => set({ title: e.currentTarget.value })}
                maxLength={120}
                autoComplete="off"
              />
              <TextInput
                label="Discreet title"
                description="No clinical words: safe on a fridge door or a phone screen."
                value={draft.discreetTitle}
                onChange={(e) => set({ discreetTitle: e.currentTarget.value })}
                maxLength={120}
                autoComplete="off"
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
              <Textarea
                label="Why this helps (in the client’s words)"
                value={draft.purpose}
                onChange={(e) => set({ purpose: e.currentTarget.value })}
                autosize
                minRows={3}
                maxLength={600}
              />
              <LinesTextarea
                label="Steps"
                description="One step per line."
                initial={initial.steps}
                onLines={(steps) => set({ steps })}
                minRows={3}
              />
              <Group grow>
                <TextInput
                  label="Smallest step that counts"
                  value={draft.minimumDose}
                  onChange={(e) => set({ minimumDose: e.currentTarget.value })}
                  maxLength={200}
                  autoComplete="off"
                />
                <TextInput
                  label="A usual week"
                  value={draft.standardDose}
                  onChange={(e) => set({ standardDose: e.currentTarget.value })}
                  maxLength={200}
                  autoComplete="off"
                />
              </Group>
              <ListEditor<TemplateContent['doseOptions'][number]>
                label="Dose options"
                addLabel="Add a dose option"
                items={draft.doseOptions}
                max={3}
                newItem={() => ({ label: '', timesPerWeek: 3 })}
                onChange={(doseOptions) => set({ doseOptions })}
                renderRow={(option, update, index) => (
                  <Group gap="xs" grow>
                    <TextInput
                      aria-label={`Dose option ${index + 1}`}
                      placeholder="e.g. Daily, 5 minutes"
                      value={option.label}
                      onChange={(e) => update({ ...option, label: e.currentTarget.value })}
                      autoComplete="off"
                    />
                    <NumberInput
                      aria-label={`Times per week, option ${index + 1}`}
                      placeholder="Times a week"
                      min={1}
                      max={21}
                      value={option.timesPerWeek}
                      onChange={(value) => update({ ...option, timesPerWeek: Number(value) || 1 })}
                    />
                    <NumberInput
                      aria-label={`Minutes, option ${index + 1}`}
                      placeholder="Minutes (optional)"
                      min={1}
                      max={240}
                      value={option.minutes ?? ''}
                      onChange={(value) =>
                        update({ ...option, minutes: value === '' ? undefined : Number(value) })
                      }
                    />
                  </Group>
                )}
              />
              <ListEditor
                label="Tracker fields"
                addLabel="Add a tracker field"
                items={draft.trackerFields}
                max={6}
                newItem={() => ({ label: '', kind: 'yes-no' as const })}
                onChange={(trackerFields) => set({ trackerFields })}
                renderRow={(field, update, index) => (
                  <Group gap="xs" grow>
                    <TextInput
                      aria-label={`Tracker field ${index + 1} label`}
                      placeholder="e.g. Minutes walked"
                      value={field.label}
                      onChange={(e) => update({ ...field, label: e.currentTarget.value })}
                      autoComplete="off"
                    />
                    <Select
                      aria-label={`Tracker field ${index + 1} kind`}
                      data={trackerFieldKinds.map((value) => ({
                        value,
                        label: trackerFieldKindLabels[value],
                      }))}
                      value={field.kind}
                      onChange={(value) =>
                        value && update({ ...field, kind: value as typeof field.kind })
                      }
                      allowDeselect={false}
                    />
                  </Group>
                )}
              />
              <ListEditor
                label="What might get in the way"
                addLabel="Add a barrier and its if-then plan"
                items={draft.barriers}
                max={8}
                newItem={() => ({ barrier: '', ifThen: '' })}
                onChange={(barriers) => set({ barriers })}
                renderRow={(barrier, update, index) => (
                  <Group gap="xs" grow>
                    <TextInput
                      aria-label={`Barrier ${index + 1}`}
                      placeholder="e.g. I forget"
                      value={barrier.barrier}
                      onChange={(e) => update({ ...barrier, barrier: e.currentTarget.value })}
                      autoComplete="off"
                    />
                    <TextInput
                      aria-label={`If-then plan ${index + 1}`}
                      placeholder="If …, then I will …"
                      value={barrier.ifThen}
                      onChange={(e) => update({ ...barrier, ifThen: e.currentTarget.value })}
                      autoComplete="off"
                    />
                  </Group>
                )}
              />
              <LinesTextarea
                label="Worksheet questions"
                description="One per line."
                initial={initial.worksheetPrompts}
                onLines={(worksheetPrompts) => set({ worksheetPrompts })}
              />
              <LinesTextarea
                label="Steps up (a ladder, easiest first)"
                description="One per line. Leave empty if it doesn’t fit."
                initial={initial.ladder.map((rung) => rung.step)}
                onLines={(steps) => set({ ladder: steps.map((step) => ({ step })) })}
              />
            </Stack>
          </ScrollArea.Autosize>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ScrollArea.Autosize mah="calc(100vh - 220px)" offsetScrollbars>
            <TemplatePreview content={draft} />
          </ScrollArea.Autosize>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
