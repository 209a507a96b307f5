import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { LibraryItem } from '../../../src-shared/domain/library-search';
import { UserText } from '../../components/UserText';
import { useOneAtATime } from '../../components/useOneAtATime';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** Deletes a custom template with every version and its worksheets (files included). */
export function DeleteTemplateModal({ item, onClose }: { item: LibraryItem; onClose: () => void }) {
  const { templates, attachments } = useOpenVault();

  const removing = useOneAtATime(async () => {
    const attachmentIds = await templates.deleteLineage(item.key);
    for (const id of attachmentIds) await attachments.remove(id).catch(() => undefined);
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title="Delete template" centered>
      <Stack gap="md">
        <Text>
          This deletes{' '}
          <strong>
            <UserText>{item.content.title}</UserText>
          </strong>
          , all its versions and its attached worksheets. If you might want it again, archive it
          instead.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" loading={removing.busy} onClick={() => void removing.run()}>
            Delete template
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
