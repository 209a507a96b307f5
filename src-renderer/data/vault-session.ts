import { toHex } from '../../src-shared/crypto/bytes';
import { sodium } from '../../src-shared/crypto/sodium';
import { encodeHeader } from '../../src-shared/vault/header';
import type { UnlockedVault } from '../../src-shared/vault/key-slots';
import { type AttachmentsRepository, createAttachmentsRepository } from './attachments-repository';
import { type ClientsRepository, createClientsRepository } from './clients-repository';
import type { WriteTracker } from './encrypted-table';
import { createGoalsRepository, type GoalsRepository } from './goals-repository';
import { createLogRepository, type LogRepository } from './log-repository';
import { createPreferencesRepository, type PreferencesRepository } from './preferences-repository';
import { createTemplatesRepository, type TemplatesRepository } from './templates-repository';
import { deleteOtherGenerations, liveGeneration } from './store-registry';
import { VaultDatabase } from './vault-database';

/** An unlocked vault: its name, its open database and the repositories built on its key. */
export type VaultSession = {
  vaultIdHex: string;
  name: string;
  /** The vault as unlocked (header and data key); used for backups and key changes. */
  unlocked: UnlockedVault;
  /** The header file's bytes, as stored by the main process. */
  headerBytes: Uint8Array;
  /** The live store of this vault. */
  db: VaultDatabase;
  generation: number;
  clients: ClientsRepository;
  goals: GoalsRepository;
  templates: TemplatesRepository;
  preferences: PreferencesRepository;
  log: LogRepository;
  attachments: AttachmentsRepository;
  /** Writes since the last backup; automatic backups watch it. */
  changesSinceBackup: () => number;
  /** Writes since the session opened; a backup notes this when it starts. */
  changeCount: () => number;
  /** Resolves once no write is in flight (locking waits for it, so nothing typed is lost). */
  writesSettled: () => Promise<void>;
  /** Called by the backup runner when a backup holds every change so far. */
  markBackedUp: (changesIncluded: number) => void;
  /** Subscribes to writes; returns the unsubscribe function. */
  onChange: (listener: () => void) => () => void;
  /** Closes the database and, unless `keepKey`, wipes the data key; the session is unusable afterwards. */
  close: (options?: { keepKey?: boolean }) => void;
};

/**
 * Opens the live store of an unlocked vault and removes any store generation a crash left
 * behind (a restore that never switched over).
 */
export async function openVaultSession(unlocked: UnlockedVault): Promise<VaultSession> {
  const vaultIdHex = toHex(unlocked.header.vaultId);
  const generation = await liveGeneration(vaultIdHex);
  await deleteOtherGenerations(vaultIdHex, generation);
  return sessionOn(unlocked, new VaultDatabase(vaultIdHex, generation), generation);
}

function sessionOn(unlocked: UnlockedVault, db: VaultDatabase, generation: number): VaultSession {
  const keys = { vaultId: unlocked.header.vaultId, dataKey: unlocked.dataKey };
  const listeners = new Set<() => void>();
  let changes = 0;
  let backedUp = 0;
  let inFlight = 0;
  const whenIdle: (() => void)[] = [];
  // Counts writes (for automatic backups) and knows which are still running (for locking).
  const noteWrite: WriteTracker = {
    begin: () => {
      inFlight += 1;
      return () => {
        inFlight -= 1;
        changes += 1;
        for (const listener of listeners) listener();
        if (inFlight === 0) for (const resolve of whenIdle.splice(0)) resolve();
      };
    },
  };
  return {
    vaultIdHex: toHex(unlocked.header.vaultId),
    name: unlocked.header.name,
    unlocked,
    headerBytes: encodeHeader(unlocked.header),
    db,
    generation,
    clients: createClientsRepository(db, keys, noteWrite),
    goals: createGoalsRepository(db, keys, noteWrite),
    templates: createTemplatesRepository(db, keys, noteWrite),
    preferences: createPreferencesRepository(db, keys, noteWrite),
    log: createLogRepository(db, keys, noteWrite),
    attachments: createAttachmentsRepository(db, keys, toHex(unlocked.header.vaultId), noteWrite),
    changesSinceBackup: () => changes - backedUp,
    changeCount: () => changes,
    writesSettled: () =>
      inFlight === 0 ? Promise.resolve() : new Promise((resolve) => whenIdle.push(resolve)),
    markBackedUp: (included) => {
      backedUp = Math.max(backedUp, included);
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(options) {
      db.close();
      if (!options?.keepKey) sodium().memzero(keys.dataKey);
    },
  };
}

/** A new session on another generation of the same vault (after a restore), with the same key. */
export function reopenOnGeneration(previous: VaultSession, generation: number): VaultSession {
  previous.close({ keepKey: true });
  return sessionOn(
    previous.unlocked,
    new VaultDatabase(previous.vaultIdHex, generation),
    generation,
  );
}

/** The same session with a new header (new passphrase, recovery key or name). */
export function withHeader(session: VaultSession, unlocked: UnlockedVault): VaultSession {
  return {
    ...session,
    unlocked,
    name: unlocked.header.name,
    headerBytes: encodeHeader(unlocked.header),
  };
}
