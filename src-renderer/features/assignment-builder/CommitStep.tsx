import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { assignmentTextLimits } from '../../../src-shared/domain/assignment';
import type { ClientViewSnapshot } from '../../../src-shared/ipc/contract';
import { UserText } from '../../components/UserText';
import { LimitedField } from '../../components/LimitedField';
import { TakeAwayButtons } from '../../components/TakeAwayButtons';
import type { StepProps } from './StepProps';
import { RatingChoice } from '../../components/RatingChoice';

/** Below this, the builder asks what would make it more doable (never forces a change). */
const CONFIDENT_ENOUGH = 7;

/**
 * Step 4, commit: how sure the client feels and how much it matters; below 7, "what would make
 * it an 8?" with the smallest version or a smaller amount offered, and how sure they feel after
 * any change; what they take away and where the reminder lives; a read-back in their words.
 */
export function CommitStep({
  assignment,
  update,
  readBack,
  onMakeSmaller,
}: StepProps & { readBack: ClientViewSnapshot; onMakeSmaller: () => void }) {
  const unsure =
    assignment.confidenceBefore !== null && assignment.confidenceBefore < CONFIDENT_ENOUGH;
  const minimumDose = assignment.minimum.dose;
  return (
    <Stack gap="lg">
      <RatingChoice
        top={10}
        label="How sure do you feel that you’ll do it? (0–10)"
        value={assignment.confidenceBefore}
        onChange={(confidenceBefore) => update({ confidenceBefore })}
      />
      {unsure && (
        <Alert variant="light" color="teal" title="What would make it an 8?">
          <Stack gap="xs">
            <Text size="sm">
              Making it smaller is good design, not a step back. You could start with the smallest
              version, or choose a smaller amount together.
            </Text>
            <Group gap="xs">
              {minimumDose && (
                <Button
                  size="xs"
                  variant="white"
                  onClick={() =>
                    update({ dose: { label: assignment.minimum.label, dose: minimumDose } })
                  }
                >
                  Start with the smallest version
                </Button>
              )}
              <Button size="xs" variant="white" onClick={onMakeSmaller}>
                Choose a smaller amount
              </Button>
            </Group>
            <RatingChoice
              top={10}
              label="And now, how sure do you feel?"
              value={assignment.confidenceAfter}
              onChange={(confidenceAfter) => update({ confidenceAfter })}
            />
          </Stack>
        </Alert>
      )}
      <RatingChoice
        top={10}
        label="How much does it matter to you? (0–10)"
        value={assignment.importance}
        onChange={(importance) => update({ importance })}
      />
      <Group grow align="flex-start">
        <LimitedField
          label="What you’ll take away"
          placeholder="The handout and a tracker"
          value={assignment.materials}
          onChange={(materials) => update({ materials })}
          max={assignmentTextLimits.materials}
        />
        <LimitedField
          label="Where the reminder will live"
          placeholder="A sticky note on the kettle"
          value={assignment.reminderPlace}
          onChange={(reminderPlace) => update({ reminderPlace })}
          max={assignmentTextLimits.reminderPlace}
        />
      </Group>
      <ReadBack snapshot={readBack} />
      <TakeAwayButtons assignment={assignment} />
    </Stack>
  );
}

/** The plan read back as the client will see it, to say aloud together before agreeing. */
function ReadBack({ snapshot }: { snapshot: ClientViewSnapshot }) {
  return (
    <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Read back together
        </Title>
        {snapshot.sections.map((section, index) => (
          <div key={index}>
            {section.heading && (
              <Text fw={600} size="sm">
                <UserText>{section.heading}</UserText>
              </Text>
            )}
            {'items' in section ? (
              <Stack gap={2} component="ul" m={0} pl="md">
                {section.items.map((item, i) => (
                  <Text component="li" size="sm" key={i}>
                    <UserText>{item.text}</UserText>
                    {item.tag && (
                      <Text span c="dimmed" size="sm">
                        {' · '}
                        <UserText>{item.tag}</UserText>
                      </Text>
                    )}
                    {item.detail && (
                      <Text size="sm" c="dimmed">
                        <UserText>{item.detail}</UserText>
                      </Text>
                    )}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <UserText>{section.body}</UserText>
              </Text>
            )}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
