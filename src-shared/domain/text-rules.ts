/**
 * Free text that people type or bring in (client names, goals, notes, template text, packs) must
 * read on screen the way it is stored. Some characters are invisible yet change what a clinician
 * reads: bidi embeddings, overrides and isolates reorder the text around them (the "Trojan
 * Source" trick: a right-to-left override can make "take 1 tablet" show as something else),
 * and C0/C1 control characters are invisible or do odd things when text is copied or printed.
 *
 * Every free-text field of a stored entity is built from `plainText()` or `plainLine()`, which
 * refuse these characters with a message a clinician can act on. Ordinary direction marks
 * (U+200E, U+200F, U+061C) stay allowed: right-to-left writers need them and they cannot reach
 * past the text they sit in, which the app also shows isolated (see `UserText` in the renderer).
 *
 * Carriage returns are not refused but normalised: CRLF and a lone CR become LF. Textareas
 * already report their text with LF only, so in-app typing never has CR; a pack written on
 * Windows may carry CRLF inside a string, which is a harmless line end, not a trick, and
 * refusing it would turn away good files with a confusing message.
 */

/** The hidden characters refused: C0 controls but tab and line feed, DEL and C1, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are what is refused.
const HIDDEN_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const HIDDEN_CONTROLS = new RegExp(HIDDEN_CONTROL.source, 'gu');
/** Line breaks, once CR has become LF: line feed, line separator and paragraph separator. */
const LINE_BREAK = /[\n\u2028\u2029]/u;
const LINE_BREAKS = /[\n\u2028\u2029]/gu;

const controlNames: Record<string, string> = {
  '\u0000': 'null',
  '\u007F': 'delete',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
};

/** Text with CRLF and lone CR line ends turned into LF. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Someone's text quoted inside a message of the app's own: shortened to `max` characters
 * (keeping its start, or its end), hidden controls dropped, line breaks as spaces, and wrapped
 * in Unicode isolates (FSI … PDI) so a right-to-left quote cannot reorder the message around it:
 * the plain-string counterpart of showing user text with `UserText`.
 */
export function quoteUserText(
  text: string,
  { max = 40, keep = 'start' }: { max?: number; keep?: 'start' | 'end' } = {},
): string {
  const chars = Array.from(text.replace(HIDDEN_CONTROLS, '').replace(LINE_BREAKS, ' ').trim());
  let shown = chars.join('');
  if (chars.length > max) {
    // Cut at a word boundary where there is one, so the quote doesn't start or end mid-word.
    if (keep === 'start') {
      const head = chars.slice(0, max + 1).join('');
      const cut = head.lastIndexOf(' ');
      shown = `${cut > 0 ? head.slice(0, cut) : chars.slice(0, max).join('')}…`;
    } else {
      const tail = chars.slice(-max - 1).join('');
      const cut = tail.indexOf(' ');
      shown = `…${cut >= 0 ? tail.slice(cut + 1) : chars.slice(-max).join('')}`;
    }
  }
  return `“\u2068${shown}\u2069”`;
}

/** Where in `text` the character at `index` is, in words: "at the very start" or "after “…”". */
function whereIn(text: string, index: number): string {
  const before = text.slice(0, index);
  return before.trim() === ''
    ? 'at the very start'
    : `after ${quoteUserText(before, { max: 24, keep: 'end' })}`;
}

/** Why a text can't be stored (a hidden control character, named and placed), or null. */
export function hiddenControlProblem(text: string): string | null {
  const found = HIDDEN_CONTROL.exec(text);
  if (!found) return null;
  const char = found[0];
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = controlNames[char];
  return (
    `This text contains a hidden control character (${name ? `${name}, ` : ''}${code}) ` +
    `${whereIn(text, found.index)}. Characters like this can change how text reads on screen, ` +
    'so they aren’t accepted. Please delete and retype the words around it.'
  );
}

/** Why a one-line text can't be stored (a line break, placed), or null. */
export function lineBreakProblem(text: string): string | null {
  const found = LINE_BREAK.exec(text);
  if (!found) return null;
  return `This should be a single line, but it has a line break ${whereIn(text, found.index)}. Please join the lines.`;
}

/**
 * Repairs text stored before these rules, so a record written earlier still opens: applied to
 * every record read (`openRow`), while writes and imports are refused instead. Walks every
 * string of a JSON value: CR line ends become LF,
 * each hidden control character becomes U+FFFD ("�", so nothing vanishes silently and no text
 * is left empty), and in the fields named in `singleLineKeys` (at any depth; every string
 * within such a field, as in a list of titles) line breaks become spaces.
 */
export function repairStoredText(value: unknown, singleLineKeys: readonly string[] = []): unknown {
  const repair = (item: unknown, singleLine: boolean): unknown => {
    if (typeof item === 'string') {
      const text = normaliseLineEnds(item).replace(HIDDEN_CONTROLS, '\uFFFD');
      return singleLine ? text.replace(LINE_BREAKS, ' ') : text;
    }
    if (Array.isArray(item)) return item.map((element) => repair(element, singleLine));
    if (item !== null && typeof item === 'object') {
      return Object.fromEntries(
        Object.entries(item).map(([key, field]) => [
          key,
          repair(field, singleLine || singleLineKeys.includes(key)),
        ]),
      );
    }
    return item;
  };
  return repair(value, false);
}
