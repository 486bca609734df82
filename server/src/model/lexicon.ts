/** Words and patterns of division-of-labour plans, kept in one place so parser and rules agree. */
import { isWhite, startsAt } from './text';

/** Verbs that give a role to the names before them, longest first so 牵头负责 wins over 负责. */
export const VERBS = [
  '按职责分工负责',
  '按职能分工负责',
  '按职责负责',
  '牵头负责',
  '分别负责',
  '分别牵头',
  '共同负责',
  '共同牵头',
  '负责牵头',
  '负责',
  '牵头',
  '会同',
  '参加',
  '配合',
  '参与',
  '协助',
  '协办',
  // 省科技厅为牵头单位，省财政厅为配合单位: the label's words written as a verb.
  '为牵头单位',
  '为牵头部门',
  '为配合单位',
  '为配合部门',
  '为参加单位',
  '为参与单位',
  '为协办单位',
] as const;

export type Verb = (typeof VERBS)[number];

export const LEAD_VERBS: ReadonlySet<string> = new Set(['牵头', '牵头负责', '分别牵头', '共同牵头', '负责牵头', '为牵头单位', '为牵头部门']);
export const RESPONSIBLE_VERBS: ReadonlySet<string> = new Set(['负责', '分别负责', '共同负责']);

export type LabelKind = 'lead' | 'participant' | 'person' | 'deadline';

export const LABELS: ReadonlyArray<readonly [string, LabelKind]> = [
  ['牵头单位', 'lead'],
  ['牵头部门', 'lead'],
  ['主办单位', 'lead'],
  ['主责单位', 'lead'],
  ['主责部门', 'lead'],
  ['主要责任单位', 'lead'],
  ['主要责任部门', 'lead'],
  ['责任单位', 'participant'],
  ['责任部门', 'participant'],
  ['配合单位', 'participant'],
  ['配合部门', 'participant'],
  ['参加单位', 'participant'],
  ['参与单位', 'participant'],
  ['协办单位', 'participant'],
  ['协助单位', 'participant'],
  ['协同单位', 'participant'],
  ['牵头领导', 'person'],
  ['责任领导', 'person'],
  ['分管领导', 'person'],
  ['牵头人', 'person'],
  ['责任人', 'person'],
  ['联系人', 'person'],
  ['完成时限', 'deadline'],
  ['完成时间', 'deadline'],
  ['时间节点', 'deadline'],
  ['时限要求', 'deadline'],
  ['时间要求', 'deadline'],
  ['时限', 'deadline'],
];

const labelAlternation = LABELS.map(([l]) => l).join('|');
/** A label followed by a colon, e.g. 牵头单位： or Markdown's **牵头单位**： — global, for scanning. */
export const LABEL_RE = new RegExp(`(${labelAlternation})[ \\t\\u3000*]*[：:]`, 'g');
export const LABEL_KIND: ReadonlyMap<string, LabelKind> = new Map(LABELS);

/** The first-listed convention, declared in the preamble or inside a clause (…，下同). */
export const CONVENTION_RE =
  /(?:除标注为?[“"「]?牵头[”"」]?(?:单位|部门)?(?:的)?外[，,]\s*)?(?:列|排|排在|列在)第一位?(?:者|的)?(?:单位|部门)?(?:为|是)牵头(?:或汇总)?(?:单位|部门)/;

/** A unit name ends in one of these (used to tell names from prose, places and time limits). */
/**
 * Plans name the same few hundred bodies over and over, so each distinct string is classified
 * once per process. The cache is bounded: past the limit it starts afresh.
 */
export function memoize<T>(fn: (s: string) => T, limit = 50_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string): T => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size >= limit) cache.clear();
      // Keys and string results are stored as copies: a slice of a document would keep that whole
      // version of the document alive for as long as the cache holds it.
      cache.set(ownCopy(s), (typeof v === 'string' ? ownCopy(v) : v) as T);
    }
    return v as T;
  };
}

/**
 * Brackets and spaces do not distinguish names: 各县(市、区)政府 = 各县（市、区）政府. The registry
 * compares names by this key, and so do the rules that find one body named twice in a task.
 */
export function registryKey(name: string): string {
  // Most names have no space or half-width bracket: one look at each character answers them, with
  // no cache lookup.
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x28 /* ( */ || c === 0x29 /* ) */ || isWhite(c)) return normalisedKey(name);
  }
  return name;
}

const normalisedKey = memoize(function normalisedKey(name: string): string {
  return name.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
});

/** FNV-1a's start, and one step of it: spanHash() of a span is every code unit folded in, in order. */
export const HASH_START = 0x811c9dc5;
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
export function spanHash(text: string, start: number, end: number): number {
  let h = HASH_START;
  for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

/**
 * A cache keyed by a stretch of a text, looked up in place: a name seen before costs a hash of its
 * characters and one comparison, and no string is made for it (a plan writes the same few hundred
 * names tens of thousands of times; slicing each to look it up was most of what a lookup cost).
 * Open addressing over a power-of-two table, cleared when half full.
 */
export class SpanCache<T> {
  private keys: (string | undefined)[];
  private values: (T | undefined)[];
  private size = 0;
  private readonly mask: number;

  constructor(
    private readonly make: (s: string) => T,
    bits = 15,
  ) {
    this.mask = (1 << bits) - 1;
    this.keys = new Array<string | undefined>(1 << bits).fill(undefined);
    this.values = new Array<T | undefined>(1 << bits).fill(undefined);
  }

  /** The value for the text of [start, end); `h` is its spanHash(), which the caller made while reading the span. */
  get(text: string, start: number, end: number, h: number): T {
    const found = this.peek(text, start, end, h);
    return found !== undefined ? found : this.add(text, start, end, h);
  }

  /** The value kept for the text of [start, end) (its spanHash() `h`), if any: none is made. */
  peek(text: string, start: number, end: number, h: number): T | undefined {
    const n = end - start;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot];
      if (k === undefined) return undefined;
      if (k.length === n && startsAt(text, start, k)) return this.values[slot];
    }
  }

  /** Makes and keeps the value for a text not kept yet. */
  private add(text: string, start: number, end: number, h: number): T {
    const key = ownCopy(text.slice(start, end));
    const value = this.make(key);
    if (this.size * 2 >= this.mask) {
      this.keys.fill(undefined);
      this.values.fill(undefined);
      this.size = 0;
    }
    let slot = h & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.size++;
    return value;
  }
}

/**
 * A string that owns its characters, shared by every equal string passed here. V8 represents a
 * longer slice of a string as a pointer into the original, so a name sliced from a plan would pin
 * the whole plan text; and one copy per distinct name, label or separator keeps a long plan's
 * records small (a match or a slice is a new string each time: tens of thousands of 牵头单位 and 、).
 */
export function ownCopy(s: string): string {
  let own = OWN.get(s);
  if (own === undefined) {
    // join() builds a new flat string; splitting by code unit and joining back changes nothing else.
    // A shorter one is already its own copy (V8 slices only from 13 units), but is shared all the
    // same: a plan names a few hundred departments some hundred thousand times.
    own = s.length < 13 ? s : s.split('').join('');
    if (OWN.size >= 100_000) OWN.clear();
    OWN.set(own, own);
  }
  return own;
}
const OWN = new Map<string, string>();

const UNIT_SUFFIXES = [
  '厅', '委', '局', '办', '部', '署', '行', '院', '会', '府', '中心', '公司', '集团', '队', '所', '站',
  '馆', '社', '处', '室', '联', '协', '团', '组', '街道', '乡镇', '镇', '开发区', '示范区', '园区', '新区',
  '单位', '部门', '机构', '专班', '党委', '法院', '检察院', '关', '台', '校', '学', '库', '科', '厂', '会议',
];

export const looksLikeUnit = memoize(function looksLikeUnit(name: string): boolean {
  if (name.length < 2) return false;
  const n = name.replace(/[（(][^（）()]*[）)]$/, '');
  if (/^(各|相关|有关)/.test(n)) return true;
  return UNIT_SUFFIXES.some((s) => n.endsWith(s));
});

/**
 * A whole unit name, as each of two names parted only by spaces must be (省财政厅 省商务厅): words
 * of its own before a unit's suffix. Not a suffix alone (政府, 人民政府, 管委会), not a name ending
 * in a collective's bracket (各县（市、区） 政府 is one name with a space in it).
 */
export const namesWholeUnit = memoize(function namesWholeUnit(name: string): boolean {
  if (name.length < 3 || /[）)]$/.test(name) || /^(?:人民政府|政府|管委会|党委|党委政府|党委和政府|部门|单位|机构)$/.test(name)) return false;
  return UNIT_SUFFIXES.some((s) => name.endsWith(s));
});

/** A bare place (杭州市, 济源示范区) that may take a shared suffix from the next name. */
export const isBarePlace = memoize(function isBarePlace(name: string): boolean {
  return /[市县区州盟旗]$/.test(name) && !/^(各|相关|有关)/.test(name) && !/(政府|管委会|党委)$/.test(name);
});

/** Suffixes a list may share: 杭州市、宁波市政府 → 杭州市政府. */
export const SHARED_SUFFIX_RE = /^(.+?[市县区州盟旗])(人民政府|政府|管委会|党委|党委政府|党委和政府)$/;

const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建',
  '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏',
  '陕西', '甘肃', '青海', '宁夏', '新疆', '香港', '澳门', '台湾', '宁波', '厦门', '青岛', '大连', '深圳',
];
const OWN_ISSUER_RE = new RegExp(
  `^(?:${PROVINCES.join('|')})|^(?:各|相关|有关|全|国|中|人行|人民银行|市级|省级|区级|县级|省直|市直|区直|县直)|^..?[州市县省]|海关|证监|银监|保监|金融监管|能源监管|电监|调查总队|人民银行`,
);

/** A name's level character: 省 市 区 县 at its start, unless followed by 场直级属域 (市场监管局, 省直单位). */
export function levelPrefix(name: string): string | null {
  // By character codes, answering one of four constant strings: name[0] and name[1] made a new
  // one-character string each (V8 keeps only Latin-1 ones), for nearly every name of every clause.
  const c = name.charCodeAt(0);
  const prefix = c === 0x7701 ? '省' : c === 0x5e02 ? '市' : c === 0x533a ? '区' : c === 0x53bf ? '县' : null;
  if (prefix === null) return null;
  const d = name.charCodeAt(1);
  // 场 直 级 属 域: 市场监管局, 省直单位, 省级, 省属, 区域 are not a level before a name.
  if (d === 0x573a || d === 0x76f4 || d === 0x7ea7 || d === 0x5c5e || d === 0x57df) return null;
  return prefix;
}

/** Whether a name written without its level (财政厅 after 省商务厅) should take the list's shared prefix. */
export const lacksLevelPrefix = memoize(function lacksLevelPrefix(name: string): boolean {
  return levelPrefix(name) === null && !OWN_ISSUER_RE.test(name) && looksLikeUnit(name) && name.length <= 12;
});

/** People, not departments: 分管副省长, 区政府分管副区长, 张三同志. */
export const looksLikePerson = memoize(function looksLikePerson(name: string): boolean {
  return /(省长|市长|区长|县长|书记|秘书长|部长|厅长|局长|主任|同志|领导|负责人)$/.test(name) || /分管/.test(name);
});

/** A time limit: 2013年6月底前完成, 年内持续推进, 长期坚持. */
export const DEADLINE_RE =
  /(\d{4}\s*年|\d{1,2}\s*月|[一二三四五六七八九十]+月|年底|年内|年中|月底|季度|上半年|下半年|前完成|底前|之前|以前|长期|持续|逐年|每年|年度|常态化|\d{4}[-—–至]\d{4})/;


const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_DIGIT_CODES: ReadonlyMap<number, number> = new Map(Object.entries(CN_DIGITS).map(([ch, v]) => [ch.charCodeAt(0), v]));

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105. Returns NaN for anything else. */
export function chineseNumeralValue(s: string): number {
  if (!s) return NaN;
  let total = 0;
  let current = 0;
  // By character codes: iterating the string made a string per character, looked up by name.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = CN_DIGIT_CODES.get(c);
    if (digit !== undefined) current = digit;
    else if (c === 0x5341 /* 十 */) {
      total += (current || 1) * 10;
      current = 0;
    } else if (c === 0x767e /* 百 */) {
      total += (current || 1) * 100;
      current = 0;
    } else return NaN;
  }
  return total + current;
}

/** ０-９: plans typed in full-width mode number their tasks １２．. */
export function isFullWidthDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

/** The value of one digit of either width (0-9 or ０-９). */
export function digitValue(c: number): number {
  return isFullWidthDigit(c) ? c - 0xff10 : c - 0x30;
}

/** The value of digits of either width: １２ is 12. */
export function digitsValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) v = v * 10 + digitValue(s.charCodeAt(i));
  return v;
}

/** `n` in the digits `written` uses: full-width (１２) where it was written so, else ASCII. */
export function numberLike(n: number, written: string): string {
  const ascii = String(n);
  if (!isFullWidthDigit(written.charCodeAt(0))) return ascii;
  return String.fromCharCode(...Array.from(ascii, (c) => c.charCodeAt(0) - 0x30 + 0xff10));
}

const CN_UNITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
export function chineseNumeral(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = '';
  if (h) s += CN_UNITS[h] + '百';
  if (t) s += (t === 1 && !h ? '' : CN_UNITS[t]) + '十';
  else if (h && u) s += '零';
  if (u) s += CN_UNITS[u];
  return s;
}

/**
 * One byte of flags per UTF-16 code unit, for the per-character loops of the parser: a typed-array
 * lookup is several times cheaper than Set.has or a regular expression on a one-character string.
 */
export const CH_OPEN = 1;
export const CH_CLOSE = 2;
export const CH_SEPARATOR = 4;
export const CH_VERB_FIRST = 8;
export const CH_COLON = 16;
export const CH_LABEL_FIRST = 32;
export const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  const mark = (chars: string, flag: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)] |= flag;
  };
  mark('（([【〔', CH_OPEN);
  mark('）)]】〕', CH_CLOSE);
  mark('，,；;。\n\r', CH_SEPARATOR);
  mark(VERBS.map((v) => v[0]).join(''), CH_VERB_FIRST);
  mark('：:', CH_COLON);
  mark(LABELS.map(([l]) => l[0]).join(''), CH_LABEL_FIRST);
  return table;
})();

/** Words by the code of one of their characters (`codeOf`), each list in the words' order. */
export function byCode(words: Iterable<string>, codeOf: (word: string) => number): ReadonlyMap<number, readonly string[]> {
  const map = new Map<number, string[]>();
  for (const word of words) {
    const c = codeOf(word);
    const list = map.get(c);
    if (list) list.push(word);
    else map.set(c, [word]);
  }
  return map;
}

/** Words by the code of their first character, each list in the words' order: what may start at a character. */
export function byFirstCode(words: Iterable<string>): ReadonlyMap<number, readonly string[]> {
  return byCode(words, (w) => w.charCodeAt(0));
}
