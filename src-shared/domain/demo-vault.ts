import { sodium } from '../crypto/sodium';

/**
 * The demo vault ("Try a demo vault" on the start screen, `npm run seed -- --size demo`): a
 * vault of made-up clients to look around in. It is told apart by its name, the one thing the
 * start screen knows before unlocking and the one thing a backup carries with it, so a demo
 * stays marked wherever it is opened. Real vaults may not take this name.
 */
export const DEMO_VAULT_NAME = 'Demo practice (made-up clients)';

/** The word shown wherever a demo vault is open: the banner, the window title, every printed page. */
export const DEMO_MARK = 'DEMO';

/** The line every page printed from a demo vault carries at its foot. */
export const DEMO_FOOTER = 'DEMO: made-up client, not a real person';

/** Whether a vault's name marks it as a demo vault. */
export function isDemoVaultName(name: string): boolean {
  return name.trim().toLocaleLowerCase('en') === DEMO_VAULT_NAME.toLocaleLowerCase('en');
}

// Plain, easy words to read aloud and type: 64 of them, six words give 36 bits.
const WORDS = [
  'acorn',
  'amber',
  'apple',
  'aspen',
  'badger',
  'basket',
  'beacon',
  'bramble',
  'breeze',
  'candle',
  'canoe',
  'cedar',
  'clover',
  'comet',
  'copper',
  'cotton',
  'daisy',
  'dolphin',
  'ember',
  'falcon',
  'fern',
  'fiddle',
  'garden',
  'ginger',
  'harbour',
  'hazel',
  'heron',
  'honey',
  'island',
  'ivy',
  'jasmine',
  'juniper',
  'kettle',
  'kite',
  'lantern',
  'lemon',
  'maple',
  'meadow',
  'mint',
  'nutmeg',
  'oak',
  'orchard',
  'otter',
  'pebble',
  'pepper',
  'pine',
  'plum',
  'quill',
  'raven',
  'river',
  'robin',
  'saffron',
  'sparrow',
  'spruce',
  'thistle',
  'tulip',
  'velvet',
  'violet',
  'walnut',
  'willow',
  'wren',
  'yarrow',
  'zephyr',
  'meadowlark',
] as const;

/**
 * A new random passphrase for a demo vault, shown on screen: six words from libsodium's
 * random numbers. It guards only made-up data, but is random all the same, so a demo vault is
 * never opened by a guessable default.
 */
export function newDemoPassphrase(): string {
  const s = sodium();
  return Array.from({ length: 6 }, () => WORDS[s.randombytes_uniform(WORDS.length)]).join(' ');
}
