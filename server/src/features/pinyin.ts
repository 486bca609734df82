/**
 * Pinyin initials of a text, by pinyin-pro. Loaded on first use only: its dictionary costs every
 * server process ~28 MB, and the default registry's names need it not (registries/default.initials.json).
 */
import type * as PinyinPro from 'pinyin-pro';

let pinyin: typeof PinyinPro.pinyin | undefined;

/** The first letter of each syllable, lower case, letters and digits only: 省科技厅 → skjt. */
export function pinyinLetters(text: string): string {
  // A require, not an import: the bundle then evaluates pinyin-pro when this first runs, not at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pinyin ??= (require('pinyin-pro') as typeof PinyinPro).pinyin;
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' })
    .map((s) => s.toLowerCase())
    .join('')
    .replace(/[^a-z0-9]/g, '');
}
