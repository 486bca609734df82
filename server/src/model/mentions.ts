/**
 * The departments a task's clause names, kept as columns rather than a record per name.
 *
 * A long plan names tens of thousands of departments, and every reading outlives the parse that
 * made it (TaskCache). As one record per name (and a list per task) they were over half of what a
 * parsed plan held (10k-task bench plan: 3.3 of 6.3 MB), and every one of them was copied by the
 * young-generation collector before it was promoted. Here the mentions of many tasks share one
 * block: offsets and roles in typed arrays (outside the collected heap); names, keys, text as written
 * and verbs in four flat lists.
 * A reading holds its block, where its mentions start and how many there are (Mentions).
 */
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
 * distinct text): the text as written, the name it reads as, and a slot where the rules keep their
 * verdict on that name (rules/departments.ts), so a plan naming the same body 5,000 times has it
 * judged once, without a lookup by name for each mention.
 */
export interface Spelling {
  readonly written: string;
  readonly name: string;
  /** Which registry and language `verdict` is of (a number the rules give them, not the registry itself, which it would keep alive); 0: none yet. */
  judgedIn: number;
  verdict: unknown;
}

export const NO_SPELLING: Spelling = { written: '', name: '', judgedIn: 0, verdict: null };

/** Mentions of many tasks, written once (their offsets moved once, by the reading that owns them), then only read. */
export class MentionBlock {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly roles: Uint8Array;
  /** The normalised name (shared prefix or suffix expanded): what the registry is asked. */
  readonly names: string[];
  /** registryKey() of the name: what tells two names of one body apart (found once per spelling). */
  readonly keys: string[];
  /** The spelling: the text as written and what it reads as before any shared prefix or suffix. */
  readonly spellings: Spelling[];
  /** The verb or label that gave the role, if any. */
  readonly via: (string | null)[];
  /** Entries in use. */
  count = 0;

  constructor(readonly capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.roles = new Uint8Array(capacity);
    // Filled, so each list is one packed array of its final length from the start.
    this.names = new Array<string>(capacity).fill('');
    this.keys = new Array<string>(capacity).fill('');
    this.spellings = new Array<Spelling>(capacity).fill(NO_SPELLING);
    this.via = new Array<string | null>(capacity).fill(null);
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

/** Mentions per block: ~33 KB, the mentions of some 250 tasks (a reading pins at most its one block). */
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

export function addMention(role: number, spelling: Spelling, name: string, key: string, start: number, end: number, via: string | null): void {
  let block = current;
  // A clause that outgrows the block takes its mentions so far to a new one, of twice their number.
  if (block.count + pending === block.capacity) block = current = withPending(block);
  const k = block.count + pending++;
  block.starts[k] = start;
  block.ends[k] = end;
  block.roles[k] = role;
  block.names[k] = name;
  block.keys[k] = key;
  block.spellings[k] = spelling;
  block.via[k] = via;
}

/** A new block holding the pending mentions of `from` at its start. */
function withPending(from: MentionBlock): MentionBlock {
  const to = new MentionBlock(Math.max(BLOCK_SIZE, pending * 2));
  for (let k = 0, j = from.count; k < pending; k++, j++) {
    to.starts[k] = from.starts[j];
    to.ends[k] = from.ends[j];
    to.roles[k] = from.roles[j];
    to.names[k] = from.names[j];
    to.keys[k] = from.keys[j];
    to.spellings[k] = from.spellings[j];
    to.via[k] = from.via[j];
  }
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
