import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppSettingsView } from '../../data/app-settings';
import { renderWithMantine } from '../../../tests/support/render';
import { ScreenSharingSection } from './ScreenSharingSection';

vi.mock('../../data/app-settings', () => ({
  readAppSettings: vi.fn(),
  saveProtectTherapistWindow: vi.fn(),
}));

const { readAppSettings, saveProtectTherapistWindow } = await import('../../data/app-settings');

const settings = (protectTherapistWindow: boolean): AppSettingsView => ({
  backupFolder: null,
  autoLockMinutes: 10,
  protectTherapistWindow,
  effectiveBackupFolder: '/home/me/Documents/Bridgework backups',
});

const toggle = () =>
  screen.getByRole('switch', {
    name: /^Keep this window out of screen sharing/,
  }) as HTMLInputElement;

/** Lets what has started finish: the settings read, React's rendering. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

afterEach(() => {
  vi.clearAllMocks();
});

describe('keeping this window out of screen sharing', () => {
  it('shows the saved choice and says where it works', async () => {
    vi.mocked(readAppSettings).mockResolvedValue(settings(true));
    renderWithMantine(<ScreenSharingSection />);
    await settle();
    expect(toggle().checked).toBe(true);
    expect(
      screen.getByText(
        'This works on macOS and Windows; on Linux, share only the shared view’s window.',
      ),
    ).toBeTruthy();
  });

  it('saves a change, which main applies to the window', async () => {
    vi.mocked(readAppSettings).mockResolvedValue(settings(true));
    vi.mocked(saveProtectTherapistWindow).mockResolvedValue(settings(false));
    const { user } = renderWithMantine(<ScreenSharingSection />);
    await settle();
    await user.click(toggle());
    await settle();
    expect(saveProtectTherapistWindow).toHaveBeenCalledWith(false);
    expect(toggle().checked).toBe(false);
  });

  it('goes back to what was saved when the change could not be saved, and says so', async () => {
    vi.mocked(readAppSettings).mockResolvedValue(settings(true));
    vi.mocked(saveProtectTherapistWindow).mockRejectedValue(new Error('disk full'));
    const { user } = renderWithMantine(<ScreenSharingSection />);
    await settle();
    await user.click(toggle());
    await settle();
    expect(toggle().checked).toBe(true);
    expect(screen.getByText('The change couldn’t be saved. Please try again.')).toBeTruthy();
  });
});
