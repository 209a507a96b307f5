import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { documentFontRanges } from './font-coverage-data';
import {
  documentFontsCover,
  unsupportedCharacters,
  unsupportedCharactersIn,
} from './font-coverage';
import { nodeDocumentFontFiles } from './node-font-files';

describe('the fonts’ coverage', () => {
  it('is what both fonts’ cmaps say (regenerate: node resources/fonts/generate-coverage.mjs)', () => {
    const files = nodeDocumentFontFiles();
    const sets = [files.regular, files.semibold].map((file) => {
      const font = fontkit.openSync(file);
      if (!('characterSet' in font)) throw new Error(`${file} is a collection`);
      return new Set(font.characterSet);
    });
    const [regular = new Set<number>(), semibold = new Set<number>()] = sets;
    const both = [...regular].filter((code) => semibold.has(code)).sort((a, b) => a - b);
    const listed = documentFontRanges.flatMap(([first, last]) =>
      Array.from({ length: last - first + 1 }, (_, index) => first + index),
    );
    expect(listed).toEqual(both);
  });

  it('covers Latin, Latin Extended, Vietnamese, Greek and Cyrillic', () => {
    for (const name of [
      'Ødegård',
      'Nguyễn Thị Ánh',
      'Zoë',
      'Łukasz Żółć',
      'Παπαδόπουλος',
      'Иванов',
      'Çağrı Şahin',
      'Ðorđe',
    ]) {
      expect(unsupportedCharacters(name), name).toEqual([]);
    }
    expect(unsupportedCharacters('“Quotes” – dashes — and ’apostrophes’ … 10:30 • €5')).toEqual([]);
  });

  it('reads text as composed, so a decomposed accent is still covered', () => {
    expect(unsupportedCharacters('Zoe\u0308 Nguye\u0302\u0303n')).toEqual([]);
  });

  it('reports scripts the fonts cannot draw, each character once', () => {
    expect(unsupportedCharacters('สมชาย')).toEqual(['ส', 'ม', 'ช', 'า', 'ย']);
    expect(unsupportedCharacters('王小明 and 王')).toEqual(['王', '小', '明']);
    expect(unsupportedCharacters('محمد')).toEqual(['م', 'ح', 'د']);
    expect(unsupportedCharacters('Walk 🚶')).toEqual(['🚶']);
    expect(unsupportedCharactersIn(['Jonas', 'ジョナス'])).toHaveLength(4);
  });

  it('treats line breaks and tabs as layout, not characters to draw', () => {
    expect(unsupportedCharacters('one\ntwo\r\nthree\tfour')).toEqual([]);
    expect(documentFontsCover(0x41)).toBe(true);
    expect(documentFontsCover(0x2610)).toBe(false);
  });
});
