/**
 * The departments a task's clause names, kept as columns rather than a record per name.
 *
 * A long plan names tens of thousands of departments, and every reading outlives the parse that
 * made it (TaskCache). As one record per name (and a list per task) they were over half of what a
 * parsed plan held (10k-task bench plan: 3.3 of 6.3 MB), and every one of them was copied by the
 * young-generation collector before it was promoted. Here the mentions of many tasks share one
 * block, of numbers only (MentionBlock).
 * A reading holds its block, where its mentions start and how many there are (Mentions).
 */
import { spanHash } from './lexicon';
import type { Role } from './types';

/** Roles as stored: ROLE_LEAD or ROLE_PARTICIPANT. */
export const ROLE_LEAD = 1;
export const ROLE_PARTICIPANT = 0;

export function roleCode(role: Role): number {
  return role === 'lead' ? ROLE_LEAD : ROLE_PARTICIPANT;
}

export function roleOfCode(code: number): Role {
  return code === ROLE_LEAD ? 'lead' : 'participant';
}

/**
 * A spelling of a name, one record shared by every mention written so (clause.ts keeps one per
 * distinct text): the text as written, the name it reads as and its registry key, and a slot where
 * the rules keep their verdict on that name (rules/departments.ts), so a plan naming the same body
 * 5,000 times has it judged once, without a lookup by name for each mention.
 */
export interface Spelling {
  readonly written: string;
  readonly name: string;
  /** registryKey(name): what tells two names of one body apart. */
  readonly key: string;
  /** spanHash() of the key: two names whose hashes differ name two bodies, told without reading either. */
  readonly keyHash: number;
  /** Which registry and language `verdict` is of (a number the rules give them, not the registry itself, which it would keep alive); 0: none yet. */
  judgedIn: number;
  verdict: unknown;
  /** The block this spelling was last entered in (its id; 0: none) and its index in that block's spellings. */
  inBlock: number;
  slot: number;
}

/** A mention whose name is not its spelling's: a shared prefix or suffix was added (财政厅 → 省财政厅). */
interface Renamed {
  readonly spelling: Spelling;
  readonly name: string;
  readonly key: string;
  readonly keyHash: number;
}

let blocksMade = 0;

/**
 * The verbs and labels that give roles, by number (0: none), as blocks keep them. They are lexicon
 * words (VERBS, LABELS, the column headings and the role marks lexicon.ts and table.ts know, never a
 * plan's own text), so the list stays as short as the lexicon; a word seen first gets the next number.
 */
const VIAS: (string | null)[] = [null];
const VIA_IDS = new Map<string, number>();

/** The number a block keeps for a verb or label (null: none). */
export function viaId(via: string | null): number {
  if (via === null) return 0;
  // A clause's lists alternate between two or three verbs: the last two are known without a lookup
  // (one per list read was ~1 % of a long plan's analysis).
  if (via === lastVia) return lastViaId;
  if (via === otherVia) {
    const id = otherViaId;
    otherVia = lastVia;
    otherViaId = lastViaId;
    lastVia = via;
    lastViaId = id;
    return id;
  }
  let id = VIA_IDS.get(via);
  if (id === undefined) {
    id = VIAS.push(via) - 1;
    VIA_IDS.set(via, id);
  }
  otherVia = lastVia;
  otherViaId = lastViaId;
  lastVia = via;
  lastViaId = id;
  return id;
}
let lastVia: string | null = null;
let lastViaId = 0;
let otherVia: string | null = null;
let otherViaId = 0;

/**
 * Mentions of many tasks, written once (their offsets moved once, by the reading that owns them), then
 * only read. Every column is a number in one typed array (outside the collected heap): offsets, role,
 * which of the block's spellings the name is, and which verb or label gave the role. A block used to
 * hold its names, keys, spellings and verbs in four lists of pointers, one entry per mention: those
 * were over 40 % of what a parsed plan held (6 of 14 MB at 50k tasks), every entry copied by the
 * young-generation collector and traced by the old one. A block names a few hundred distinct bodies:
 * each spelling is kept once per block.
 */
export class MentionBlock {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** ROLE_LEAD or ROLE_PARTICIPANT. */
  readonly roles: Int32Array;
  /** Per entry: its spelling's index in `spellings`; for a name not its spelling's, −1 − its index in `renamed`. */
  private readonly which: Int32Array;
  /** Per entry: the number of the verb or label that gave the role (viaId()). */
  private readonly viaOf: Int32Array;
  /** Per entry: its key's hash (Spelling.keyHash), so that most pairs of entries are told apart by two numbers. */
  private readonly keyHashes: Int32Array;
  /** The distinct spellings the entries name (Spelling.inBlock and slot say where a spelling is). */
  private readonly spellings: Spelling[] = [];
  private readonly renamed: Renamed[] = [];
  readonly id = ++blocksMade;
  /** Entries in use. */
  count = 0;

  constructor(readonly capacity: number) {
    const all = new Int32Array(capacity * 6);
    this.starts = all.subarray(0, capacity);
    this.ends = all.subarray(capacity, 2 * capacity);
    this.roles = all.subarray(2 * capacity, 3 * capacity);
    this.which = all.subarray(3 * capacity, 4 * capacity);
    this.viaOf = all.subarray(4 * capacity, 5 * capacity);
    this.keyHashes = all.subarray(5 * capacity, 6 * capacity);
  }

  /** The normalised name of entry k (shared prefix or suffix expanded): what the registry is asked. */
  name(k: number): string {
    const w = this.which[k];
    return w >= 0 ? this.spellings[w].name : this.renamed[-1 - w].name;
  }

  /** registryKey() of entry k's name. */
  key(k: number): string {
    const w = this.which[k];
    return w >= 0 ? this.spellings[w].key : this.renamed[-1 - w].key;
  }

  /** Whether entries j and k name one body (their registry keys are equal): at once for one spelling. */
  sameKey(j: number, k: number): boolean {
    if (this.keyHashes[j] !== this.keyHashes[k]) return false;
    const a = this.which[j];
    return (a >= 0 && a === this.which[k]) || this.key(j) === this.key(k);
  }

  /** How many spellings the block keeps (each once, however many of its entries name it). */
  get spellingCount(): number {
    return this.spellings.length;
  }

  /** The spelling of entry k: the text as written and what it reads as before any shared prefix or suffix. */
  spelling(k: number): Spelling {
    const w = this.which[k];
    return w >= 0 ? this.spellings[w] : this.renamed[-1 - w].spelling;
  }

  /** Entry k's spelling if its name is the spelling's (no shared prefix or suffix added to it), else null. */
  spelt(k: number): Spelling | null {
    const w = this.which[k];
    return w >= 0 ? this.spellings[w] : null;
  }

  /** The verb or label that gave entry k its role, if any. */
  via(k: number): string | null {
    return VIAS[this.viaOf[k]];
  }

  /** Writes entry k: a name as its spelling reads. */
  set(k: number, role: number, spelling: Spelling, start: number, end: number, via: number): void {
    if (spelling.inBlock !== this.id) {
      spelling.inBlock = this.id;
      spelling.slot = this.spellings.length;
      this.spellings.push(spelling);
    }
    this.write(k, role, start, end, spelling.slot, spelling.keyHash, via);
  }

  /** Writes entry k: a name not its spelling's. */
  setRenamed(k: number, role: number, renamed: Renamed, start: number, end: number, via: number): void {
    this.write(k, role, start, end, -1 - this.renamed.length, renamed.keyHash, via);
    this.renamed.push(renamed);
  }

  private write(k: number, role: number, start: number, end: number, which: number, keyHash: number, via: number): void {
    this.starts[k] = start;
    this.ends[k] = end;
    this.roles[k] = role;
    this.which[k] = which;
    this.keyHashes[k] = keyHash;
    this.viaOf[k] = via;
  }

  /** Entry `from` of `block` written as entry k of this one. */
  copy(k: number, block: MentionBlock, from: number): void {
    const w = block.which[from];
    if (w >= 0) this.set(k, block.roles[from], block.spellings[w], block.starts[from], block.ends[from], block.viaOf[from]);
    else this.setRenamed(k, block.roles[from], block.renamed[-1 - w], block.starts[from], block.ends[from], block.viaOf[from]);
  }
}

/** A task's (or a clause's) mentions: entries [first, first + count) of `block`. */
export interface Mentions {
  readonly block: MentionBlock;
  readonly first: number;
  readonly count: number;
}

/** Whether any of the mentions is a lead. */
export function namesLead({ block, first, count }: Mentions): boolean {
  for (let k = first; k < first + count; k++) if (block.roles[k] === ROLE_LEAD) return true;
  return false;
}

/** Mentions per block: 24 KB of numbers and the spellings named, the mentions of some 250 tasks (a reading pins at most its one block). */
const BLOCK_SIZE = 1024;

export const EMPTY_BLOCK = new MentionBlock(0);
export const NO_MENTIONS: Mentions = { block: EMPTY_BLOCK, first: 0, count: 0 };

/**
 * The block new mentions are written to, shared by every parse: a keystroke reads one task again,
 * and its few mentions go after the last ones written rather than into a block of their own. A
 * block lives as long as a reading that points into it.
 */
let current = new MentionBlock(BLOCK_SIZE);
/**
 * Mentions of the clause being read: written straight after the current block's entries in use
 * (no scratch columns copied out per clause), and only counted as its entries by commitMentions().
 */
let pending = 0;

/** A clause's reading starts: mentions written and not committed are dropped. */
export function startMentions(): void {
  pending = 0;
}

/** Adds a mention of the clause being read, its name as its spelling reads. */
export function addMention(role: number, spelling: Spelling, start: number, end: number, via: number): void {
  const block = withRoom();
  block.set(block.count + pending++, role, spelling, start, end, via);
}

/** Adds a mention whose name is not its spelling's (a shared prefix or suffix added), with its registry key. */
export function addRenamed(role: number, spelling: Spelling, name: string, key: string, start: number, end: number, via: number): void {
  const block = withRoom();
  block.setRenamed(block.count + pending++, role, { spelling, name, key, keyHash: spanHash(key, 0, key.length) }, start, end, via);
}

/** The current block, with room for one more pending mention: a clause that outgrows it takes its mentions so far to a new one, of twice their number. */
function withRoom(): MentionBlock {
  if (current.count + pending === current.capacity) current = withPending(current);
  return current;
}

/** A new block holding the pending mentions of `from` at its start. */
function withPending(from: MentionBlock): MentionBlock {
  const to = new MentionBlock(Math.max(BLOCK_SIZE, pending * 2));
  for (let k = 0, j = from.count; k < pending; k++, j++) to.copy(k, from, j);
  return to;
}

/** A record that holds its mentions itself (a clause's content, a task's reading): no record of its own per clause. */
export interface MentionsSink {
  block: MentionBlock;
  first: number;
  count: number;
}

/**
 * The mentions written since startMentions(), now the block's entries: the clause's mentions, written
 * into `out` (a clause's content), not into a record made for them (one more object per task, kept
 * as long as the reading: its allocation and copying showed in the bench profile).
 */
export function commitMentions(out: MentionsSink): void {
  const count = pending;
  if (count === 0) {
    out.block = EMPTY_BLOCK;
    out.first = 0;
    out.count = 0;
    return;
  }
  pending = 0;
  const block = current;
  const first = block.count;
  block.count = first + count;
  out.block = block;
  out.first = first;
  out.count = count;
}
