/** Pinyin initials of department names: the default registry's from a table made ahead, others by pinyin-pro. */
import defaultRegistry from '../../../registries/default.json';
import DEFAULT_INITIALS from '../../../registries/default.initials.json';
import { pinyinLetters } from './pinyin';

const TABLE: Readonly<Record<string, string>> = DEFAULT_INITIALS;

/** The initials of a name: from the table when the default registry has it, else worked out. */
export function lettersOf(text: string): string {
  return Object.hasOwn(TABLE, text) ? TABLE[text] : pinyinLetters(text);
}

/** The table: every name and alias of the default registry with its initials (scripts/registry/initials.ts writes it). */
export function defaultInitials(letters: (text: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of defaultRegistry.departments) for (const text of [d.name, ...(d.aliases ?? [])]) out[text] = letters(text);
  return out;
}
