/**
 * The floor: what the machine does for this text with no structure at all — split it into lines
 * and run one regular expression per line (number, body, trailing bracket). Any checker has to
 * at least read every line once; this is that reading, and nothing more.
 */
const LINE_RE = /^\s*(?:(\d{1,5})[.．、\s]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])(.*?)(?:[（(【]([^（）()【】]*)[）)】])?\s*$/;

/** Returns the number of lines the expression matched, so the work cannot be optimised away. */
export function floorScan(text: string): number {
  let matched = 0;
  for (const line of text.split(/\r\n|\n|\r/)) if (LINE_RE.exec(line)) matched++;
  return matched;
}
