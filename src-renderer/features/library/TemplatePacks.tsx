import { Alert, Button, Checkbox, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomTemplate } from '../../../src-shared/domain/template';
import { parseTemplatePack, type TemplatePack } from '../../../src-shared/domain/template-pack';
import { quoteUserText } from '../../../src-shared/domain/text';
import { UserText } from '../../components/UserText';
import { exportTemplatePack, openTemplatePackFile } from '../../data/exports';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { contentOf } from '../../session/useLibrary';

/** New template, and sharing custom templates with colleagues as packs (never any client data). */
export function TemplatePacks({
  customs,
  onNew,
}: {
  customs: CustomTemplate[];
  onNew: () => void;
}) {
  const session = useOpenVault();
  const { templates } = session;
  const [exporting, setExporting] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [importing, setImporting] = useState<{
    fileName: string;
    pack: TemplatePack | null;
    problems: string[];
  } | null>(null);
  const [message, setMessage] = useState<{ color: string; text: string } | null>(null);
  const exportable = customs.filter((template) => template.archivedAt === null);

  async function exportChosen() {
    const selected = exportable.filter((template) => chosen.includes(template.lineageId));
    const result = await exportTemplatePack(
      session,
      selected.map((t) => ({ key: t.lineageId, content: contentOf(t) })),
    );
    setExporting(false);
    if (result.saved) {
      setMessage({
        color: 'sage',
        text: `Exported ${selected.length} templates to ${result.fileName ? quoteUserText(result.fileName, { max: 80 }) : 'the file'}.`,
      });
    }
  }

  async function chooseImport() {
    setMessage(null);
    try {
      const file = await openTemplatePackFile();
      if (!file) return;
      const parsed = parseTemplatePack(file.contents);
      setImporting({
        fileName: file.fileName,
        pack: parsed.ok ? parsed.pack : null,
        problems: parsed.ok ? [] : parsed.problems,
      });
    } catch (caught) {
      setMessage({
        color: 'red',
        text: caught instanceof Error ? caught.message : 'That file could not be opened.',
      });
    }
  }

  async function confirmImport(pack: TemplatePack) {
    const count = await templates.importPack(pack.templates);
    setImporting(null);
    setMessage({
      color: 'sage',
      text: `Imported ${count} templates. You’ll find them under “Mine”.`,
    });
  }

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onNew}>
          New template
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconUpload size={14} />}
          onClick={() => setExporting(true)}
          disabled={exportable.length === 0}
        >
          Export my templates…
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          onClick={() => void chooseImport()}
        >
          Import a pack…
        </Button>
      </Group>
      {message && (
        <Alert
          color={message.color}
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      )}
      {exporting && (
        <Modal opened onClose={() => setExporting(false)} title="Export templates" centered>
          <Stack gap="sm">
            <Text size="sm">
              Choose which of your templates to share. A pack holds the templates only, never
              anything about your clients.
            </Text>
            <Checkbox.Group value={chosen} onChange={setChosen} aria-label="Templates to export">
              <Stack gap={6}>
                {exportable.map((template) => (
                  <Checkbox
                    key={template.lineageId}
                    value={template.lineageId}
                    label={<UserText>{template.title}</UserText>}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setExporting(false)}>
                Cancel
              </Button>
              <Button onClick={() => void exportChosen()} disabled={chosen.length === 0}>
                Export {chosen.length || ''} templates…
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {importing && (
        <Modal
          opened
          onClose={() => setImporting(null)}
          title={
            <>
              Import from <UserText>{importing.fileName}</UserText>
            </>
          }
          centered
          size="lg"
        >
          {importing.pack ? (
            <Stack gap="sm">
              <Text size="sm">
                These templates will be added under “Mine”. Anything already here with the same id
                comes in as a copy.
              </Text>
              <List size="sm" spacing={4} aria-label="Templates in this pack">
                {importing.pack.templates.map((template, index) => (
                  <List.Item key={index}>
                    <UserText>{template.title}</UserText>
                  </List.Item>
                ))}
              </List>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setImporting(null)}>
                  Cancel
                </Button>
                <Button onClick={() => importing.pack && void confirmImport(importing.pack)}>
                  Import {importing.pack.templates.length} templates
                </Button>
              </Group>
            </Stack>
          ) : (
            <Stack gap="sm">
              <Alert color="red" title="This pack can’t be imported" role="alert">
                <List size="sm" spacing={4}>
                  {importing.problems.map((problem) => (
                    <List.Item key={problem}>{problem}</List.Item>
                  ))}
                </List>
              </Alert>
              <Text size="sm">Nothing was imported.</Text>
              <Group justify="flex-end">
                <Button onClick={() => setImporting(null)}>Close</Button>
              </Group>
            </Stack>
          )}
        </Modal>
      )}
    </Stack>
  );
}
