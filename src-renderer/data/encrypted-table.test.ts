import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8 } from '../../src-shared/crypto/bytes';
import { loadSodium, sodium } from '../../src-shared/crypto/sodium';
import { encryptRecord } from '../../src-shared/vault/record-codec';
import { isVaultError } from '../../src-shared/vault/vault-error';
import { buildVault } from '../../tests/fixtures/vaults';
import type { Goal } from '../../src-shared/domain/goal';
import { EncryptedTable, indexFieldsOfSealed, openRow, type VaultKeys } from './encrypted-table';
import { internalsOf, openVaultSession } from './vault-session';
import { entities } from './entities';
import type { SealedRow, VaultTableName } from './vault-database';

const CLIENT_ID = '3tGq4Q_xljoDMEfnMKxdhw';
const GOAL_ID = '4O64lLJVNSilJ1rowG2-2A';
let keys: VaultKeys;

beforeAll(async () => {
  await loadSodium();
  keys = {
    vaultId: sodium().randombytes_buf(16),
    dataKey: sodium().crypto_aead_xchacha20poly1305_ietf_keygen(),
  };
});

/** A row as IndexedDB holds it, sealed from the exact plaintext text given. */
function row(table: VaultTableName, id: string, schemaVersion: number, json: string): SealedRow {
  const address = { vaultId: keys.vaultId, table, recordId: id };
  return { id, sealed: encryptRecord(keys.dataKey, address, schemaVersion, utf8(json)) };
}

function outcome(read: () => unknown): string {
  try {
    return `read ${JSON.stringify(read())}`;
  } catch (error) {
    return isVaultError(error) ? error.code : String(error);
  }
}

const clientV1 = `{"id":"${CLIENT_ID}","name":"Jonas Ødegård","createdAt":"2026-11-26T22:25:08.854Z","archivedAt":null`;
const goal = `{"id":"${GOAL_ID}","clientId":"${CLIENT_ID}","clientWords":"Sleep","whyItMatters":"","status":"active","createdAt":"2026-09-08T09:40:00.000Z","updatedAt":"2026-09-08T09:40:00.000Z"}`;

describe('reading a record', () => {
  it('reads strict record JSON', () => {
    expect(openRow(entities.clients, keys, row('clients', CLIENT_ID, 1, `${clientV1}}`))).toEqual({
      id: CLIENT_ID,
      name: 'Jonas Ødegård',
      status: 'active',
      privateNotes: '',
      createdAt: '2026-11-26T22:25:08.854Z',
      statusChangedAt: '2026-11-26T22:25:08.854Z',
    });
  });

  it('refuses a number JSON.parse reads as Infinity, even in a field an upgrade drops', () => {
    // Version-1 client records tolerate (and drop) unknown fields, so only a rule on the JSON
    // itself refuses these.
    for (const number of ['1e400', '-1e400', `1${'0'.repeat(309)}`]) {
      const sealed = row('clients', CLIENT_ID, 1, `${clientV1},"legacy":${number}}`);
      expect(
        outcome(() => openRow(entities.clients, keys, sealed)),
        number,
      ).toBe('RECORD_DAMAGED');
    }
  });

  it('refuses NaN, Infinity and a byte-order mark', () => {
    for (const json of [
      `${clientV1},"legacy":NaN}`,
      `${clientV1},"legacy":Infinity}`,
      `\uFEFF${clientV1}}`,
    ]) {
      const sealed = row('clients', CLIENT_ID, 1, json);
      expect(
        outcome(() => openRow(entities.clients, keys, sealed)),
        json,
      ).toBe('RECORD_DAMAGED');
    }
  });
});

describe('index fields of a restored record', () => {
  it('come from the record', () => {
    expect(indexFieldsOfSealed('goals', keys, row('goals', GOAL_ID, 1, goal))).toEqual({
      clientId: CLIENT_ID,
    });
  });

  it('are refused unless the plaintext is a strict JSON object', () => {
    for (const json of [
      '["x"]',
      '5',
      '"text"',
      'null',
      `\uFEFF${goal}`,
      goal.replace('}', ',"n":1e999}'),
    ]) {
      expect(
        outcome(() => indexFieldsOfSealed('goals', keys, row('goals', GOAL_ID, 1, json))),
        json,
      ).toBe('RECORD_DAMAGED');
    }
  });
});

describe('a table that keeps opened records for the session', () => {
  it('opens an unchanged record once, and a rewritten one again: never stale', async () => {
    const vault = await buildVault();
    const session = await openVaultSession({
      header: vault.header,
      dataKey: vault.dataKey.slice(),
    });
    const { db, keys: sessionKeys } = internalsOf(session);
    const kept = new EncryptedTable<Goal>(db, sessionKeys, entities.goals, undefined, true);
    const plain = new EncryptedTable<Goal>(db, sessionKeys, entities.goals);
    const sleep = JSON.parse(goal) as Goal;
    await kept.put(sleep);

    const first = await kept.get(GOAL_ID);
    expect(await kept.get(GOAL_ID)).toBe(first);
    expect((await kept.where('clientId', CLIENT_ID)).records[0]).toBe(first);
    expect(await plain.get(GOAL_ID)).not.toBe(await plain.get(GOAL_ID));

    // Written through another table (another repository): the row's nonce changed.
    await plain.put({ ...sleep, clientWords: 'Sleep through the night' });
    expect((await kept.get(GOAL_ID))?.clientWords).toBe('Sleep through the night');
    expect((await kept.all()).records.map((g) => g.clientWords)).toEqual([
      'Sleep through the night',
    ]);
  });
});
