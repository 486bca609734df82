/** Finding places in test documents by their text, in LSP (UTF-16) positions. */
import { LineIndex } from '../../server/src/model/text';

export interface Pos {
  line: number;
  character: number;
}

/** Position of the n-th (0-based) occurrence of `needle`, plus `delta` code units. */
export function posOf(text: string, needle: string, nth = 0, delta = 0): Pos {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  return new LineIndex(text).positionAt(at + delta);
}

/** The task numbers of a plan-like text, in order (1. / 1、 / "3 " at line start). */
export function taskNumbers(text: string): number[] {
  return text
    .split(/\r?\n/)
    .map((l) => /^\s*(\d+)(?:[.．、]|\s)/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);
}
