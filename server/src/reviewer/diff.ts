/**
 * Compares two drafts of a plan task by task. Tasks are matched by what they say, not by their
 * number (a removed task renumbers everything after it): identical text first, then the most
 * similar text above a threshold. For each match it reports renumbering, moves, rewording and
 * the departments gained or lost; a department renamed throughout (省环保厅 → 省生态环境厅) is
 * reported once as a rename, not as one loss and one gain per task.
 */
import type { Locale } from '../messages';
import type { Plan } from '../model/types';
import type { Registry } from '../registry/registry';
import { bodyOf } from './identity';
import { taskBody, taskKeys } from './matrix';
import { joinNames, r } from './strings';

export interface DiffTask {
  readonly key: string;
  readonly number: string;
  readonly section: string | null;
  readonly sectionTitle: string | null;
  readonly line: number;
  readonly text: string;
  readonly lead: readonly string[];
  readonly participants: readonly string[];
}

export interface TaskChange {
  readonly old: DiffTask;
  readonly new: DiffTask;
  /** 0–1, on the tasks' words with spaces and punctuation ignored. */
  readonly similarity: number;
  readonly renumbered: boolean;
  /** Into another section, or out of order relative to the tasks around it. */
  readonly moved: boolean;
  readonly reworded: boolean;
  readonly leadGained: readonly string[];
  readonly leadLost: readonly string[];
  readonly participantGained: readonly string[];
  readonly participantLost: readonly string[];
  /** Names changed to another name of the same body (or renamed throughout the plan) in this task. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

/** A task reference in the per-department view: its key in the old and/or new draft. */
export interface TaskRef {
  readonly old: string | null;
  readonly new: string | null;
}

export interface DepartmentChange {
  readonly name: string;
  readonly leadGained: readonly TaskRef[];
  readonly leadLost: readonly TaskRef[];
  readonly participantGained: readonly TaskRef[];
  readonly participantLost: readonly TaskRef[];
}

export interface PlanDiff {
  readonly old: { readonly title: string | null; readonly tasks: number };
  readonly new: { readonly title: string | null; readonly tasks: number };
  readonly added: readonly DiffTask[];
  readonly removed: readonly DiffTask[];
  /** Matched tasks with any change; unchanged matches are only counted. */
  readonly changed: readonly TaskChange[];
  readonly unchanged: number;
  /** Names replaced throughout: from → to, with the (new) keys of the tasks concerned. */
  readonly renamed: readonly { readonly from: string; readonly to: string; readonly tasks: readonly string[] }[];
  readonly departments: readonly DepartmentChange[];
}

/** Below this similarity two tasks are a removal and an addition, not a rewording. */
const THRESHOLD = 0.5;

interface Side {
  readonly infos: DiffTask[];
  readonly norm: string[];
}

export function diffPlans(oldPlan: Plan, newPlan: Plan, registry: Registry): PlanDiff {
  const a = side(oldPlan);
  const b = side(newPlan);
  const pairs = match(a, b, THRESHOLD);
  const inOrder = longestIncreasing(pairs.map((p) => p.j));
  const oldNames = namesOf(a.infos);
  const newNames = namesOf(b.infos);
  const renames = globalRenames(pairs, a, b, oldNames, newNames, registry);

  const changed: TaskChange[] = [];
  let unchanged = 0;
  const renamedTasks = new Map<string, string[]>();
  const dept = new Departments();
  for (const [k, p] of pairs.entries()) {
    const o = a.infos[p.i];
    const n = b.infos[p.j];
    const roleDiff = (before: readonly string[], after: readonly string[]) => {
      const lost = before.filter((x) => !after.includes(x));
      const gained = after.filter((x) => !before.includes(x));
      const renamed: { from: string; to: string }[] = [];
      for (const from of [...lost]) {
        const to = gained.find((g) => renames.get(from) === g || bodyOf(from, registry) === bodyOf(g, registry));
        if (to === undefined) continue;
        renamed.push({ from, to });
        lost.splice(lost.indexOf(from), 1);
        gained.splice(gained.indexOf(to), 1);
      }
      return { lost, gained, renamed };
    };
    const lead = roleDiff(o.lead, n.lead);
    const part = roleDiff(o.participants, n.participants);
    const renamed = [...lead.renamed, ...part.renamed];
    for (const x of renamed) {
      const list = renamedTasks.get(`${x.from}\u0000${x.to}`) ?? [];
      list.push(n.key);
      renamedTasks.set(`${x.from}\u0000${x.to}`, list);
    }
    const change: TaskChange = {
      old: o,
      new: n,
      similarity: p.similarity,
      renumbered: o.key !== n.key,
      moved: !inOrder.has(k) || o.sectionTitle !== n.sectionTitle,
      reworded: a.norm[p.i] !== b.norm[p.j],
      leadGained: lead.gained,
      leadLost: lead.lost,
      participantGained: part.gained,
      participantLost: part.lost,
      renamed,
    };
    const ref = { old: o.key, new: n.key };
    for (const x of lead.gained) dept.add(x, 'leadGained', ref);
    for (const x of lead.lost) dept.add(x, 'leadLost', ref);
    for (const x of part.gained) dept.add(x, 'participantGained', ref);
    for (const x of part.lost) dept.add(x, 'participantLost', ref);
    const any = change.renumbered || change.moved || change.reworded || renamed.length > 0 || lead.gained.length + lead.lost.length + part.gained.length + part.lost.length > 0;
    if (any) changed.push(change);
    else unchanged++;
  }
  const matchedOld = new Set(pairs.map((p) => p.i));
  const matchedNew = new Set(pairs.map((p) => p.j));
  const removed = a.infos.filter((_, i) => !matchedOld.has(i));
  const added = b.infos.filter((_, j) => !matchedNew.has(j));
  for (const t of added) {
    for (const x of t.lead) dept.add(x, 'leadGained', { old: null, new: t.key });
    for (const x of t.participants) dept.add(x, 'participantGained', { old: null, new: t.key });
  }
  for (const t of removed) {
    for (const x of t.lead) dept.add(x, 'leadLost', { old: t.key, new: null });
    for (const x of t.participants) dept.add(x, 'participantLost', { old: t.key, new: null });
  }
  // New drafts' tasks are in document order, one per line: order by line, not by searching the list.
  changed.sort((x, y) => x.new.line - y.new.line);
  const order = [...newNames, ...oldNames];
  return {
    old: { title: oldPlan.title?.text ?? null, tasks: a.infos.length },
    new: { title: newPlan.title?.text ?? null, tasks: b.infos.length },
    added,
    removed,
    changed,
    unchanged,
    renamed: [...renamedTasks].map(([k, tasks]) => {
      const [from, to] = k.split('\u0000');
      return { from, to, tasks };
    }),
    departments: dept.list(order),
  };
}

function side(plan: Plan): Side {
  const keys = taskKeys(plan);
  const infos = plan.tasks.map((t, i) => ({
    key: keys[i],
    number: t.number,
    section: t.section?.numeral ?? null,
    sectionTitle: t.section?.title ?? null,
    line: t.line,
    text: taskBody(plan, t),
    lead: [...new Set(t.lead.map((m) => m.name))],
    participants: [...new Set(t.participants.map((m) => m.name))].filter((x) => !t.lead.some((m) => m.name === x)),
  }));
  return { infos, norm: infos.map((t) => normalise(t.text)) };
}

/** Words only: spaces, punctuation and symbols say nothing about which task this is. */
export function normalise(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Dice coefficient on character bigrams (single characters for one-character texts). */
export function similarity(x: string, y: string): number {
  if (x === y) return 1;
  const grams = (s: string) => {
    const cs = [...s];
    const m = new Map<string, number>();
    const list = cs.length < 2 ? cs : cs.slice(1).map((c, i) => cs[i] + c);
    for (const g of list) m.set(g, (m.get(g) ?? 0) + 1);
    return { m, n: list.length };
  };
  const gx = grams(x);
  const gy = grams(y);
  if (gx.n + gy.n === 0) return 0;
  let common = 0;
  for (const [g, c] of gx.m) common += Math.min(c, gy.m.get(g) ?? 0);
  return (2 * common) / (gx.n + gy.n);
}

interface Pair {
  readonly i: number;
  readonly j: number;
  readonly similarity: number;
}

function match(a: Side, b: Side, threshold: number): Pair[] {
  const pairs: Pair[] = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const byText = new Map<string, number[]>();
  a.norm.forEach((t, i) => {
    const list = byText.get(t);
    if (list) list.push(i);
    else byText.set(t, [i]);
  });
  b.norm.forEach((t, j) => {
    const candidates = (byText.get(t) ?? []).filter((i) => !usedA.has(i));
    if (!t || candidates.length === 0) return;
    // Among identical texts, the one with the same number is the likeliest counterpart.
    const i = candidates.find((c) => a.infos[c].key === b.infos[j].key) ?? candidates[0];
    usedA.add(i);
    usedB.add(j);
    pairs.push({ i, j, similarity: 1 });
  });
  const candidates: (Pair & { distance: number })[] = [];
  for (let i = 0; i < a.norm.length; i++) {
    if (usedA.has(i)) continue;
    for (let j = 0; j < b.norm.length; j++) {
      if (usedB.has(j)) continue;
      const s = similarity(a.norm[i], b.norm[j]);
      if (s >= threshold) candidates.push({ i, j, similarity: s, distance: Math.abs(i / a.norm.length - j / b.norm.length) });
    }
  }
  candidates.sort((x, y) => y.similarity - x.similarity || x.distance - y.distance);
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    pairs.push({ i: c.i, j: c.j, similarity: c.similarity });
  }
  return pairs.sort((x, y) => x.i - y.i);
}

/** Indexes (into `xs`) of one longest strictly increasing subsequence: the tasks that kept their order. */
function longestIncreasing(xs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(xs.length).fill(-1);
  for (let k = 0; k < xs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]] < xs[k]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1];
    tails[lo] = k;
  }
  const out = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.add(k);
  return out;
}

function namesOf(tasks: readonly DiffTask[]): string[] {
  return [...new Set(tasks.flatMap((t) => [...t.lead, ...t.participants]))];
}

/**
 * A name that disappears from the plan while, in every matched task that had it, one new name
 * takes its place in the same role. Two bodies the registry knows as different are never a
 * rename, and one task alone is too little evidence when the registry knows neither.
 */
function globalRenames(pairs: readonly Pair[], a: Side, b: Side, oldNames: readonly string[], newNames: readonly string[], registry: Registry): Map<string, string> {
  const out = new Map<string, string>();
  const gone = oldNames.filter((x) => !newNames.includes(x));
  const fresh = new Set(newNames.filter((x) => !oldNames.includes(x)));
  for (const from of gone) {
    let to: string | null | undefined;
    let count = 0;
    for (const p of pairs) {
      const o = a.infos[p.i];
      const n = b.infos[p.j];
      const role = o.lead.includes(from) ? 'lead' : o.participants.includes(from) ? 'participants' : null;
      if (!role) continue;
      const gained = n[role].filter((x) => fresh.has(x) && !o[role].includes(x));
      const candidate = gained.length === 1 ? gained[0] : null;
      to = to === undefined ? candidate : to === candidate ? to : null;
      count++;
    }
    if (!to) continue;
    const known = registry.lookup(from) !== undefined && registry.lookup(to) !== undefined;
    if (known && bodyOf(from, registry) !== bodyOf(to, registry)) continue;
    if (!known && count < 2) continue;
    out.set(from, to);
  }
  return out;
}

type Bucket = 'leadGained' | 'leadLost' | 'participantGained' | 'participantLost';

class Departments {
  private readonly map = new Map<string, Record<Bucket, TaskRef[]>>();
  add(name: string, bucket: Bucket, ref: TaskRef): void {
    let d = this.map.get(name);
    if (!d) {
      d = { leadGained: [], leadLost: [], participantGained: [], participantLost: [] };
      this.map.set(name, d);
    }
    d[bucket].push(ref);
  }
  list(order: readonly string[]): DepartmentChange[] {
    const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length);
    return [...this.map].sort((x, y) => rank(x[0]) - rank(y[0])).map(([name, d]) => ({ name, ...d }));
  }
}

const SAMPLE = 40;

function excerpt(text: string): string {
  const cs = [...text];
  return cs.length > SAMPLE ? cs.slice(0, SAMPLE).join('') + '…' : text;
}

/** The diff for people, in the user's language: a summary line, then each change. */
export function formatDiffText(diff: PlanDiff, locale: Locale = 'zh-cn'): string[] {
  const out: string[] = [];
  const count = (f: (c: TaskChange) => boolean) => diff.changed.filter(f).length;
  const roles = (c: TaskChange) => c.leadGained.length + c.leadLost.length + c.participantGained.length + c.participantLost.length > 0;
  out.push(
    r(
      'diffHead',
      locale,
      diff.old.tasks,
      diff.new.tasks,
      diff.added.length,
      diff.removed.length,
      count((c) => c.moved),
      count((c) => c.renumbered && !c.moved),
      count((c) => c.reworded),
      count(roles),
    ),
  );
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
    out.push(r('diffNoChange', locale));
    return out;
  }
  out.push('');
  for (const t of diff.removed) out.push(`- ${r('diffRemoved', locale, t.key, excerpt(t.text))}`);
  for (const t of diff.added) out.push(`+ ${r('diffAdded', locale, t.key, excerpt(t.text))}`);
  for (const x of diff.renamed) out.push(`~ ${r('diffRenamed', locale, x.from, x.to, x.tasks.length)}`);
  const sectionName = (t: DiffTask) => (t.section ? r('diffSection', locale, t.section) : r('diffSectionNone', locale));
  for (const c of diff.changed) {
    if (c.moved) out.push(`~ ${r('diffMoved', locale, c.old.key, c.new.key, sectionName(c.new), excerpt(c.new.text))}`);
    else if (c.renumbered) out.push(`~ ${r('diffRenumbered', locale, c.old.key, c.new.key, excerpt(c.new.text))}`);
    if (c.reworded) out.push(`~ ${r('diffReworded', locale, c.new.key, Math.round(c.similarity * 100), excerpt(c.new.text))}`);
    if (roles(c)) {
      const parts = [
        ...c.leadGained.map((x) => r('plusLead', locale, x)),
        ...c.leadLost.map((x) => r('minusLead', locale, x)),
        ...c.participantGained.map((x) => r('plusJoin', locale, x)),
        ...c.participantLost.map((x) => r('minusJoin', locale, x)),
      ];
      out.push(`~ ${r('diffRoles', locale, c.new.key, parts.join(locale === 'zh-cn' ? '；' : '; '))}`);
    }
  }
  if (diff.departments.length) {
    out.push('', r('diffPerDepartment', locale));
    const refs = (xs: readonly TaskRef[]) => joinNames(xs.map((x) => x.new ?? r('oldKey', locale, x.old ?? '')), locale);
    for (const d of diff.departments) {
      const parts: string[] = [];
      if (d.leadGained.length) parts.push(r('gainedLead', locale, refs(d.leadGained)));
      if (d.leadLost.length) parts.push(r('lostLead', locale, refs(d.leadLost)));
      if (d.participantGained.length) parts.push(r('gainedJoin', locale, refs(d.participantGained)));
      if (d.participantLost.length) parts.push(r('lostJoin', locale, refs(d.participantLost)));
      out.push(`  ${d.name}${locale === 'zh-cn' ? '：' : ': '}${parts.join(locale === 'zh-cn' ? '；' : '; ')}`);
    }
  }
  return out;
}
