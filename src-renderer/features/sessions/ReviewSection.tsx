import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconMessageCircle } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { Assignment } from '../../../src-shared/domain/assignment';
import type { ReviewItem } from '../../../src-shared/domain/session';
import { UserText } from '../../components/UserText';
import { SetAsideModal } from './SetAsideModal';

/** One practice due for review, with its assignment (undefined when it can't be read). */
export type DueReview = { item: ReviewItem; assignment: Assignment | undefined };

function ReviewState({ item }: { item: ReviewItem }) {
  if (item.state === 'reviewed')
    return (
      <Badge variant="light" color="sage" size="sm">
        Reviewed
      </Badge>
    );
  if (item.state === 'deferred')
    return (
      <Text size="sm">
        <Badge variant="light" color="gray" size="sm" mr={6}>
          Set aside
        </Badge>
        <UserText>{item.deferredBecause}</UserText>
      </Text>
    );
  return (
    <Badge variant="light" color="yellow" size="sm">
      To review
    </Badge>
  );
}

/**
 * The first item of every agenda: last week's practice, one assignment at a time. Each can be
 * reviewed (the review screen), or set aside for today with a reason — shown as such and
 * undoable, never skipped in silence.
 */
export function ReviewSection({
  due,
  onStartReview,
  onSetAside,
  onUndoSetAside,
}: {
  due: readonly DueReview[];
  onStartReview: (assignmentId: string) => void;
  onSetAside: (assignmentId: string, reason: string) => Promise<void>;
  onUndoSetAside: (assignmentId: string) => void;
}) {
  const [settingAside, setSettingAside] = useState<DueReview | null>(null);
  const idBase = useId();
  const titleId = (item: ReviewItem) => `${idBase}-${item.assignmentId}`;

  if (due.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No practice is due for review this time. Practice agreed today will be waiting here next
        session.
      </Text>
    );

  return (
    <>
      <Stack
        component="ul"
        gap="xs"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label="Practice to review"
      >
        {due.map(({ item, assignment }) => {
          const title = assignment?.title ?? 'Practice whose record can’t be read';
          return (
            <Paper
              component="li"
              key={item.assignmentId}
              withBorder
              radius="sm"
              px="md"
              py="sm"
              aria-label={title}
            >
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Stack gap={4}>
                  <Text fw={600} id={titleId(item)}>
                    <UserText>{title}</UserText>
                  </Text>
                  <ReviewState item={item} />
                </Stack>
                <Group gap="xs">
                  {item.state === 'deferred' ? (
                    <Button
                      variant="subtle"
                      color="gray"
                      size="xs"
                      leftSection={<IconArrowBackUp size={14} />}
                      onClick={() => onUndoSetAside(item.assignmentId)}
                      aria-describedby={titleId(item)}
                    >
                      Undo
                    </Button>
                  ) : (
                    <>
                      <Button
                        size="xs"
                        variant={item.state === 'reviewed' ? 'default' : 'filled'}
                        leftSection={<IconMessageCircle size={14} />}
                        onClick={() => onStartReview(item.assignmentId)}
                        aria-describedby={titleId(item)}
                        disabled={!assignment}
                      >
                        {item.state === 'reviewed' ? 'Open review' : 'Start review'}
                      </Button>
                      {item.state === 'to-review' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => setSettingAside({ item, assignment })}
                          aria-describedby={titleId(item)}
                        >
                          Set aside for today…
                        </Button>
                      )}
                    </>
                  )}
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {settingAside && (
        <SetAsideModal
          title={settingAside.assignment?.title ?? 'this practice'}
          onSetAside={(reason) => onSetAside(settingAside.item.assignmentId, reason)}
          onClose={() => setSettingAside(null)}
        />
      )}
    </>
  );
}
