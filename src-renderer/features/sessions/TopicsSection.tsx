import { ActionIcon, Button, Group, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconX } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { sessionSchema, sessionTextLimits } from '../../../src-shared/domain/session';
import { CharacterCount, overLimitProblem } from '../../components/CharacterCount';
import { useAutosave } from '../../session/useAutosave';
import { AutosaveStatusLine } from './AutosaveStatusLine';

/** Most topics an agenda holds (the session record's `topics.max(20)`). */
const MAX_TOPICS = 20;

type Topic = { key: number; text: string };

/** Why a topic can't be saved as written, or null. A blank topic is simply left out. */
export function topicProblem(text: string): string | null {
  if (!text.trim()) return null;
  return (
    overLimitProblem(text.trim(), sessionTextLimits.topic) ??
    sessionSchema.shape.topics.element.safeParse(text).error?.issues[0]?.message ??
    null
  );
}

/** The topics to store: as written, trimmed, blanks left out. */
const toStored = (topics: readonly Topic[]) =>
  topics.map((topic) => topic.text.trim()).filter(Boolean);

/** Where focus goes after a move: the same button on the topic's new row. */
type FocusTarget = { key: number; button: 'up' | 'down' };

/**
 * The agenda's topics after the review, in the order they will be taken: added, edited in place,
 * moved up and down with buttons (keyboard and screen reader alike; the move is announced and
 * focus follows the topic), removed. They save themselves.
 */
export function TopicsSection({
  initial,
  save,
}: {
  initial: readonly string[];
  save: (topics: string[]) => Promise<void>;
}) {
  const nextKey = useRef(initial.length);
  const topics = useAutosave<Topic[]>({
    initial: initial.map((text, key) => ({ key, text })),
    save: (value) => save(toStored(value)),
    refusal: (value) => value.map((topic) => topicProblem(topic.text)).find(Boolean) ?? null,
    failureMessage: 'The topics couldn’t be saved. Please try again.',
  });
  const [newTopic, setNewTopic] = useState('');
  // Set by an add, cleared by typing: the second click of a double click adds nothing and asks
  // for nothing, as the field it finds empty was emptied by the first.
  const [justAdded, setJustAdded] = useState(false);
  const [newProblem, setNewProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<FocusTarget | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    const focusTarget = focusAfterMove.current;
    if (!focusTarget) return;
    focusAfterMove.current = null;
    const index = topics.value.findIndex((topic) => topic.key === focusTarget.key);
    const atEdge =
      (focusTarget.button === 'up' && index === 0) ||
      (focusTarget.button === 'down' && index === topics.value.length - 1);
    const button = atEdge ? (focusTarget.button === 'up' ? 'down' : 'up') : focusTarget.button;
    buttons.current.get(`${focusTarget.key}-${button}`)?.focus();
  }, [topics.value]);

  const changeNow = (next: Topic[]) => {
    topics.change(next);
    void topics.flush();
  };

  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    const moving = topics.value[index];
    if (!moving || target < 0 || target >= topics.value.length) return;
    const next = [...topics.value];
    next.splice(index, 1);
    next.splice(target, 0, moving);
    changeNow(next);
    focusAfterMove.current = { key: moving.key, button: by < 0 ? 'up' : 'down' };
    setAnnouncement(
      `Moved “${moving.text.trim() || 'untitled topic'}” to position ${target + 1} of ${next.length}.`,
    );
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const text = newTopic.trim();
    if (!text) return justAdded ? undefined : setNewProblem('Write the topic first, then add it.');
    const problem = topicProblem(text);
    if (problem) return setNewProblem(problem);
    changeNow([...topics.value, { key: nextKey.current++, text }]);
    setNewTopic('');
    setNewProblem(null);
    setJustAdded(true);
  };

  const full = topics.value.length >= MAX_TOPICS;

  return (
    <Stack gap="sm">
      {topics.value.length === 0 ? (
        <Text size="sm" c="dimmed">
          No topics yet. Add what you’d like to talk about after the review, in the order you’d like
          to take them.
        </Text>
      ) : (
        <Stack
          component="ol"
          gap="xs"
          aria-label="Topics"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
        >
          {topics.value.map((topic, index) => {
            const name = topic.text.trim() || `topic ${index + 1}`;
            return (
              <li key={topic.key}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Text c="dimmed" w={24} ta="right" pt={6} aria-hidden>
                    {index + 1}.
                  </Text>
                  <Stack gap={2} style={{ flex: 1 }}>
                    <TextInput
                      aria-label={`Topic ${index + 1}`}
                      value={topic.text}
                      onChange={(event) =>
                        topics.change(
                          topics.value.with(index, {
                            ...topic,
                            text: event.currentTarget.value.replace(/[\r\n]+/g, ' '),
                          }),
                        )
                      }
                      onBlur={() => void topics.flush()}
                      error={topicProblem(topic.text)}
                    />
                    <CharacterCount value={topic.text} max={sessionTextLimits.topic} />
                  </Stack>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={`Move “${name}” up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    ref={(node) => {
                      if (node) buttons.current.set(`${topic.key}-up`, node);
                    }}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={`Move “${name}” down`}
                    disabled={index === topics.value.length - 1}
                    onClick={() => move(index, 1)}
                    ref={(node) => {
                      if (node) buttons.current.set(`${topic.key}-down`, node);
                    }}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={`Remove “${name}”`}
                    onClick={() => {
                      changeNow(topics.value.filter((other) => other.key !== topic.key));
                      setAnnouncement(`Removed “${name}”.`);
                    }}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      <form onSubmit={add} autoComplete="off">
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Stack gap={2} style={{ flex: 1 }}>
            <TextInput
              aria-label="New topic"
              placeholder={full ? 'The agenda is full' : 'A topic to talk about'}
              value={newTopic}
              onChange={(event) => {
                setNewTopic(event.currentTarget.value);
                setNewProblem(null);
                setJustAdded(false);
              }}
              error={newProblem ?? overLimitProblem(newTopic.trim(), sessionTextLimits.topic)}
              disabled={full}
            />
            <CharacterCount value={newTopic.trim()} max={sessionTextLimits.topic} />
          </Stack>
          <Button
            type="submit"
            variant="light"
            leftSection={<IconPlus size={14} />}
            disabled={full}
          >
            Add topic
          </Button>
        </Group>
      </form>
      {full && (
        <Text size="xs" c="dimmed">
          An agenda holds up to {MAX_TOPICS} topics; remove one to add another.
        </Text>
      )}
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
      <AutosaveStatusLine status={topics.status} />
    </Stack>
  );
}
