import 'fake-indexeddb/auto';
// Live reads (useVaultQuery) run through Dexie's liveQuery, which needs an IndexedDB to exist.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultVaultPreferences } from '../../../src-shared/domain/preferences';
import { renderInOpenVault } from '../../../tests/support/open-vault';
import { NavigationProvider } from '../../session/navigation';
import { PracticeInsightsScreen } from './PracticeInsightsScreen';

describe('Insights across the practice', () => {
  it('says what will appear when nothing has been reviewed yet — never a 0% or NaN', async () => {
    renderInOpenVault(
      <NavigationProvider>
        <PracticeInsightsScreen />
      </NavigationProvider>,
      {
        repositories: {
          insights: {
            practiceWide: () => Promise.resolve({ summaries: [], habits: [] }),
            handoutDates: () => Promise.resolve(new Map()),
            repair: () => Promise.resolve(0),
          },
          templates: { latest: () => Promise.resolve({ templates: [], damagedIds: [] }) },
          preferences: { get: () => Promise.resolve(defaultVaultPreferences) },
        },
      },
    );
    expect(await screen.findByText('Nothing to show yet.')).toBeTruthy();
    expect(screen.getByText('Each month with a finished review will show here.')).toBeTruthy();
    expect(screen.getAllByText('none yet')).toHaveLength(3);
    const shown = document.body.textContent ?? '';
    expect(shown).not.toMatch(/NaN|\b0%/);
  });
});
