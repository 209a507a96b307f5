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
  EDIT_CONFLICT:
    "This was changed in another window after you opened it here, so this change wasn't saved over it. Please reopen it to see the latest version.",
  RECORD_GONE: 'This has been deleted in the meantime, so the change could not be saved.',
  EMPTY_FILE: 'This file is empty, so there is nothing to restore. Nothing was changed.',
  OTHER_VAULT:
    'This backup belongs to a different vault, so it was not restored here. Nothing was changed.',
  ALREADY_ON_THIS_COMPUTER:
    'This vault is already on this computer. To bring back its data, unlock it and choose Restore from backup in Settings.',
  BACKUP_TAMPERED:
    "This backup doesn't match what Bridgework wrote: records were removed, added or changed. Nothing was restored.",
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

/** The same problems, worded for a backup file rather than a vault's key file. */
const backupWording: Partial<Record<VaultErrorCode, string>> = {
  TRUNCATED:
    'This backup file is incomplete; it may have been cut off while copying. Nothing was restored.',
  NOT_A_VAULT: "This file isn't a Bridgework backup. Nothing was restored.",
  NEWER_VERSION:
    'This backup was made by a newer version of Bridgework. Please update Bridgework to restore it.',
  UNSUPPORTED_VERSION:
    "This backup uses a format this version of Bridgework doesn't recognise. Nothing was restored.",
  DAMAGED: "This backup file is damaged, so it can't be restored. Nothing was changed.",
  KDF_BELOW_FLOOR:
    'This backup asks for weaker passphrase protection than Bridgework allows, so it may have been tampered with. Nothing was restored.',
  KDF_ABOVE_CEILING:
    'This backup asks for more memory than Bridgework allows. Nothing was restored.',
  UNKNOWN_ALGORITHM:
    "This backup uses a protection method Bridgework doesn't know. Nothing was restored.",
  HEADER_TAMPERED:
    "This backup's key section was changed outside Bridgework. Nothing was restored.",
};

/** The sentence for a problem found in a backup file. */
export function describeBackupProblem(code: VaultErrorCode): string {
  return backupWording[code] ?? vaultErrorMessages[code];
}
