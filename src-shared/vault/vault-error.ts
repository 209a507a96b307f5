/**
 * Everything that can stop a vault from opening or a record from being read, each with the
 * sentence the clinician sees. Codes cross IPC and tests; messages are for people.
 */
export const vaultErrorMessages = {
  TRUNCATED:
    "This vault's key file is shorter than it should be, so it may have been cut off while copying. Nothing was changed.",
  NOT_A_VAULT: "This file isn't a Bridgework vault key file. Nothing was changed.",
  NEWER_VERSION:
    'This vault was made by a newer version of Bridgework. Please update Bridgework to open it. Nothing was changed.',
  UNSUPPORTED_VERSION:
    "This vault uses a format this version of Bridgework doesn't recognise. Nothing was changed.",
  DAMAGED:
    "This vault's key file is damaged, so we didn't try to open it. Nothing was changed; a backup copy can be restored.",
  KDF_BELOW_FLOOR:
    "This vault's key file asks for weaker passphrase protection than Bridgework allows, so we didn't try to open it. The file may have been tampered with. Nothing was changed.",
  KDF_ABOVE_CEILING:
    "This vault's key file asks for more memory than Bridgework allows, so we didn't try to open it. Nothing was changed.",
  UNKNOWN_ALGORITHM:
    "This vault's key file uses a protection method Bridgework doesn't know, so we didn't try to open it. Nothing was changed.",
  WRONG_PASSPHRASE: "That passphrase doesn't open this vault. Please check it and try again.",
  WRONG_RECOVERY_KEY: "That recovery key doesn't open this vault. Please check it and try again.",
  HEADER_TAMPERED:
    "This vault's key file was changed outside Bridgework, so we didn't open it. Nothing was changed.",
  RECORD_DAMAGED: "This record is damaged and can't be read. The rest of the vault is fine.",
} as const;

/** A reason a vault or record could not be read. */
export type VaultErrorCode = keyof typeof vaultErrorMessages;

/** Thrown by the vault formats; `code` says which of `vaultErrorMessages` applies. */
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    detail?: string,
  ) {
    super(detail ? `${vaultErrorMessages[code]} (${detail})` : vaultErrorMessages[code]);
    this.name = 'VaultError';
  }
}

/** True when `error` is a VaultError, optionally of one code. */
export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
