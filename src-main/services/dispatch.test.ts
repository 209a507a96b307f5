import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../src-shared/ipc/contract';
import type { IpcResult } from '../../src-shared/ipc/result';
import { dispatchIpc, dispatchIpcFrom } from './dispatch';
import { HandlerError } from './handler-error';
import type { IpcHandlers } from './handlers';

const VAULT_ID = '0123456789abcdef0123456789abcdef';

/**
 * Handlers for every channel of the contract: list and read-header answer valid responses, the
 * others fail loudly if called, and any channel can be replaced by the test's own.
 */
function fakeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unused = Object.fromEntries(
    ipcChannels.map((channel) => [
      channel,
      vi.fn(async () => {
        throw new Error(`${channel} is not used in this test`);
      }),
    ]),
  ) as unknown as IpcHandlers;
  return {
    ...unused,
    'vault:list': vi.fn(async () => []),
    'vault:read-header': vi.fn(async () => ({ header: 'QldWSA==' })),
    ...overrides,
  };
}

function errorOf(result: IpcResult<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A read-header handler that fails with `error`. */
function failingWith(error: unknown): Partial<IpcHandlers> {
  return {
    'vault:read-header': async () => {
      throw error;
    },
  };
}

describe('dispatching an IPC call', () => {
  it('passes the parsed request to the handler and answers its value', async () => {
    const handlers = fakeHandlers();
    const result = await dispatchIpc(handlers, 'vault:read-header', { vaultId: VAULT_ID });
    expect(result).toEqual({ ok: true, value: { header: 'QldWSA==' } });
    expect(handlers['vault:read-header']).toHaveBeenCalledWith({ vaultId: VAULT_ID });
  });

  it.each([
    'vault:delete-everything',
    42,
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'VAULT:LIST',
    ' vault:list',
    '',
    null,
    undefined,
    ['vault:list'],
    { toString: () => 'vault:list' },
  ])('answers UNKNOWN_CHANNEL for the channel %j and runs no handler', async (channel) => {
    const handlers = fakeHandlers();
    const error = errorOf(await dispatchIpc(handlers, channel, {}));
    expect(error.code).toBe('UNKNOWN_CHANNEL');
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['a vault id that walks out of the folder', { vaultId: '../../etc' }, 'vaultId'],
    ['an upper-case vault id', { vaultId: VAULT_ID.toUpperCase() }, 'vaultId'],
    ['a vault id of the wrong type', { vaultId: 7 }, 'vaultId'],
    ['a missing vault id', {}, 'vaultId'],
    ['an extra key', { vaultId: VAULT_ID, extra: true }, 'extra'],
  ])('answers INVALID_REQUEST naming the field for %s', async (_label, payload, field) => {
    const handlers = fakeHandlers();
    const error = errorOf(await dispatchIpc(handlers, 'vault:read-header', payload));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain(field);
    expect(handlers['vault:read-header']).not.toHaveBeenCalled();
  });

  it('answers INVALID_REQUEST for a payload that is not an object at all', async () => {
    for (const payload of [null, undefined, 'text', 3, []]) {
      const error = errorOf(await dispatchIpc(fakeHandlers(), 'vault:list', payload));
      expect(error.code).toBe('INVALID_REQUEST');
      expect(error.message).toMatch(/^request: /);
    }
  });

  it('answers INVALID_REQUEST for a vault header that is not base64 text', async () => {
    const error = errorOf(
      await dispatchIpc(fakeHandlers(), 'vault:create', { header: 'not base64!' }),
    );
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.message).toContain('header');
  });

  it('passes on the code and message of a HandlerError', async () => {
    const error = errorOf(
      await dispatchIpc(
        fakeHandlers(failingWith(new HandlerError('NOT_FOUND', "We couldn't find this vault."))),
        'vault:read-header',
        { vaultId: VAULT_ID },
      ),
    );
    expect(error).toEqual({ code: 'NOT_FOUND', message: "We couldn't find this vault." });
  });

  it('reports a full disk as STORAGE_FAILED without the file path of the original error', async () => {
    const path = '/home/therapist/.config/Bridgework/vaults/0123/header.bwvh';
    const diskFull = Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'write',
      path,
    });
    const error = errorOf(
      await dispatchIpc(fakeHandlers(failingWith(diskFull)), 'vault:read-header', {
        vaultId: VAULT_ID,
      }),
    );
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).toContain('ENOSPC');
    expect(error.message).not.toContain(diskFull.message);
    expect(error.message).not.toContain(path);
    expect(error.message).not.toContain('therapist');
  });

  it('reports other file-system errors such as EACCES as STORAGE_FAILED too', async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/secret'"), {
      code: 'EACCES',
    });
    const error = errorOf(
      await dispatchIpc(fakeHandlers(failingWith(denied)), 'vault:read-header', {
        vaultId: VAULT_ID,
      }),
    );
    expect(error.code).toBe('STORAGE_FAILED');
    expect(error.message).not.toContain('/secret');
  });

  it.each([
    ['a plain Error', new Error('boom at /home/therapist/.config/Bridgework')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'x')")],
    [
      'a programming error with a Node code',
      Object.assign(new TypeError('bad arg /home/therapist'), { code: 'ERR_INVALID_ARG_TYPE' }),
    ],
    ['an error whose code is not an errno', Object.assign(new Error('x'), { code: 'Enospc' })],
    ['a thrown string', '/home/therapist/secret'],
    ['a thrown null', null],
    ['a thrown undefined', undefined],
    ['a thrown number', 7],
  ])('answers INTERNAL without details for %s', async (_label, thrown) => {
    const error = errorOf(
      await dispatchIpc(fakeHandlers(failingWith(thrown)), 'vault:read-header', {
        vaultId: VAULT_ID,
      }),
    );
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('home');
    expect(error.message).not.toContain('therapist');
    expect(error.message).not.toContain('properties');
  });

  it('answers a result even when the handler throws before returning a promise', async () => {
    const handlers = fakeHandlers({
      'vault:list': () => {
        throw new Error('thrown synchronously');
      },
    });
    const error = errorOf(await dispatchIpc(handlers, 'vault:list', {}));
    expect(error.code).toBe('INTERNAL');
  });

  it('answers INTERNAL when the handler’s response breaks the contract, not the response', async () => {
    const handlers = fakeHandlers({
      'vault:read-header': async () => ({ header: '/etc/passwd is not base64' }),
      'vault:list': async () => [
        { status: 'ready' as const, vaultId: '../../outside', name: 'Bad id' },
      ],
    });
    const badHeader = await dispatchIpc(handlers, 'vault:read-header', { vaultId: VAULT_ID });
    expect(errorOf(badHeader).code).toBe('INTERNAL');
    expect(JSON.stringify(badHeader)).not.toContain('/etc/passwd');
    const badList = await dispatchIpc(handlers, 'vault:list', {});
    expect(errorOf(badList).code).toBe('INTERNAL');
    expect(JSON.stringify(badList)).not.toContain('outside');
  });

  it('drops fields the contract does not name before the response reaches the renderer', async () => {
    const handlers = fakeHandlers({
      'vault:read-header': async () =>
        ({ header: 'QldWSA==', path: '/home/therapist/vault' }) as { header: string },
    });
    const result = await dispatchIpc(handlers, 'vault:read-header', { vaultId: VAULT_ID });
    expect(result).toEqual({ ok: true, value: { header: 'QldWSA==' } });
  });
});

describe('dispatching an IPC call from a window', () => {
  it('refuses a sender main does not know before looking at the channel or payload', async () => {
    const handlers = fakeHandlers();
    for (const channel of ['vault:list', 'client-view:ready', 'no:such-channel']) {
      const error = errorOf(await dispatchIpcFrom(null, handlers, channel, {}));
      expect(error.code).toBe('FORBIDDEN_SENDER');
    }
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a channel the window’s role may not call, even with a valid payload', async () => {
    const handlers = fakeHandlers();
    const error = errorOf(await dispatchIpcFrom('client-view', handlers, 'vault:list', {}));
    expect(error.code).toBe('FORBIDDEN_SENDER');
    expect(handlers['vault:list']).not.toHaveBeenCalled();
  });

  it('runs a channel the window’s role may call', async () => {
    const handlers = fakeHandlers();
    expect(await dispatchIpcFrom('therapist', handlers, 'vault:list', {})).toEqual({
      ok: true,
      value: [],
    });
  });

  it('answers UNKNOWN_CHANNEL to a known window asking for a channel that does not exist', async () => {
    const error = errorOf(
      await dispatchIpcFrom('therapist', fakeHandlers(), 'vault:delete-everything', {}),
    );
    expect(error.code).toBe('UNKNOWN_CHANNEL');
  });
});
