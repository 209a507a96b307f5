import { toHex } from '../../src-shared/crypto/bytes';
import { sodium } from '../../src-shared/crypto/sodium';
import { encodeHeader } from '../../src-shared/vault/header';
import type { UnlockedVault } from '../../src-shared/vault/key-slots';
import { createAssignmentsRepository } from './assignments-repository';
import { createAttachmentsRepository } from './attachments-repository';
import { createClientsRepository } from './clients-repository';
import type { VaultKeys, WriteTracker } from './encrypted-table';
import { createGoalsRepository } from './goals-repository';
import { createLogRepository, type LogRepository } from './log-repository';
import { createInsightSummaries } from './insight-summaries';
import { createInsightsRepository } from './insights-repository';
import { createPreferencesRepository } from './preferences-repository';
import { createReviewsRepository } from './reviews-repository';
import { createSessionsRepository } from './sessions-repository';
import { createTemplatesRepository } from './templates-repository';
import { deleteOtherGenerations, liveGeneration } from './store-registry';
import { VaultDatabase } from './vault-database';

/** What every repository is built from: the open store, its keys and the write tracker. */
type RepositoryContext = {
  db: VaultDatabase;
  keys: VaultKeys;
  vaultIdHex: string;
  writes: WriteTracker;
};

/**
 * The repositories of an open vault. This is the one list: a repository added here is on every
 * session, typed, with nothing else to edit.
 */
function buildRepositories({ db, keys, vaultIdHex, writes }: RepositoryContext) {
  const sessions = createSessionsRepository(db, keys, writes);
  return {
    clients: createClientsRepository(db, keys, vaultIdHex, writes),
    goals: createGoalsRepository(db, keys, writes),
    sessions,
    assignments: createAssignmentsRepository(db, keys, writes),
    reviews: createReviewsRepository(db, keys, writes),
    insights: createInsightsRepository(
      createInsightSummaries(db, keys, writes),
      sessions,
      createLogRepository(db, keys, writes),
    ),
    templates: createTemplatesRepository(db, keys, writes),
    preferences: createPreferencesRepository(db, keys, writes),
    attachments: createAttachmentsRepository(db, keys, vaultIdHex, writes),
  };
}

/** The repositories of an open vault, by name. */
export type VaultRepositories = ReturnType<typeof buildRepositories>;

/**
 * An unlocked vault as the screens see it: its name and its repositories, and what automatic
 * backups and locking need to know about writes. It hands out no database and no key; the
 * use cases in this folder (backups, key changes, exports) reach those through `internalsOf`.
 */
export type VaultSession = VaultRepositories & {
  readonly vaultIdHex: string;
  readonly name: string;
  /** The vault's log of exports and deletions, to read. */
  readonly log: Pick<LogRepository, 'all'>;
  /** Writes since the last backup; automatic backups watch it. */
  changesSinceBackup: () => number;
  /** Resolves once no write is in flight (locking waits for it, so nothing typed is lost). */
  writesSettled: () => Promise<void>;
  /** Subscribes to writes; returns the unsubscribe function. */
  onChange: (listener: () => void) => () => void;
};

/** What only the data layer's use cases may touch: the store, the key and the header. */
export type SessionInternals = {
  unlocked: UnlockedVault;
  keys: VaultKeys;
  /** The header file's bytes, as stored by the main process. */
  headerBytes: Uint8Array;
  db: VaultDatabase;
  generation: number;
  /** Writes since the session opened; a backup notes this when it starts. */
  changeCount: () => number;
  /** Called by the backup runner once main has kept a backup. */
  markBackedUp: (backup: SessionBackup) => void;
  /** The last backup this session wrote, if it wrote one. */
  lastBackup: () => SessionBackup | null;
  /** The vault log, written only by the export use case (`exports.ts`). */
  exportLog: LogRepository;
};

/** A backup a session wrote: its file, the writes it holds and the key file it carries. */
export type SessionBackup = {
  fileName: string;
  /** `changeCount()` when the backup started: every write before that is in it. */
  changesIncluded: number;
  headerBytes: Uint8Array;
};

const internals = new WeakMap<VaultSession, SessionInternals>();

/** The store, key and header behind a session, for the data layer's use cases only. */
export function internalsOf(session: VaultSession): SessionInternals {
  const found = internals.get(session);
  if (!found) throw new Error('This vault session is closed.');
  return found;
}

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
  const vaultIdHex = toHex(unlocked.header.vaultId);
  const listeners = new Set<() => void>();
  let changes = 0;
  let lastBackup: SessionBackup | null = null;
  let inFlight = 0;
  const whenIdle: (() => void)[] = [];
  // Counts writes (for automatic backups) and knows which are still running (for locking).
  const writes: WriteTracker = {
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
  const exportLog = createLogRepository(db, keys, writes);
  const session: VaultSession = {
    ...buildRepositories({ db, keys, vaultIdHex, writes }),
    log: { all: exportLog.all },
    vaultIdHex,
    name: unlocked.header.name,
    changesSinceBackup: () => changes - (lastBackup?.changesIncluded ?? 0),
    writesSettled: () =>
      inFlight === 0 ? Promise.resolve() : new Promise((resolve) => whenIdle.push(resolve)),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  internals.set(session, {
    unlocked,
    keys,
    headerBytes: encodeHeader(unlocked.header),
    db,
    generation,
    changeCount: () => changes,
    markBackedUp: (backup) => {
      if (backup.changesIncluded >= (lastBackup?.changesIncluded ?? 0)) lastBackup = backup;
    },
    lastBackup: () => lastBackup,
    exportLog,
  });
  return session;
}

/**
 * Closes a session: the store closes and, unless `keepKey`, the data key is wiped. The session
 * and every copy made by `withHeader` are unusable afterwards.
 */
export function closeVaultSession(session: VaultSession, options?: { keepKey?: boolean }): void {
  const { db, keys } = internalsOf(session);
  db.close();
  if (!options?.keepKey) sodium().memzero(keys.dataKey);
  internals.delete(session);
}

/** A new session on another generation of the same vault (after a restore), with the same key. */
export function reopenOnGeneration(previous: VaultSession, generation: number): VaultSession {
  const { unlocked } = internalsOf(previous);
  closeVaultSession(previous, { keepKey: true });
  return sessionOn(unlocked, new VaultDatabase(previous.vaultIdHex, generation), generation);
}

/** The same session with a new header (new passphrase, recovery key or name). */
export function withHeader(session: VaultSession, unlocked: UnlockedVault): VaultSession {
  const before = internalsOf(session);
  const updated: VaultSession = { ...session, name: unlocked.header.name };
  internals.set(updated, { ...before, unlocked, headerBytes: encodeHeader(unlocked.header) });
  return updated;
}
