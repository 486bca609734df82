/**
 * Pinyin initials of department names (completion: "kjt" → 省科技厅). The default registry's come from
 * a table made ahead (registries/default.initials.json, `npm run initials`); others are worked out by
 * pinyin-pro, loaded on first use only: its dictionary costs every server process ~28 MB.
 */
import type * as PinyinPro from 'pinyin-pro';
import DEFAULT_INITIALS from '../../../registries/default.initials.json';
import { defaultLayer } from '../registry/defaults';

const TABLE: Readonly<Record<string, string>> = DEFAULT_INITIALS;

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

/** The initials of a name: from the table when the default registry has it, else worked out. */
export function lettersOf(text: string): string {
  return Object.hasOwn(TABLE, text) ? TABLE[text] : pinyinLetters(text);
}

/** The table: every name and alias of the default registry with its initials (scripts/registry/initials.ts writes it). */
export function defaultInitials(letters: (text: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defaultLayer().departments) for (const text of [d.name, ...d.aliases]) out[text] = letters(text);
  return out;
}
