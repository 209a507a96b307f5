import { describe, expect, it } from 'vitest';
import { attachmentChannels } from './attachments';
import { backupChannels } from './backups';
import { exportChannels } from './exports';
import {
  channelsFor,
  clientViewSnapshotSchema,
  eventsFor,
  ipcChannels,
  ipcContract,
  ipcEvents,
  mayCall,
  windowRoles,
} from './contract';
import { settingsChannels } from './settings';
import { templateChannels } from './templates';
import { vaultChannels, vaultEvents } from './vault';
import { windowChannels, windowEvents } from './window';

const domains = {
  vault: vaultChannels,
  settings: settingsChannels,
  backup: backupChannels,
  attachment: attachmentChannels,
  templates: templateChannels,
  exports: exportChannels,
  window: windowChannels,
};

describe('the merged contract', () => {
  it('holds every channel of every domain, none lost to a name collision', () => {
    const declared = Object.values(domains).flatMap((channels) => Object.keys(channels));
    expect(new Set(declared).size).toBe(declared.length);
    expect([...ipcChannels].sort()).toEqual([...declared].sort());
    const events = [...Object.keys(vaultEvents), ...Object.keys(windowEvents)];
    expect(Object.keys(ipcEvents).sort()).toEqual(events.sort());
  });

  it('gives every channel and event at least one known window role', () => {
    for (const spec of [...Object.values(ipcContract), ...Object.values(ipcEvents)]) {
      expect(spec.roles.length).toBeGreaterThan(0);
      for (const role of spec.roles) expect(windowRoles).toContain(role);
    }
  });
});

describe('what each window role may do', () => {
  it('lets the client view only say it is ready or hide itself, and hear what to show', () => {
    expect(channelsFor('client-view')).toEqual(['client-view:ready', 'client-view:hide']);
    expect(eventsFor('client-view')).toEqual(['client-view:display']);
  });

  it('keeps every vault, backup, attachment, settings and template channel for the therapist', () => {
    for (const channels of [
      vaultChannels,
      backupChannels,
      attachmentChannels,
      settingsChannels,
      templateChannels,
      exportChannels,
    ]) {
      for (const channel of Object.keys(channels) as (keyof typeof ipcContract)[]) {
        expect(mayCall('therapist', channel)).toBe(true);
        expect(mayCall('client-view', channel)).toBe(false);
      }
    }
  });

  it('lets only the therapist’s window reach a channel that opens a dialog, so dialogs can be parented to it', () => {
    for (const channel of [
      'settings:choose-backup-folder',
      'backup:choose-file',
      'templates:save-pack',
      'templates:open-pack',
      'exports:save-file',
    ] as const) {
      expect(ipcContract[channel].roles).toEqual(['therapist']);
    }
  });

  it('sends lock and quit requests, and what became of the client view, to the therapist’s window only', () => {
    expect(eventsFor('therapist').sort()).toEqual([
      'app:quit-requested',
      'client-view:closed',
      'client-view:hidden',
      'vault:lock-requested',
    ]);
  });

  it('declares every client-view channel and event in the window domain, which its preload imports', () => {
    for (const channel of channelsFor('client-view'))
      expect(windowChannels).toHaveProperty([channel]);
    for (const event of eventsFor('client-view')) expect(windowEvents).toHaveProperty([event]);
  });
});

describe('the client-facing snapshot', () => {
  const snapshot = {
    eyebrow: 'This week’s plan · Start small',
    title: 'This week’s plan',
    sections: [
      { heading: 'When', body: 'After breakfast, 5 minutes.\nOn the balcony.' },
      {
        heading: 'Step by step',
        items: [
          { text: 'Open the front door' },
          { text: 'Walk to the gate', tag: 'This week' },
          { text: 'I forget', detail: 'If I forget, then I will go after breakfast.' },
        ],
      },
    ],
  };
  const withSection = (section: unknown) => ({ ...snapshot, sections: [section] });

  it('is a top line, a title and headed sections of plain text or short lists', () => {
    expect(clientViewSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(clientViewSnapshotSchema.parse({ title: 'Plan', sections: [] })).toBeTruthy();
  });

  it.each([
    ['an empty title', { ...snapshot, title: '' }],
    ['a title longer than 200 characters', { ...snapshot, title: 'x'.repeat(201) }],
    ['an empty top line', { ...snapshot, eyebrow: '' }],
    ['a top line longer than 120 characters', { ...snapshot, eyebrow: 'x'.repeat(121) }],
    [
      'a body longer than 4000 characters',
      withSection({ heading: 'When', body: 'x'.repeat(4001) }),
    ],
    ['an empty body', withSection({ heading: 'When', body: '' })],
    ['an empty heading', withSection({ heading: '', body: 'b' })],
    ['an empty list', withSection({ heading: 'Steps', items: [] })],
    ['a body and a list at once', withSection({ heading: 'h', body: 'b', items: [{ text: 't' }] })],
    ['more than 20 items', withSection({ heading: 'h', items: Array(21).fill({ text: 't' }) })],
    [
      'an item longer than 600 characters',
      withSection({ heading: 'h', items: [{ text: 'x'.repeat(601) }] }),
    ],
    ['an empty item', withSection({ heading: 'h', items: [{ text: '' }] })],
    [
      'an item field it does not have',
      withSection({ heading: 'h', items: [{ text: 't', id: 'x' }] }),
    ],
    [
      'more than 12 sections',
      { ...snapshot, sections: Array(13).fill({ heading: 'h', body: 'b' }) },
    ],
    ['a field it does not have', { ...snapshot, clientName: 'Ødegård' }],
    ['a section field it does not have', withSection({ heading: 'h', body: 'b', html: '<b>' })],
    ['a body that is not text', withSection({ heading: 'h', body: 42 })],
  ])('refuses %s', (_label, candidate) => {
    expect(clientViewSnapshotSchema.safeParse(candidate).success).toBe(false);
  });
});
