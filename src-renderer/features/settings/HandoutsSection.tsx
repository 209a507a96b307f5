import { Group, SegmentedControl, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import {
  HANDOUT_NAME_MAX,
  type HandoutNaming,
  type PageSize,
  pageSizeFor,
  type VaultPreferences,
  vaultPreferencesSchema,
} from '../../../src-shared/domain/preferences';
import { CharacterCount, overLimitProblem } from '../../components/CharacterCount';
import { unsupportedCharacters } from '../../documents/font-coverage';
import { type AutosaveStatus, useAutosave } from '../../session/useAutosave';
import { usePreferences } from '../../session/usePreferences';
import { useOpenVault } from '../../session/VaultSessionProvider';

/** The quiet line under a name: what a screen reader hears when it changes, too. */
const statusWords: Record<AutosaveStatus['state'], string> = {
  saved: '',
  unsaved: '',
  saving: 'Saving…',
  error: 'Not saved',
};

/**
 * What handouts, trackers and session summaries carry and how they are printed: the practice's
 * and the clinician's names at the top, the paper, how the client is named (initials by
 * default: a handout may lie on a kitchen table) and large print.
 */
export function HandoutsSection() {
  const { preferences } = useOpenVault();
  const { data, isLoading } = usePreferences();
  const pageSize = pageSizeFor(data.pageSize, navigator.language);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        Handouts
      </Title>
      <Text size="sm" c="dimmed">
        What the handouts, trackers and summaries you print or save for clients carry.
      </Text>
      {!isLoading && <HandoutNames preferences={data} />}
      <Stack gap={4}>
        <Text size="sm" fw={500} id="handout-paper">
          Paper
        </Text>
        <Group gap="sm">
          <SegmentedControl
            aria-labelledby="handout-paper"
            value={pageSize}
            disabled={isLoading}
            onChange={(value) => void preferences.setHandouts({ pageSize: value as PageSize })}
            data={[
              { value: 'letter', label: 'US Letter' },
              { value: 'a4', label: 'A4' },
            ]}
          />
          {data.pageSize === null && (
            <Text size="xs" c="dimmed">
              This computer’s region uses {pageSize === 'letter' ? 'US Letter' : 'A4'}.
            </Text>
          )}
        </Group>
      </Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="handout-client-name">
          The client’s name on handouts
        </Text>
        <SegmentedControl
          aria-labelledby="handout-client-name"
          value={data.nameOnHandouts}
          disabled={isLoading}
          onChange={(value) =>
            void preferences.setHandouts({ nameOnHandouts: value as HandoutNaming })
          }
          data={[
            { value: 'first-name', label: 'First name' },
            { value: 'initials', label: 'Initials' },
            { value: 'none', label: 'No name' },
          ]}
          w={360}
        />
        <Text size="xs" c="dimmed">
          Calendar reminders and reminder images never carry a name.
        </Text>
      </Stack>
      <Switch
        label="Large print"
        description="Bigger type and more room to write, for clients who find small print hard to read."
        checked={data.largePrint}
        disabled={isLoading}
        onChange={(event) =>
          void preferences.setHandouts({ largePrint: event.currentTarget.checked })
        }
      />
    </Stack>
  );
}

/** The practice's and the clinician's names, saving themselves as they are typed. */
function HandoutNames({ preferences }: { preferences: Omit<VaultPreferences, 'id'> }) {
  const repository = useOpenVault().preferences;
  return (
    <Group grow align="flex-start">
      <NameField
        label="Practice name"
        description="At the top of every handout. Leave it empty for none."
        initial={preferences.practiceName}
        save={(practiceName) => repository.setHandouts({ practiceName })}
        field="practiceName"
      />
      <NameField
        label="Your name, as clients know you"
        description="Printed beside the practice name."
        initial={preferences.clinicianName}
        save={(clinicianName) => repository.setHandouts({ clinicianName })}
        field="clinicianName"
      />
    </Group>
  );
}

function NameField({
  label,
  description,
  initial,
  save,
  field,
}: {
  label: string;
  description: string;
  initial: string;
  save: (value: string) => Promise<void>;
  field: 'practiceName' | 'clinicianName';
}) {
  const name = useAutosave({
    initial,
    save,
    refusal: (text) =>
      overLimitProblem(text, HANDOUT_NAME_MAX) ??
      vaultPreferencesSchema.shape[field].safeParse(text).error?.issues[0]?.message ??
      null,
  });
  const missing = unsupportedCharacters(name.value);
  return (
    <Stack gap={2}>
      <TextInput
        label={label}
        description={description}
        value={name.value}
        onChange={(event) => name.change(event.currentTarget.value.replace(/[\r\n]+/g, ' '))}
        onBlur={() => void name.flush()}
        error={name.status.state === 'error' ? name.status.message : null}
        autoComplete="off"
      />
      <CharacterCount value={name.value} max={HANDOUT_NAME_MAX} />
      {missing.length > 0 && (
        <Text size="xs" c="orange.9">
          The handouts’ fonts can’t draw {missing.join(' ')}. Please write it in Latin, Greek,
          Cyrillic or Vietnamese letters.
        </Text>
      )}
      <Text size="xs" c="dimmed" role="status" mih="1.2em">
        {statusWords[name.status.state]}
      </Text>
    </Stack>
  );
}
