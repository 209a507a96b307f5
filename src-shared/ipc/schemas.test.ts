import { describe, expect, it } from 'vitest';
import { base64Schema } from './schemas';

describe('base64 text crossing IPC', () => {
  it('takes padded base64 and refuses anything else', () => {
    for (const good of ['', 'QQ==', 'QUI=', 'QUJD', 'QUJDRA=='])
      expect(base64Schema.safeParse(good).success, good).toBe(true);
    for (const bad of ['Q', 'QQ=', 'Q===', 'QQ==QUJD', 'QU JD', 'QUJD\n', 'QU-_'])
      expect(base64Schema.safeParse(bad).success, bad).toBe(false);
  });

  it('checks a 20 MB worksheet’s worth without running out of stack', () => {
    const large = 'QUJD'.repeat(7_000_000);
    expect(base64Schema.safeParse(large).success).toBe(true);
    expect(base64Schema.safeParse(`${large}!`).success).toBe(false);
  });
});
