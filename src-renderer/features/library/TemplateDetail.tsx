import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import {
  IconArchive,
  IconCopy,
  IconPencil,
  IconStar,
  IconStarFilled,
  IconTrash,
  IconUserPlus,
} from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import {
  clientFacingTemplate,
  type TemplateWording,
} from '../../../src-shared/domain/client-facing-template';
import type { LibraryItem } from '../../../src-shared/domain/library-search';
import { approachLabels } from '../../../src-shared/domain/template';
import { UserText } from '../../components/UserText';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { DeleteTemplateModal } from './DeleteTemplateModal';
import { ForClinicianPanel } from './ForClinicianPanel';
import { TemplatePreview } from './TemplatePreview';
import { TemplateWorksheets } from './TemplateWorksheets';
import { UseWithClientModal } from './UseWithClientModal';

/** The selected template: who it is for, actions, and the preview as the client will see it. */
export function TemplateDetail({
  item,
  onDuplicate,
  onEdit,
}: {
  item: LibraryItem;
  onDuplicate: () => void;
  onEdit: () => void;
}) {
  const { preferences, templates } = useOpenVault();
  const [wording, setWording] = useState<TemplateWording>('plain');
  const [deleting, setDeleting] = useState(false);
  const [using, setUsing] = useState(false);

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        <UserText>{item.content.title}</UserText>
      </Title>
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={420}>
          {item.content.approaches.map((approach) => approachLabels[approach]).join(' · ')} — for{' '}
          {item.content.concerns.map((concern, index) => (
            <Fragment key={index}>
              {index > 0 && ', '}
              <UserText>{concern}</UserText>
            </Fragment>
          ))}
          {item.origin === 'builtin'
            ? '. Built-in (read-only): duplicate it to make your own version.'
            : `. Yours, version ${item.version}.`}
        </Text>
        <Group gap="xs">
          {!item.archived && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setUsing(true)}>
              Use with a client…
            </Button>
          )}
          <Button
            variant="default"
            leftSection={
              item.favourite ? (
                <IconStarFilled size={16} color="var(--mantine-color-yellow-6)" />
              ) : (
                <IconStar size={16} />
              )
            }
            onClick={() => void preferences.toggleFavourite(item.key)}
          >
            {item.favourite ? 'Favourite' : 'Add to favourites'}
          </Button>
          <Button variant="default" leftSection={<IconCopy size={16} />} onClick={onDuplicate}>
            Duplicate to customise
          </Button>
          {item.origin === 'custom' && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
                Edit
              </Button>
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDeleting(true)}
              >
                Delete…
              </Button>
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconArchive size={16} />}
                onClick={() => void templates.setArchived(item.key, !item.archived)}
              >
                {item.archived ? 'Bring back' : 'Archive'}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <ForClinicianPanel content={item.content} />
      <SegmentedControl
        aria-label="Wording shown to the client"
        value={wording}
        onChange={(value) => setWording(value as TemplateWording)}
        data={[
          { value: 'plain', label: 'Usual wording' },
          { value: 'discreet', label: 'Discreet wording' },
        ]}
        w={320}
      />
      {item.origin === 'custom' && <TemplateWorksheets lineageId={item.key} />}
      <TemplatePreview view={clientFacingTemplate(item.content, wording)} />
      {deleting && <DeleteTemplateModal item={item} onClose={() => setDeleting(false)} />}
      {using && <UseWithClientModal item={item} onClose={() => setUsing(false)} />}
    </Stack>
  );
}
