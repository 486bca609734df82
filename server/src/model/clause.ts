/**
 * Turns the text of a responsibility clause into department mentions with roles, following
 * the annotation rules of the corpus (shared/corpus/README.md): explicit 牵头, 负责 without
 * 牵头, the first-listed convention, 会同, labels, and name normalisation.
 *
 * Everything works on offsets into the document so every name keeps its exact place.
 */
import {
  CONVENTION_RE,
  DEADLINE_RE,
  LABEL_KIND,
  LEAD_VERBS,
  RESPONSIBLE_VERBS,
  SHARED_SUFFIX_RE,
  VERBS,
  isBarePlace,
  lacksLevelPrefix,
  levelPrefix,
  looksLikePerson,
  looksLikeUnit,
  namesWholeUnit,
  memoize,
  ownCopy,
  SpanCache,
  HASH_START,
  hashStep,
  spanHash,
  CHAR_CLASS,
  CH_CLOSE,
  CH_OPEN,
  CH_SEPARATOR,
  CH_VERB_FIRST,
  CH_LABEL_FIRST,
  byCode,
  byFirstCode,
  registryKey,
  type LabelKind,
} from './lexicon';
import { addMention, addRenamed, commitMentions, viaId, EMPTY_BLOCK, ROLE_LEAD, roleCode, startMentions, type MentionsSink, type Spelling } from './mentions';
import { doubled, isWhite, startsAt } from './text';
import type { Role } from './types';

export interface RawDeadline {
  text: string;
  start: number;
  end: number;
}

/** A clause's content. Its mentions are entries [first, first + count) of `block`: the names found, in order (document offsets until the parser makes them relative to the task). */
export interface ClauseContent extends MentionsSink {
  deadlines: RawDeadline[];
  persons: string[];
  explicitLead: boolean;
}

/** A label line or inline label: 牵头单位：… */
export interface LabelEntry {
  label: string;
  kind: LabelKind;
  labelStart: number;
  labelEnd: number;
  valueStart: number;
  valueEnd: number;
}

interface Item {
  start: number;
  end: number;
}

interface Group {
  verb: string | null;
  /**
   * For 会同: 'host' names before 会同, 'partner' names after it. 'tail': the words after the last
   * verb of a segment (各省级人民政府负责落实): only those that read as units are names.
   */
  part: 'host' | 'partner' | 'tail' | null;
  items: Item[];
}

const SPACE_RE = /[\s\u3000\u00a0*“”"「」]/;

function isSpace(ch: string): boolean {
  return SPACE_RE.test(ch);
}

// The loops below run over every character of every clause, so they compare char codes: text[i]
// on Chinese text allocates a one-character string each time, and that garbage dominated the
// benchmark's profile (scripts/bench). Same sets as OPEN, CLOSE, SEGMENT_SEPARATORS and SPACE_RE.
const OPEN_CODES = { has: (c: number) => (CHAR_CLASS[c] & CH_OPEN) !== 0 };
const CLOSE_CODES = { has: (c: number) => (CHAR_CLASS[c] & CH_CLOSE) !== 0 };
const SEPARATOR_CODES = { has: (c: number) => (CHAR_CLASS[c] & CH_SEPARATOR) !== 0 };
/** First characters of the verbs: most characters start none, so VERBS is searched only after a hit. */
const VERB_FIRST_CODES = { has: (c: number) => (CHAR_CLASS[c] & CH_VERB_FIRST) !== 0 };

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // ASCII letters, digits and CJK ideographs are never spaces: answer them without the regex.
  if ((c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x2a) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return isSpace(text[i]);
}

/**
 * Splits [start, end) at top-level occurrences of the separators, trimming spaces. An opener in
 * `strays` (openers that pair with no closer: strayOpeners()) protects nothing.
 */
function splitTopLevel(text: string, start: number, end: number, seps: (i: number) => number, strays: readonly number[]): Item[] {
  const out: Item[] = [];
  let depth = 0;
  let segStart = start;
  // Trimmed and non-empty pieces are pushed directly: no intermediate arrays (allocation showed in the profile).
  const push = (a: number, b: number) => {
    while (a < b && isSpaceAt(text, a)) a++;
    while (b > a && isSpaceAt(text, b - 1)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (OPEN_CODES.has(c)) {
      if (strays.length === 0 || !isStray(strays, i)) depth++;
    } else if (CLOSE_CODES.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const len = seps(i);
      if (len > 0) {
        push(segStart, i);
        segStart = i + len;
        i += len - 1;
      }
    }
  }
  push(segStart, end);
  return out;
}

function trim(text: string, item: Item): Item {
  let { start, end } = item;
  while (start < end && isSpaceAt(text, start)) start++;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  return { start, end };
}

function segments(text: string, start: number, end: number, strays: readonly number[]): Item[] {
  return splitTopLevel(text, start, end, (i) => {
    const c = text.charCodeAt(i);
    if (SEPARATOR_CODES.has(c)) return 1;
    // Two or more spaces separate groups as a comma would (牵头单位：市经信委  责任单位：…).
    if ((c === 0x20 || c === 0x3000) && (text[i + 1] === ' ' || text[i + 1] === '\u3000')) {
      let j = i;
      while (j < end && (text[j] === ' ' || text[j] === '\u3000')) j++;
      return j - i;
    }
    return 0;
  }, strays);
}

/**
 * The openers in [start, end) that no closer there pairs with (牵头单位：省财政厅（；责任单位：…), in
 * order; none in most content. Left open, such a bracket would hide every separator and verb after
 * it: read as text instead, it is dropped from the name it touches (stripWords) and reported by the parser.
 */
function strayOpeners(text: string, start: number, end: number): readonly number[] {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = CHAR_CLASS[text.charCodeAt(i)];
    if (c & CH_OPEN) depth++;
    else if (c & CH_CLOSE && depth > 0) depth--;
  }
  if (depth === 0) return NO_OFFSETS;
  return unpairedBrackets(text, start, end).filter((i) => (CHAR_CLASS[text.charCodeAt(i)] & CH_OPEN) !== 0);
}
const NO_OFFSETS: readonly number[] = [];

/** Whether offset i is in the sorted list (a binary search: a hostile clause may hold many). */
function isStray(strays: readonly number[], i: number): boolean {
  let lo = 0;
  let hi = strays.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (strays[mid] === i) return true;
    if (strays[mid] < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Finds verbs at top level in a segment and adds a group of the names before each (addGroup). */
function groupsOf(text: string, seg: Item, strays: readonly number[]): void {
  let depth = 0;
  let from = seg.start;
  let prevVerb: string | null = null;
  let prevPart = NO_PART;
  for (let i = seg.start; i < seg.end; i++) {
    const c = text.charCodeAt(i);
    if (OPEN_CODES.has(c) && (strays.length === 0 || !isStray(strays, i))) {
      depth++;
      continue;
    }
    if (CLOSE_CODES.has(c)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    const verb = verbAt(text, i, seg.end);
    if (!verb) continue;
    // 负责 inside a name is not a verb; a verb needs names before it or follows 会同.
    const first = ITEMS;
    addNames(text, from, i, strays);
    prevPart = verb === '会同' ? HOST : prevVerb === '会同' ? PARTNER : NO_PART;
    prevVerb = verb;
    addGroup(verb, prevPart, first);
    i += verb.length - 1;
    from = i + 1;
  }
  const first = ITEMS;
  addNames(text, from, seg.end, strays);
  if (ITEMS > first) addGroup(null, tailPart(prevVerb, prevPart), first);
}

/**
 * The names of [from, to) as items. A bracket closing a name may hold its role (市发改委（牵头）:
 * MARK_ROLES, kept in ITEM_MARK) or a time limit, alone or after a name (省商务厅参加（2025年底前）):
 * that is the clause's time limit, not a department named "（2025年底前）". Neither is part of the name.
 */
function addNames(text: string, from: number, to: number, strays: readonly number[]): void {
  for (const it of splitNames(text, { start: from, end: to }, strays)) {
    let end = it.end;
    let marked = '';
    let open = CHAR_CLASS[text.charCodeAt(end - 1)] & CH_CLOSE ? openerOf(text, it.start, end - 1) : -1;
    if (open >= 0) {
      const inner = text.slice(open + 1, end - 1);
      const words = cleanName(inner);
      if (MARK_ROLES.has(words)) marked = ownCopy(words);
      else if (segmentKind(inner) === 'deadline') {
        if (DEADLINES === NO_DEADLINES) DEADLINES = [];
        DEADLINES.push({ text: inner, start: open, end });
      } else open = -1;
    }
    // A mark or a time limit is not part of the name before it.
    if (open >= 0) end = trim(text, { start: it.start, end: open }).end;
    if (end > it.start) {
      addItem(it.start, end, spanHash(text, it.start, end));
      if (marked !== '') {
        ITEM_MARK[ITEMS - 1] = roleCode(MARK_ROLES.get(marked)!) + 1;
        ITEM_MARK_VIA[ITEMS - 1] = marked;
      }
    }
  }
}

/**
 * A role written in brackets after a name, as lists under one label often mark their lead:
 * 责任单位：市发改委（牵头）、市财政局. The words are the labels' and the verbs' own, with the role they
 * give (牵头单位, 牵头 and 负责 lead; 配合单位, 参加 join), and two that are only written so.
 */
const MARK_ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ...[...LABEL_KIND].flatMap(([label, kind]): [string, Role][] => (kind === 'lead' || kind === 'participant' ? [[label, kind]] : [])),
  ...VERBS.map((verb): [string, Role] => [verb, LEAD_VERBS.has(verb) || RESPONSIBLE_VERBS.has(verb) ? 'lead' : 'participant']),
  ['总牵头', 'lead'],
  ['主责', 'lead'],
]);

/** The opener in [start, close) that the closer at `close` pairs with, or -1. */
function openerOf(text: string, start: number, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= start; i--) {
    const c = CHAR_CLASS[text.charCodeAt(i)];
    if (c & CH_CLOSE) depth++;
    else if (c & CH_OPEN) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Splits a list of names on 、 and on 和/及/与 between complete names; parentheses protect their content. */
function splitNames(text: string, region: Item, strays: readonly number[] = NO_OFFSETS): Item[] {
  const r = trim(text, region);
  if (r.end <= r.start) return [];
  let parts = splitTopLevel(text, r.start, r.end, (i) => {
    const c = text.charCodeAt(i);
    return c === 0x3001 /* 、 */ || c === 0xff0c /* ， */ || c === 0x2c /* , */ ? 1 : 0;
  }, strays);
  // 各区、县（市）政府 and 各市、县(市、区)政府 are one collective: re-join 各 + one place character.
  const joined: Item[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (isCollectivePlace(text, p.start, p.end) && k + 1 < parts.length) {
      joined.push({ start: p.start, end: parts[k + 1].end });
      k++;
    } else joined.push(p);
  }
  parts = joined;
  const out: Item[] = [];
  for (const p of parts) {
    let start = p.start;
    for (let i = p.start; i < p.end; i++) {
      const c = text.charCodeAt(i);
      if (isWhite(c)) {
        // Spaces between two names (省财政厅 省商务厅, as a table or a PDF gives them) part them when
        // both sides are whole unit names: 省 财政厅 and 各县（市、区） 政府 stay one name. The run
        // is passed over whole, and each side read at most MAX_NAME characters far, so a long run of
        // spaces stays linear.
        let j = i + 1;
        while (j < p.end && isWhite(text.charCodeAt(j))) j++;
        if (i > start && j < p.end && i - start <= MAX_NAME) {
          let k = j;
          while (k < p.end && k - j <= MAX_NAME && !isWhite(text.charCodeAt(k))) k++;
          const left = cleanName(text.slice(start, i));
          const right = cleanName(text.slice(j, k));
          if (namesWholeUnit(left) && namesWholeUnit(right)) {
            out.push(trim(text, { start, end: i }));
            start = j;
          }
        }
        i = j - 1;
        continue;
      }
      const conj = c === 0x548c /* 和 */ || c === 0x53ca /* 及 */ || c === 0x4e0e /* 与 */ ? 1 : c === 0x4ee5 /* 以 */ && text.startsWith('以及', i) ? 2 : 0;
      if (!conj) continue;
      // Bounded work per conjunction, so a long run of 和 stays linear: no department name is
      // longer than MAX_NAME, and the right side only needs two visible characters.
      if (i - start > MAX_NAME) continue;
      const left = cleanName(text.slice(start, i));
      if (left && looksLikeUnit(left) && hasVisibleChars(text, i + conj, p.end, 2)) {
        out.push(trim(text, { start, end: i }));
        start = i + conj;
        i += conj - 1;
      }
    }
    out.push(trim(text, { start, end: p.end }));
  }
  return out.map((it) => stripWords(text, it)).filter((it) => it.end > it.start);
}

/** Longer than any department name: a longer left side of 和 is prose, not a name. */
const MAX_NAME = 64;

function hasVisibleChars(text: string, start: number, end: number, count: number): boolean {
  let seen = 0;
  for (let i = start; i < end && seen < count; i++) if (!isSpace(text[i])) seen++;
  return seen >= count;
}

const TRAILING_WORDS = /(?:等相关部门|等有关部门|等有关单位|等相关单位|等部门|等单位|等)$/;

/** Drops 等部门, leading conjunctions and surrounding emphasis from an item, keeping offsets. */
function stripWords(text: string, it: Item): Item {
  let { start, end } = trim(text, it);
  // Leading 以及/和/及/与/由/请 and TRAILING_WORDS by character codes: this runs for every name of every clause,
  // and slicing each name twice for two regular expressions showed in the profile (scripts/bench).
  const c = text.charCodeAt(start);
  if (c === 0x4ee5 /* 以 */ && start + 2 <= end && text.charCodeAt(start + 1) === 0x53ca /* 及 */) start += 2;
  else if (start < end && LEADING_CODES.has(c)) start += 1;
  // Every trailing word contains 等: without one, there is nothing to match.
  // (A bounded loop, not lastIndexOf: that searches on back to the start of the document.)
  let deng = end - 1;
  while (deng >= start && text.charCodeAt(deng) !== 0x7b49 /* 等 */) deng--;
  if (deng >= start) {
    const tail = TRAILING_WORDS.exec(text.slice(start, end));
    if (tail && end - tail[0].length > start) end -= tail[0].length;
  }
  const item = trim(text, { start, end });
  // Only a name with a bracket at either edge can carry a stray one.
  if (item.end > item.start && (CHAR_CLASS[text.charCodeAt(item.start)] & (CH_OPEN | CH_CLOSE) || CHAR_CLASS[text.charCodeAt(item.end - 1)] & (CH_OPEN | CH_CLOSE))) {
    return dropStrayBrackets(text, item);
  }
  return item;
}

/**
 * A bracket at a name's edge that pairs with none inside it is a slip, not part of the name
 * (责任单位：省商务厅）, 牵头单位：（省财政厅): the name is read without it, and the parser reports
 * the bracket. Brackets that pair stay: 中国（浙江）自由贸易试验区, 省农业农村厅（省乡村振兴局）.
 */
function dropStrayBrackets(text: string, it: Item): Item {
  let { start, end } = it;
  // Dropping an unpaired bracket pairs no other differently: the list is found once (a loop that
  // found it again after each bracket made a hostile run of ）））… quadratic).
  const unpaired = unpairedBrackets(text, start, end);
  let lo = 0;
  let hi = unpaired.length - 1;
  while (end > start) {
    if (hi >= lo && unpaired[hi] === end - 1) hi--;
    else if (!isSpaceAt(text, end - 1)) break;
    end--;
  }
  while (start < end) {
    if (lo <= hi && unpaired[lo] === start) lo++;
    else if (!isSpaceAt(text, start)) break;
    start++;
  }
  return { start, end };
}

/** Offsets of the brackets in [start, end) that pair with none there (any opener pairs with any closer). */
function unpairedBrackets(text: string, start: number, end: number): number[] {
  const open: number[] = [];
  const unpaired: number[] = [];
  for (let i = start; i < end; i++) {
    const c = CHAR_CLASS[text.charCodeAt(i)];
    if (c & CH_OPEN) open.push(i);
    else if (c & CH_CLOSE) {
      if (open.length > 0) open.pop();
      else unpaired.push(i);
    }
  }
  // Closers unpaired come before the openers left open: the list stays in order.
  return unpaired.concat(open);
}

/** 和 及 与 由 请: the one-character leading words. */
const LEADING_CODES: ReadonlySet<number> = new Set([0x548c, 0x53ca, 0x4e0e, 0x7531, 0x8bf7]);

function cleanName(s: string): string {
  return s.replace(/[\s\u3000*“”"「」]/g, '');
}

/** 省农业农村厅（省乡村振兴局） → 省农业农村厅: a trailing bracket that is itself a unit is a nameplate alias. */
function dropNameplate(name: string): string {
  const m = /^(.+?)[（(]([^（）()]+)[）)]$/.exec(name);
  if (m && looksLikeUnit(m[2]) && !/^(各|相关|有关)/.test(m[1]) && looksLikeUnit(m[1])) return m[1];
  return name;
}

/**
 * What a written name is, found once per distinct spelling (one cache lookup per name written in a
 * plan, where four lookups by four caches were ~8 % of a long plan's analysis): its own copy, the
 * name it stands for, and whether that is a bare place or a person.
 */
interface NameFacts extends Spelling {
  readonly bare: boolean;
  readonly person: boolean;
  /** Whether the name as written (cleaned, nameplate kept) reads as a unit: namesUnits(). */
  readonly unit: boolean;
  /** levelPrefix(name) and lacksLevelPrefix(name): the shared-prefix rule asks them of every name of a list. */
  readonly level: string | null;
  readonly lacksLevel: boolean;
}
const NAME_FACTS = new SpanCache((written: string): NameFacts => {
  const cleaned = cleanName(written);
  const name = ownCopy(dropNameplate(cleaned));
  const key = registryKey(name);
  return {
    written,
    name,
    bare: isBarePlace(name),
    person: looksLikePerson(name),
    unit: looksLikeUnit(cleaned),
    key,
    keyHash: spanHash(key, 0, key.length),
    level: levelPrefix(name),
    lacksLevel: lacksLevelPrefix(name),
    judgedIn: 0,
    verdict: null,
    inBlock: 0,
    slot: 0,
  };
});

/**
 * A clause's content, its mentions written to the current mention block until contentOf(). Into
 * `into` when given: a record the parser keeps and uses again, its fields all set anew here.
 */
function newContent(into?: ClauseContent): ClauseContent {
  startMentions();
  // Most clauses name no person and hold no time limit: those lists are made when one is added.
  if (!into) return emptyContent();
  into.block = EMPTY_BLOCK;
  into.first = 0;
  into.count = 0;
  into.deadlines = NO_DEADLINES;
  into.persons = NO_PERSONS;
  into.explicitLead = false;
  return into;
}

/** A content record to fill again and again (newContent's `into`). */
export function emptyContent(): ClauseContent {
  return { block: EMPTY_BLOCK, first: 0, count: 0, deadlines: NO_DEADLINES, persons: NO_PERSONS, explicitLead: false };
}

function contentOf(out: ClauseContent): ClauseContent {
  commitMentions(out);
  return out;
}
const NO_PERSONS: string[] = [];

function addPerson(out: ClauseContent, name: string): void {
  if (out.persons === NO_PERSONS) out.persons = [];
  out.persons.push(name);
}

function addDeadline(out: ClauseContent, d: RawDeadline): void {
  if (out.deadlines === NO_DEADLINES) out.deadlines = [];
  out.deadlines.push(d);
}

/** Facts and names of the list being normalised (one pair of arrays for all lists). */
const FACTS: NameFacts[] = [];
const NAMES: string[] = [];

/**
 * Expands shared suffixes and prefixes within one list, and adds its names to the clause's
 * mentions, or to its persons. The names are the plan's own strings (ownCopy): a reading outlives
 * the version it was read from.
 */
function collectNames(text: string, from: number, to: number, role: Role, via: string | null, out: ClauseContent, unitsOnly: boolean): void {
  // The two scratch arrays are written by index up to `count`, never emptied: setting an array's
  // length to 0 drops its storage, and the next push allocated it again (~10 MB per 10k tasks).
  const names = NAMES;
  const count = to - from;
  for (let k = 0; k < count; k++) {
    const f = NAME_FACTS.get(text, ITEM_START[from + k], ITEM_END[from + k], ITEM_HASH[from + k]);
    FACTS[k] = f;
    // After a segment's last verb, words that are not a unit say what is done (负责落实): no name.
    names[k] = unitsOnly && !f.unit ? '' : f.name;
  }
  // Shared suffix: a run of bare places takes the suffix of the name that ends the run.
  for (let k = 0; k < count; k++) {
    if (!FACTS[k].bare) continue;
    let j = k;
    while (j < count && FACTS[j].bare) j++;
    const m = j < count ? SHARED_SUFFIX_RE.exec(names[j]) : null;
    if (m) for (let x = k; x < j; x++) names[x] = ownCopy(names[x] + m[2]);
    k = j;
  }
  // Shared prefix: 省商务厅、财政厅 → 省财政厅.
  let prefix: string | null = null;
  for (let k = 0; k < count; k++) {
    const n = names[k];
    // A name left as written has its answers in its facts (most names); one given a suffix is asked anew.
    const asWritten = n === FACTS[k].name;
    const p = asWritten ? FACTS[k].level : levelPrefix(n);
    if (p) prefix = p;
    else if (prefix && (asWritten ? FACTS[k].lacksLevel : lacksLevelPrefix(n))) names[k] = ownCopy(prefix + n);
    else prefix = null;
  }
  const code = roleCode(role);
  const viaNumber = viaId(via);
  for (let k = 0; k < count; k++) {
    const name = names[k];
    if (!name) continue;
    // A name left as written has its facts; one given a shared suffix or prefix is looked at anew.
    const f = FACTS[k];
    const spelt = name === f.name;
    if (spelt ? f.person : looksLikePerson(name)) {
      addPerson(out, name);
      continue;
    }
    // A role marked after the name (市发改委（牵头）) is its own, whatever the list's.
    const mark = ITEM_MARK[from + k];
    const r = mark === 0 ? code : mark - 1;
    const v = mark === 0 ? viaNumber : viaId(ITEM_MARK_VIA[from + k]);
    if (spelt) addMention(r, f, ITEM_START[from + k], ITEM_END[from + k], v);
    else addRenamed(r, f, name, registryKey(name), ITEM_START[from + k], ITEM_END[from + k], v);
  }
}

/** A note (the convention, 下同), a time limit (no verb, no unit), or names — by the segment's text alone. */
function segmentKind(s: string): 'note' | 'deadline' | 'named' {
  // Not memoised as a whole: segments are mostly distinct, and a cache of them only churned the
  // heap. Those that read as a time limit are few and repeated (长期坚持, 2025年底前): they are.
  if ((s.includes('第一') && CONVENTION_RE.test(s)) || s.includes('下同') || s.includes('除标注')) return 'note';
  if (!DEADLINE_RE.test(s)) return 'named';
  return timeLimitKind(s);
}

/** segmentKind() of a segment with a time-limit word: is it the time limit alone, or names with one? */
const timeLimitKind = memoize(function timeLimitKind(s: string): 'deadline' | 'named' {
  if (VERBS.some((v) => v !== '负责' && s.includes(v))) return 'named';
  const whole = { start: 0, end: s.length };
  const unit = splitNames(s, whole).some((it) => looksLikeUnit(cleanName(s.slice(it.start, it.end))) && !DEADLINE_RE.test(s.slice(it.start, it.end)));
  return unit ? 'named' : 'deadline';
}, 10_000);

/**
 * What collect() found in the content being read: its named groups and their names, in scratch
 * arrays shared by every call (collect, namesUnits and assignRoles run one after another, never
 * inside each other). A clause used to make a record of its content, a list of groups, a record
 * per group, a list per group and a record per name, all garbage once the names were collected:
 * about a quarter of what a long plan's analysis allocated. Group g holds the names
 * ITEM_START/ITEM_END[GROUP_FIRST[g] .. GROUP_END[g]).
 */
let GROUPS = 0;
const GROUP_VERB: (string | null)[] = [];
let GROUP_PART: Int32Array = new Int32Array(32);
let GROUP_FIRST: Int32Array = new Int32Array(32);
let GROUP_END: Int32Array = new Int32Array(32);
let ITEMS = 0;
let ITEM_START: Int32Array = new Int32Array(128);
let ITEM_END: Int32Array = new Int32Array(128);
let ITEM_HASH: Int32Array = new Int32Array(128);
/** The role marked in brackets after the name (MARK_ROLES) as its roleCode() + 1, or 0; and the mark's words. */
let ITEM_MARK: Int32Array = new Int32Array(128);
const ITEM_MARK_VIA: string[] = [];
/** Time limits found (kept: they become the clause's), segments of names, and notes. */
let DEADLINES: RawDeadline[] = [];
let NAMED = 0;
let NOTES = 0;
const NO_PART = 0;
const HOST = 1;
const PARTNER = 2;
const TAIL = 3;

/** The part of a segment's last group, which no verb follows: 会同's partners, or what follows a verb, or a list of its own. */
function tailPart(prevVerb: string | null, prevPart: number): number {
  if (prevVerb === '会同' && prevPart === HOST) return PARTNER;
  return prevVerb !== null ? TAIL : NO_PART;
}
const NO_DEADLINES: RawDeadline[] = [];

function resetCollected(): void {
  GROUPS = 0;
  ITEMS = 0;
  DEADLINES = NO_DEADLINES;
  NAMED = 0;
  NOTES = 0;
}

/** A name of [start, end), with its spanHash() (NAME_FACTS looks it up by that). */
function addItem(start: number, end: number, hash: number): void {
  if (ITEMS === ITEM_START.length) {
    ITEM_START = doubled(ITEM_START);
    ITEM_END = doubled(ITEM_END);
    ITEM_HASH = doubled(ITEM_HASH);
    ITEM_MARK = doubled(ITEM_MARK);
  }
  ITEM_START[ITEMS] = start;
  ITEM_END[ITEMS] = end;
  ITEM_HASH[ITEMS] = hash;
  ITEM_MARK[ITEMS] = 0;
  ITEMS++;
}

/** A group of the names added since `first`, before `verb` (null: no verb follows them). */
function addGroup(verb: string | null, part: number, first: number): void {
  if (GROUPS === GROUP_FIRST.length) {
    GROUP_FIRST = doubled(GROUP_FIRST);
    GROUP_END = doubled(GROUP_END);
    GROUP_PART = doubled(GROUP_PART);
  }
  GROUP_VERB[GROUPS] = verb;
  GROUP_PART[GROUPS] = part;
  GROUP_FIRST[GROUPS] = first;
  GROUP_END[GROUPS] = ITEMS;
  GROUPS++;
}

/** What collect() found, as records: for the tests, which hold the two readers equal. */
export interface Collected {
  groups: Group[];
  deadlines: RawDeadline[];
  /** Segments that are neither notes nor time limits: what names a clause would come from. */
  named: number;
  /** Segments that are notes (the convention, 下同). */
  notes: number;
}

function collected(): Collected {
  const groups: Group[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const items: Item[] = [];
    for (let k = GROUP_FIRST[g]; k < GROUP_END[g]; k++) items.push({ start: ITEM_START[k], end: ITEM_END[k] });
    groups.push({ verb: GROUP_VERB[g], part: GROUP_PART[g] === HOST ? 'host' : GROUP_PART[g] === PARTNER ? 'partner' : GROUP_PART[g] === TAIL ? 'tail' : null, items });
  }
  return { groups, deadlines: DEADLINES.slice(), named: NAMED, notes: NOTES };
}

/** Content as segments of convention notes, time limits and named groups: the one-scan shortcut when the content is plain. */
function collect(text: string, start: number, end: number): void {
  PLAIN_READ = plainScan(text, start, end);
  if (!PLAIN_READ) generalScan(text, start, end);
}
/** Whether collect() read its content with the shortcut: then it holds no brackets, and every verb is a group's. */
let PLAIN_READ = false;

/** One pass over any content: segments classified as convention notes, time limits or named groups. */
function generalScan(text: string, start: number, end: number): void {
  resetCollected();
  const strays = strayOpeners(text, start, end);
  for (const seg of segments(text, start, end, strays)) {
    const str = text.slice(seg.start, seg.end);
    const kind = segmentKind(str);
    if (kind === 'note') {
      NOTES++;
      continue;
    }
    if (kind === 'deadline') {
      if (DEADLINES === NO_DEADLINES) DEADLINES = [];
      DEADLINES.push({ text: str, start: seg.start, end: seg.end });
      continue;
    }
    NAMED++;
    groupsOf(text, seg, strays);
  }
}

/** The general reader, for the tests. */
export function collectGeneral(text: string, start: number, end: number): Collected {
  generalScan(text, start, end);
  return collected();
}

/**
 * Gives roles to collected groups, e.g. 省科技厅牵头,省财政厅、省知识产权局参加.
 * `defaultRole` is what a verbless list gets when the clause has no verbs at all.
 * With a `label` (a label's value: 责任单位：…), every name takes the label's role and the label
 * as its source, unless the value names its own lead (责任单位：X牵头，Y) under a label that is not
 * the lead's: then rule 1 applies inside the value.
 */
function assignRoles(text: string, convention: boolean, out: ClauseContent, defaultRole: Role, defaultVia: string | null, label: LabelEntry | null): void {
  if (DEADLINES.length > 0) for (const d of DEADLINES) addDeadline(out, d);
  let explicit = false;
  for (let g = 0; g < GROUPS; g++) if (GROUP_VERB[g] !== null && LEAD_VERBS.has(GROUP_VERB[g]!)) explicit = true;
  // Names marked as leads in brackets (市发改委（牵头）) make the lead explicit too. Only content with
  // brackets can hold one: plain content, read by the shortcut, never does.
  if (!explicit && !PLAIN_READ) for (let k = 0; k < ITEMS && !explicit; k++) explicit = ITEM_MARK[k] === ROLE_LEAD + 1;
  if (explicit) out.explicitLead = true;
  const byLabel = label !== null && !(explicit && label.kind !== 'lead');
  // Loops rather than closures: this runs for every clause of every parse (allocation showed in scripts/bench).
  for (let g = 0; g < GROUPS; g++) {
    if (byLabel) {
      collectNames(text, GROUP_FIRST[g], GROUP_END[g], defaultRole, label.label, out, GROUP_PART[g] === TAIL);
      continue;
    }
    const role = roleOf(g, explicit, convention, defaultRole);
    let via = GROUP_VERB[g];
    for (let x = g + 1; x < GROUPS && via === null; x++) via = GROUP_VERB[x];
    collectNames(text, GROUP_FIRST[g], GROUP_END[g], role, via ?? defaultVia, out, GROUP_PART[g] === TAIL);
  }
}

function roleOf(g: number, explicit: boolean, convention: boolean, defaultRole: Role): Role {
  const verb = GROUP_VERB[g];
  if (explicit) return verb !== null && LEAD_VERBS.has(verb) ? 'lead' : 'participant';
  if (convention) return 'lead';
  if (verb === '会同' || GROUP_PART[g] === HOST) return 'lead';
  if (GROUP_PART[g] === PARTNER) return 'participant';
  if (verb === null) {
    // A verbless list takes the role of the next verb, else the previous one, else the default.
    let ref = -1;
    for (let x = g + 1; x < GROUPS && ref < 0; x++) if (GROUP_VERB[x] !== null) ref = x;
    for (let x = g - 1; x >= 0 && ref < 0; x--) if (GROUP_VERB[x] !== null) ref = x;
    if (ref < 0) return defaultRole;
    return roleOf(ref, explicit, convention, defaultRole);
  }
  return RESPONSIBLE_VERBS.has(verb) ? 'lead' : 'participant';
}

function parseVerbal(text: string, start: number, end: number, convention: boolean, out: ClauseContent, defaultRole: Role, label: LabelEntry | null): void {
  collect(text, start, end);
  assignRoles(text, convention, out, defaultRole, label?.label ?? null, label);
}

/**
 * What each character means to plainScan: 1 a character that can stand in a name and starts no
 * time limit, note, conjunction or surrounding word; 5 such a character that starts a verb (so one
 * look at one table answers both); 2 a separator of segments (，,；;); 3 the name separator 、; 6 the
 * conjunctions 和 及 与, within a name (省文化广电和旅游厅) or between two (省财政厅和省科技厅); 0
 * anything else (brackets, spaces, digits, quotes, colons, 。, line breaks, and the characters of
 * 以及 等 由 请, of time limits 年 月 季 前 长 持 逐 每 常, and of notes 第 下 除).
 */
const PLAIN_NAME = 1;
const PLAIN_VERB_FIRST = 5;
const PLAIN_CONJ = 6;
const PLAIN: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (let c = 0x4e00; c <= 0x9fff; c++) table[c] = PLAIN_NAME;
  for (const ch of '以等由请年月季前长持逐每常第下除') table[ch.charCodeAt(0)] = 0;
  for (const ch of '和及与') table[ch.charCodeAt(0)] = PLAIN_CONJ;
  for (const ch of '，,；;') table[ch.charCodeAt(0)] = 2;
  table['、'.charCodeAt(0)] = 3;
  for (let c = 0; c < 65536; c++) if (table[c] === PLAIN_NAME && VERB_FIRST_CODES.has(c)) table[c] = PLAIN_VERB_FIRST;
  return table;
})();

/**
 * generalScan() for the clause most plans are made of — names, 、, verbs and ，；, nothing else:
 * one scan that finds exactly what generalScan() finds (a property test holds the two equal),
 * without its general machinery. For any other content it answers false and generalScan() works.
 *
 * With only those characters, every segment is named (no time-limit or note words can occur), no
 * bracket protects anything, no conjunction splits a name and no leading or trailing word is
 * stripped: a segment's groups are the runs of 、-separated names before each verb.
 */
function plainScan(text: string, start: number, end: number): boolean {
  // One pass does what three did (a check of every character, the segments and their verbs, the names
  // between 、): segment by segment, a group of names closes at each verb, and each name is hashed as
  // it is read, so NAME_FACTS need not read it again. Stops at the first character that is not plain.
  resetCollected();
  let segStart = start;
  let a = start; // the name being read starts here
  let h = HASH_START;
  let first = 0; // the group being read starts with this name
  let prevVerb: string | null = null;
  let prevPart = NO_PART;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 0x3b; /* ; ends the last segment */
    const kind = PLAIN[c];
    if (kind === PLAIN_NAME) {
      h = hashStep(h, c);
      continue;
    }
    if (kind === PLAIN_VERB_FIRST) {
      const verb = verbAt(text, i, end);
      if (verb === undefined) {
        h = hashStep(h, c);
        continue;
      }
      // 参与 holds 与, which is not plain: such a verb makes the content not plain either.
      if (!PLAIN_VERBS.has(verb)) return false;
      if (!closeName(text, a, i, h)) return false;
      prevPart = verb === '会同' ? HOST : prevVerb === '会同' ? PARTNER : NO_PART;
      prevVerb = verb;
      addGroup(verb, prevPart, first);
      first = ITEMS;
      i += verb.length - 1;
      a = i + 1;
      h = HASH_START;
    } else if (kind === PLAIN_CONJ) {
      // A conjunction opening a name is dropped from it (stripWords): the general reader does that.
      if (i === a) return false;
      // Between two whole names it parts them, as splitNames() decides: the name before it reads as a
      // unit and two characters of the next name follow it (neither starting a verb, which would end
      // that name first). Otherwise it is a character of the name (国家粮食和储备局).
      if (partsNames(text, a, i, h, end)) {
        if (!closeName(text, a, i, h)) return false;
        a = i + 1;
        h = HASH_START;
      } else h = hashStep(h, c);
    } else if (kind === 3) {
      // 、 between names.
      if (!closeName(text, a, i, h)) return false;
      a = i + 1;
      h = HASH_START;
    } else if (kind === 2) {
      // ，,；; between segments; an empty segment counts for nothing.
      if (i > segStart) {
        NAMED++;
        if (!closeName(text, a, i, h)) return false;
        if (ITEMS > first) addGroup(null, tailPart(prevVerb, prevPart), first);
      }
      segStart = a = i + 1;
      h = HASH_START;
      first = ITEMS;
      prevVerb = null;
      prevPart = NO_PART;
    } else return false;
  }
  return true;
}

/** Whether the conjunction at i parts the name [a, i) (its hash `h`) from the next: splitNames()'s test, for plain content. */
function partsNames(text: string, a: number, i: number, h: number, end: number): boolean {
  if (i + 2 >= end || i - a > MAX_NAME) return false;
  const k1 = PLAIN[text.charCodeAt(i + 1)];
  const k2 = PLAIN[text.charCodeAt(i + 2)];
  if ((k1 !== PLAIN_NAME && k1 !== PLAIN_VERB_FIRST && k1 !== PLAIN_CONJ) || (k2 !== PLAIN_NAME && k2 !== PLAIN_VERB_FIRST && k2 !== PLAIN_CONJ)) return false;
  if ((k1 === PLAIN_VERB_FIRST && verbAt(text, i + 1, end) !== undefined) || (k2 === PLAIN_VERB_FIRST && verbAt(text, i + 2, end) !== undefined)) return false;
  return NAME_FACTS.get(text, a, i, h).unit;
}

/** The name [a, i) ends (at 、, a verb or a segment's end): kept when not empty; false for a 各市-style piece, which splitNames() joins to the next. */
function closeName(text: string, a: number, i: number, h: number): boolean {
  if (isCollectivePlace(text, a, i)) return false;
  if (i > a) addItem(a, i, h);
  return true;
}

/** Verbs made only of plain characters (all but 参与). */
const PLAIN_VERBS: ReadonlySet<string> = new Set(VERBS.filter((v) => [...v].every((ch) => PLAIN[ch.charCodeAt(0)] === PLAIN_NAME || PLAIN[ch.charCodeAt(0)] === PLAIN_VERB_FIRST)));

/** The shortcut, for the tests: null where it does not answer. */
export function plainCollect(text: string, start: number, end: number): Collected | null {
  return plainScan(text, start, end) ? collected() : null;
}

/**
 * Finds labels (牵头单位：…) in [start, end); each value runs to the next label. With `out`, they are
 * added to it (the labels of a task's several label lines, gathered in one list) and it is returned.
 */
export function findLabels(text: string, start: number, end: number, out?: LabelEntry[]): readonly LabelEntry[] {
  // LABEL_RE's matches, in order, found by character codes (no slice of the region, no match record
  // per label), from the colons: every label ends in one, and most clauses have none. A label is
  // looked for before each colon, past the spaces and asterisks between them. The longest that ends
  // there is the one the expression finds, as it tries every start from the left; and no label ends
  // at a later colon starting before this one, for neither a label nor what may follow it holds a
  // colon. (Trying every label at every character was ~2 % of a long plan's analysis.) Without `out`,
  // they are gathered in one scratch list and copied at their number: a list grown by push kept room for 16.
  const found = out ?? LABEL_SCRATCH;
  const from = out ? out.length : 0;
  let n = from;
  let after = start;
  for (let i = start; i < end; i++) {
    if (!isColon(text.charCodeAt(i))) continue;
    let e = i;
    while (e > after && isLabelPad(text.charCodeAt(e - 1))) e--;
    const label = labelEndingAt(text, after, e);
    if (label === undefined) continue;
    found[n++] = labelEntry(label, LABEL_KIND.get(label) ?? 'participant', e - label.length, e, i + 1, end);
    after = i + 1;
  }
  if (n === from) return out ?? NO_LABELS;
  for (let k = from; k + 1 < n; k++) found[k].valueEnd = found[k + 1].labelStart;
  return out ?? found.slice(0, n);
}
/** findLabels' list when it is given none (written by index, copied out). */
const LABEL_SCRATCH: LabelEntry[] = [];

/**
 * Label records while the parser reads one task (poolLabels): taken in turn from one list kept for
 * every task, as a task's labels are read and dropped within its reading (a new record per label,
 * 12,000 of them per 10k-task parse, was ~12 % of what a parse allocated). LABELS_POOLED is the next
 * record to take; -1 when no task is being read, and then each record is new. A hostile task of
 * many thousand labels takes new records past the first 4,096.
 */
const LABEL_POOL: LabelEntry[] = [];
let LABELS_POOLED = -1;
const LABEL_POOL_MAX = 4096;

/** Starts (true) or ends (false) the reading of a task: its label records are pooled in between. */
export function poolLabels(on: boolean): void {
  LABELS_POOLED = on ? 0 : -1;
}

/** A label record: a pooled one while a task is read, else a new one. */
export function labelEntry(label: string, kind: LabelKind, labelStart: number, labelEnd: number, valueStart: number, valueEnd: number): LabelEntry {
  const k = LABELS_POOLED;
  if (k < 0 || k >= LABEL_POOL_MAX) return { label, kind, labelStart, labelEnd, valueStart, valueEnd };
  LABELS_POOLED = k + 1;
  if (k === LABEL_POOL.length) {
    const e = { label, kind, labelStart, labelEnd, valueStart, valueEnd };
    LABEL_POOL.push(e);
    return e;
  }
  const e = LABEL_POOL[k];
  e.label = label;
  e.kind = kind;
  e.labelStart = labelStart;
  e.labelEnd = labelEnd;
  e.valueStart = valueStart;
  e.valueEnd = valueEnd;
  return e;
}

/**
 * The label (牵头单位, …) starting at i and followed, after spaces, tabs, ideographic spaces or
 * asterisks (Markdown emphasis), by a colon, all before `end`: what LABEL_RE matches there, the first of LABELS that fits, as the
 * expression's alternation takes it.
 */
export function labelAt(text: string, i: number, end: number): string | undefined {
  const c0 = text.charCodeAt(i);
  if ((CHAR_CLASS[c0] & CH_LABEL_FIRST) === 0) return undefined;
  const labels = LABELS_BY_FIRST.get(c0)!;
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k];
    if (i + label.length > end || !startsAt(text, i, label)) continue;
    let j = i + label.length;
    while (j < end && isLabelPad(text.charCodeAt(j))) j++;
    if (j < end && isColon(text.charCodeAt(j))) return label;
  }
  return undefined;
}

/** The colon that ends a label, full-width or not (CHAR_CLASS's CH_COLON, by two comparisons: findLabels looks at every character). */
function isColon(c: number): boolean {
  return c === 0xff1a /* ： */ || c === 0x3a /* : */;
}

/** What may stand between a label and its colon: spaces, tabs, ideographic spaces, and Markdown's emphasis closed before it (**牵头单位**：). */
function isLabelPad(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x2a /* * */;
}

/** The labels by their first character's code, in the order of LABELS. */
const LABELS_BY_FIRST = byFirstCode(LABEL_KIND.keys());

/** The labels by their last character's code, longest first. */
const LABELS_BY_LAST = byCode(
  [...LABEL_KIND.keys()].sort((a, b) => b.length - a.length),
  (label) => label.charCodeAt(label.length - 1),
);
/** The longest label ending at `e` and starting at or after `from`. */
function labelEndingAt(text: string, from: number, e: number): string | undefined {
  if (e <= from) return undefined;
  const labels = LABELS_BY_LAST.get(text.charCodeAt(e - 1));
  if (labels === undefined) return undefined;
  for (let k = 0; k < labels.length; k++) {
    const label = labels[k];
    if (e - label.length >= from && startsAt(text, e - label.length, label)) return label;
  }
  return undefined;
}

/** Label form: 牵头单位 → lead; 责任/配合单位 → participants, or the lead list under the convention. */
export function parseLabels(text: string, labels: readonly LabelEntry[], convention: boolean, into?: ClauseContent): ClauseContent {
  const out = newContent(into);
  const hasLeadLabel = labels.some((l) => l.kind === 'lead');
  if (hasLeadLabel) out.explicitLead = true;
  for (const l of labels) {
    if (l.kind === 'person') {
      // A loop, not /[；;，,。]+$/: that regex rescans a long run of punctuation from every start (quadratic).
      let v = cleanName(text.slice(l.valueStart, l.valueEnd));
      let ve = v.length;
      while (ve > 0 && '；;，,。'.includes(v[ve - 1])) ve--;
      v = v.slice(0, ve);
      if (v) addPerson(out, v);
      continue;
    }
    if (l.kind === 'deadline') {
      const it = trim(text, { start: l.valueStart, end: l.valueEnd });
      let e = it.end;
      while (e > it.start && /[；;，,。]/.test(text[e - 1])) e--;
      if (e > it.start) addDeadline(out, { text: text.slice(it.start, e), start: it.start, end: e });
      continue;
    }
    const role: Role = l.kind === 'lead' ? 'lead' : hasLeadLabel || !convention ? 'participant' : 'lead';
    // Names take the label's role, unless the value names its own lead: 责任单位：X牵头，Y (assignRoles).
    parseVerbal(text, l.valueStart, l.valueEnd, false, out, role, l);
  }
  return contentOf(out);
}

export interface BracketReading {
  /** A responsibility clause, a bracket holding only a time limit, or anything else (prose). */
  readonly kind: 'clause' | 'deadline' | 'other';
  /** The clause's content, when kind is 'clause'. */
  readonly content: ClauseContent | null;
  /** Where the value of the first lead label (牵头单位：) starts, or -1 without one. */
  readonly leadAt: number;
}

const NO_LABELS: readonly LabelEntry[] = [];

/**
 * A reading and a content record that readBracket fills when given them (its `into`), rather than
 * making two records per bracket: the parser keeps eight, one per bracket it remembers reading.
 */
export interface BracketSlot {
  readonly reading: { kind: BracketReading['kind']; content: ClauseContent | null; leadAt: number };
  readonly content: ClauseContent;
}

export function bracketSlot(): BracketSlot {
  return { reading: { kind: 'other', content: null, leadAt: -1 }, content: emptyContent() };
}

/** A reading: `into`'s, filled, or a new one. */
function reading(into: BracketSlot | undefined, kind: BracketReading['kind'], content: ClauseContent | null, leadAt: number): BracketReading {
  if (!into) return { kind, content, leadAt };
  const r = into.reading;
  r.kind = kind;
  r.content = content;
  r.leadAt = leadAt;
  return r;
}

/** A label naming units (牵头单位, 责任单位, …), not a person or a time limit. */
export function isUnitLabel(l: LabelEntry): boolean {
  return l.kind === 'lead' || l.kind === 'participant';
}

/**
 * Reads a bracket's content once: is it a clause, a time limit, or prose — and if a clause, who
 * leads and who joins. (One pass replaces the three separate scans the parser used to make.)
 */
export function readBracket(text: string, start: number, end: number, convention: boolean, remembered = true, into?: BracketSlot): BracketReading {
  // Plain content has no colon, so no label: read by the shortcut, it needs no search for labels.
  PLAIN_READ = plainScan(text, start, end);
  // A time limit alone (2025年底前完成, 长期坚持) is read by the general reader, and a plan writes the
  // same few again and again: those read as one before are known by their text (bench profile: the
  // general reader ~6 % of a long plan's analysis, most of it time limits).
  const h = PLAIN_READ ? 0 : spanHash(text, start, end);
  // (`remembered` false: read it all the same, as the tests do to hold the two readings equal.)
  if (!PLAIN_READ && remembered && DEADLINES_ALONE.peek(text, start, end, h)) return DEADLINE_READING;
  const labels = PLAIN_READ ? NO_LABELS : findLabels(text, start, end);
  const hasUnitLabel = labels.some(isUnitLabel);
  let leadAt = -1;
  for (let k = 0; k < labels.length && leadAt < 0; k++) if (labels[k].kind === 'lead') leadAt = labels[k].valueStart;
  if (hasUnitLabel && labels[0].labelStart - start <= 12) return reading(into, 'clause', parseLabels(text, labels, convention, into?.content), leadAt);
  if (!PLAIN_READ) generalScan(text, start, end);
  const clauseLike = hasUnitLabel || (NAMED > 0 && namesUnits(text, start, end));
  if (clauseLike) {
    const out = newContent(into?.content);
    assignRoles(text, convention, out, 'lead', null, null);
    return reading(into, 'clause', contentOf(out), leadAt);
  }
  // Most brackets that are no clause hold no lead label either: one reading serves them all.
  if (NAMED === 0 && DEADLINES.length > 0 && NOTES === 0) {
    if (leadAt >= 0) return reading(into, 'deadline', null, leadAt);
    // The reading depends on the text alone (the convention only gives names their roles).
    if (!PLAIN_READ) DEADLINES_ALONE.get(text, start, end, h);
    return DEADLINE_READING;
  }
  return leadAt < 0 ? OTHER_READING : reading(into, 'other', null, leadAt);
}
const DEADLINE_READING: BracketReading = { kind: 'deadline', content: null, leadAt: -1 };
/** Contents read as DEADLINE_READING, found before: read so again without reading them (get() adds one). */
const DEADLINES_ALONE = new SpanCache<true>(() => true, 10);
const OTHER_READING: BracketReading = { kind: 'other', content: null, leadAt: -1 };

/** With a verb, some name before a verb must read as a unit (省科技厅牵头, not 确保负责任); without, every name must. */
function namesUnits(text: string, start: number, end: number): boolean {
  // Every collected name belongs to a group: the names are ITEM_START/ITEM_END[0 .. ITEMS).
  const some = PLAIN_READ ? groupsHaveVerb() : hasVerb(text, start, end);
  for (let k = 0; k < ITEMS; k++) {
    if (NAME_FACTS.get(text, ITEM_START[k], ITEM_END[k], ITEM_HASH[k]).unit === some) return some;
  }
  return !some;
}

/**
 * Whether a verb stands anywhere in plain content: the shortcut found every verb there (no bracket
 * hides one, and none spans a separator), so this asks its groups rather than scanning again.
 */
function groupsHaveVerb(): boolean {
  for (let g = 0; g < GROUPS; g++) if (GROUP_VERB[g] !== null) return true;
  return false;
}

function hasVerb(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (verbAt(text, i, end)) return true;
  return false;
}

/** The verb starting at i and ending by `end` (the longest: VERBS is longest first), if any. */
function verbAt(text: string, i: number, end: number): string | undefined {
  const c = text.charCodeAt(i);
  if (!VERB_FIRST_CODES.has(c)) return undefined;
  // Only the verbs starting with this character, and only those whose second character follows:
  // 会 ends every 委员会, and trying each of the fourteen verbs there was most of a clause's scan.
  const verbs = VERBS_BY_FIRST.get(c)!;
  const next = text.charCodeAt(i + 1);
  for (let v = 0; v < verbs.length; v++) {
    const verb = verbs[v];
    if (verb.charCodeAt(1) === next && i + verb.length <= end && startsAt(text, i, verb)) return verb;
  }
  return undefined;
}

/** VERBS by their first character's code, each list longest first as VERBS is. */
const VERBS_BY_FIRST = byFirstCode(VERBS);

/** 各市, 各区, 各县, 各省 standing alone in a list: one collective with the next piece (各市、县政府). */
function isCollectivePlace(text: string, start: number, end: number): boolean {
  return end - start === 2 && text.charCodeAt(start) === 0x5404 /* 各 */ && '市区县省'.includes(text[start + 1]);
}
