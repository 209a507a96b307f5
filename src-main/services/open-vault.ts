import { HandlerError } from './handler-error';

/**
 * Which vault the therapist's window has unlocked, as main knows it from `vault:opened` and
 * `vault:closed`. Vault-bound channels (backups, attachments, header changes, the client view)
 * answer LOCKED unless their vault is the open one.
 */
export function createOpenVault() {
  let openVaultId: string | null = null;
  const locked = () => new HandlerError('LOCKED', 'The vault is locked. Please unlock it first.');
  return {
    open(vaultId: string): void {
      openVaultId = vaultId;
    },
    close(): void {
      openVaultId = null;
    },
    /** Whether `vaultId` is the open vault. */
    isOpen(vaultId: string): boolean {
      return openVaultId === vaultId;
    },
    /** Throws LOCKED unless `vaultId` is the open vault. */
    require(vaultId: string): void {
      if (openVaultId !== vaultId) throw locked();
    },
    /** Throws LOCKED unless some vault is open. */
    requireAny(): void {
      if (openVaultId === null) throw locked();
    },
  };
}

/** The open-vault record of one handler map. */
export type OpenVault = ReturnType<typeof createOpenVault>;
