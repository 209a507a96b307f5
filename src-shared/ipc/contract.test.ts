import { describe, expect, it } from 'vitest';
import { attachmentChannels } from './attachments';
import { backupChannels } from './backups';
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
  it('lets the client view only say it is ready, and hear what to show', () => {
    expect(channelsFor('client-view')).toEqual(['client-view:ready']);
    expect(eventsFor('client-view')).toEqual(['client-view:display']);
  });

  it('keeps every vault, backup, attachment, settings and template channel for the therapist', () => {
    for (const channels of [
      vaultChannels,
      backupChannels,
      attachmentChannels,
      settingsChannels,
      templateChannels,
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
    ] as const) {
      expect(ipcContract[channel].roles).toEqual(['therapist']);
    }
  });

  it('sends lock and quit requests to the therapist’s window only', () => {
    expect(eventsFor('therapist').sort()).toEqual(['app:quit-requested', 'vault:lock-requested']);
  });

  it('declares every client-view channel and event in the window domain, which its preload imports', () => {
    for (const channel of channelsFor('client-view'))
      expect(windowChannels).toHaveProperty([channel]);
    for (const event of eventsFor('client-view')) expect(windowEvents).toHaveProperty([event]);
  });
});

describe('the client-facing snapshot', () => {
  const snapshot = {
    title: 'This week’s plan',
    sections: [{ heading: 'When', body: 'After breakfast, 5 minutes.\nOn the balcony.' }],
  };

  it('is a title and headed sections of plain text', () => {
    expect(clientViewSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(clientViewSnapshotSchema.parse({ title: 'Plan', sections: [] })).toBeTruthy();
  });

  it.each([
    ['an empty title', { ...snapshot, title: '' }],
    ['a title longer than 200 characters', { ...snapshot, title: 'x'.repeat(201) }],
    [
      'a body longer than 4000 characters',
      { ...snapshot, sections: [{ heading: 'When', body: 'x'.repeat(4001) }] },
    ],
    [
      'more than 12 sections',
      { ...snapshot, sections: Array(13).fill({ heading: 'h', body: 'b' }) },
    ],
    ['a field it does not have', { ...snapshot, clientName: 'Ødegård' }],
    [
      'a section field it does not have',
      { ...snapshot, sections: [{ heading: 'h', body: 'b', html: '<b>' }] },
    ],
    ['a body that is not text', { ...snapshot, sections: [{ heading: 'h', body: 42 }] }],
  ])('refuses %s', (_label, candidate) => {
    expect(clientViewSnapshotSchema.safeParse(candidate).success).toBe(false);
  });
});
