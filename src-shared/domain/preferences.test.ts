import { describe, expect, it } from 'vitest';
import {
  defaultVaultPreferences,
  pageSizeFor,
  upgradePreferencesV1,
  upgradePreferencesV2,
  vaultPreferencesSchema,
} from './preferences';

const id = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('vault preferences', () => {
  it('upgrades shape 1 through 2 to 3 keeping every field, with handouts never chosen', () => {
    const v1 = { id, initialsOnlyInLists: true, favouriteTemplates: ['sleep-diary'] };
    const read = vaultPreferencesSchema.parse(upgradePreferencesV2(upgradePreferencesV1(v1)));
    expect(read).toEqual({ ...defaultVaultPreferences, ...v1 });
  });

  it('sets the handout fields of a shape-2 record whatever it stored under their names', () => {
    const v2 = {
      id,
      initialsOnlyInLists: false,
      favouriteTemplates: [],
      practiceWording: 'this-weeks-plan',
      largePrint: true,
    };
    expect(vaultPreferencesSchema.parse(upgradePreferencesV2(v2))).toMatchObject({
      practiceWording: 'this-weeks-plan',
      pageSize: null,
      nameOnHandouts: 'initials',
      largePrint: false,
    });
  });

  it('refuses a practice name over its limit or on two lines', () => {
    const base = { id, ...defaultVaultPreferences };
    expect(
      vaultPreferencesSchema.safeParse({ ...base, practiceName: 'x'.repeat(121) }).success,
    ).toBe(false);
    expect(vaultPreferencesSchema.safeParse({ ...base, clinicianName: 'Ana\nB' }).success).toBe(
      false,
    );
    expect(
      vaultPreferencesSchema.parse({ ...base, clinicianName: ' Dr Ødegård ' }).clinicianName,
    ).toBe('Dr Ødegård');
  });
});

describe('pageSizeFor', () => {
  it('keeps a chosen paper size', () => {
    expect(pageSizeFor('a4', 'en-US')).toBe('a4');
    expect(pageSizeFor('letter', 'de-DE')).toBe('letter');
  });

  it('gives Letter in the US and Canada and A4 elsewhere when none was chosen', () => {
    expect(pageSizeFor(null, 'en-US')).toBe('letter');
    expect(pageSizeFor(null, 'fr-CA')).toBe('letter');
    expect(pageSizeFor(null, 'es-MX')).toBe('letter');
    expect(pageSizeFor(null, 'en-GB')).toBe('a4');
    expect(pageSizeFor(null, 'de-DE')).toBe('a4');
    expect(pageSizeFor(null, 'vi-VN')).toBe('a4');
  });

  it('reads a language without a region by its likely region, and nonsense as A4', () => {
    expect(pageSizeFor(null, 'en')).toBe('letter');
    expect(pageSizeFor(null, 'fr')).toBe('a4');
    expect(pageSizeFor(null, 'not a locale!')).toBe('a4');
    expect(pageSizeFor(null, '')).toBe('a4');
  });
});
