import { Box, Center, Grid, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { LoadingMark } from '../../components/LoadingMark';
import { concernsOf, type LibraryItem, noFilters } from '../../../src-shared/domain/library-search';
import type { TemplateContent } from '../../../src-shared/domain/template';
import { UserText } from '../../components/UserText';
import { useLatestRouteAmong, useNavigation } from '../../session/navigation';
import type { Route } from '../../session/routes';
import { useOpenVault } from '../../session/VaultSessionProvider';
import { LibraryFiltersBar } from './LibraryFiltersBar';
import { TemplateDetail } from './TemplateDetail';
import { TemplateEditor } from './TemplateEditor';
import { TemplateList } from './TemplateList';
import { TemplatePacks } from './TemplatePacks';
import { useLibrary } from '../../session/useLibrary';

type Editing =
  { mode: 'duplicate'; from: LibraryItem } | { mode: 'edit'; item: LibraryItem } | { mode: 'new' };

const blankTemplate: TemplateContent = {
  title: '',
  clientTitle: '',
  discreetTitle: '',
  clinicianNotes: '',
  cautions: [],
  category: 'mood-and-activity',
  approaches: ['cbt'],
  concerns: [],
  purpose: '',
  steps: [],
  minimumDose: { label: '', dose: { kind: 'per-week', timesPerWeek: 1 } },
  standardDose: '',
  doseOptions: [
    { label: 'Three times a week', dose: { kind: 'per-week', timesPerWeek: 3 } },
    { label: 'Every day', dose: { kind: 'per-week', timesPerWeek: 7 } },
  ],
  trackerFields: [{ label: 'Did it', kind: 'yes-no' }],
  worksheetPrompts: [],
  barriers: [
    {
      barrier: 'I forget',
      ifThen: 'If it is the planned day, then a reminder on my phone tells me when.',
    },
  ],
  ladder: [],
  noLadderBecause: null,
};

/** The homework library: instant search, filters, a preview as the client sees it, and your own templates. */
export function LibraryScreen() {
  const { templates } = useOpenVault();
  const { items, search, customs, isLoading } = useLibrary();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState(noFilters);
  const { navigate, route } = useNavigation();
  const shown = useLatestRouteAmong(['library', 'template']);
  const selectedKey = shown?.screen === 'template' ? shown.templateKey : null;
  const setSelectedKey = (templateKey: string, options?: { replace?: boolean; onlyFrom?: Route }) =>
    navigate({ screen: 'template', templateKey }, options);
  const [editing, setEditing] = useState<Editing | null>(null);
  const results = useMemo(() => search.search(query, filters), [search, query, filters]);
  const concerns = useMemo(() => concernsOf(items), [items]);
  const selected = items.find((item) => item.key === selectedKey) ?? results[0] ?? null;

  if (editing) {
    const initial =
      editing.mode === 'new'
        ? blankTemplate
        : editing.mode === 'edit'
          ? editing.item.content
          : { ...editing.from.content, title: `${editing.from.content.title} (my version)` };
    return (
      <TemplateEditor
        heading={
          editing.mode === 'edit' ? (
            <>
              Edit “<UserText>{editing.item.content.title}</UserText>” (saves version{' '}
              {editing.item.version + 1})
            </>
          ) : editing.mode === 'new' ? (
            'New template'
          ) : (
            'Your version of a template'
          )
        }
        initial={initial}
        onCancel={() => setEditing(null)}
        onSave={async (content) => {
          if (editing.mode === 'edit') {
            await templates.edit(editing.item.key, content);
            setSelectedKey(editing.item.key, { onlyFrom: route });
          } else {
            const basedOn =
              editing.mode === 'duplicate'
                ? {
                    templateId: editing.from.recordId ?? editing.from.key,
                    version: editing.from.version,
                  }
                : null;
            const created = await templates.create(content, basedOn);
            // Shown once saved, unless the clinician has gone elsewhere meanwhile.
            setSelectedKey(created.lineageId, { onlyFrom: route });
          }
          setEditing(null);
        }}
      />
    );
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="sm">
          <Title order={1} size="h2">
            Homework library
          </Title>
          <TextInput
            aria-label="Search the library"
            placeholder="Search: try “sleep”, “exposure” or “walk”"
            leftSection={<IconSearch size={16} />}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <LibraryFiltersBar filters={filters} concerns={concerns} onChange={setFilters} />
          <Text size="xs" c="dimmed" role="status">
            {results.length} of {items.length} templates
          </Text>
          {isLoading ? (
            <Center py="lg">
              <LoadingMark size="sm" label="Loading your templates" />
            </Center>
          ) : (
            // A plain scrolling box: long titles are cut with an ellipsis instead of widening the list.
            <Box
              mah="calc(100vh - 330px)"
              style={{ overflowY: 'auto', overflowX: 'hidden' }}
              pr={4}
            >
              <TemplateList
                key={`${query}|${JSON.stringify(filters)}`}
                items={results}
                selectedKey={selected?.key ?? null}
                onSelect={setSelectedKey}
              />
            </Box>
          )}
          <TemplatePacks customs={customs} onNew={() => setEditing({ mode: 'new' })} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        {selected ? (
          <ScrollArea.Autosize mah="calc(100vh - 110px)" offsetScrollbars>
            <TemplateDetail
              item={selected}
              onDuplicate={() => setEditing({ mode: 'duplicate', from: selected })}
              onEdit={() => setEditing({ mode: 'edit', item: selected })}
            />
          </ScrollArea.Autosize>
        ) : (
          <Text c="dimmed">Choose a template to see it as your client will.</Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
