import { z } from 'zod';
import { sodium } from '../crypto/sodium';

/**
 * Record ids are 16 random bytes in unpadded base64url (22 characters). They are the only
 * plaintext stored next to a record, so they must say nothing about it: no counters, no dates.
 */
export const recordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a record id');

/** A record's random id. */
export type RecordId = z.infer<typeof recordIdSchema>;

/** A new random record id. */
export function newRecordId(): RecordId {
  const s = sodium();
  return s.to_base64(s.randombytes_buf(16), s.base64_variants.URLSAFE_NO_PADDING);
}
