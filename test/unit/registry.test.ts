import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse } from '../../server/src/analysis';
import { createDefaultRegistry } from '../../server/src/registry/defaults';
import { charSignature, distanceAtLeast, editDistance } from '../../server/src/registry/registry';

/** The textbook restricted Damerau-Levenshtein distance, written plainly, to check the fast one against. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('registry: edit distance for suggestions', () => {
  it('knows the usual cases', () => {
    assert.equal(editDistance('省科技厅', '省科技厅'), 0);
    assert.equal(editDistance('省科心厅', '省科技厅'), 1);
    assert.equal(editDistance('省技科厅', '省科技厅'), 1, 'two neighbours swapped count once');
    assert.equal(editDistance('省科技厅', '省财政厅'), 2);
    assert.equal(editDistance('', '省科技厅'), 4);
    assert.equal(editDistance('省科技厅', '省科技厅国', 0), 1, 'past the limit it answers limit + 1');
  });

  it('equals the textbook distance on any pair of names, within any limit', () => {
    const name = fc.array(fc.constantFrom('省', '市', '科', '技', '厅', '财', '政', '局', '委', '心', 'a', '𠀋'), { maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(name, name, fc.integer({ min: 0, max: 5 }), (a, b, limit) => {
        const exact = reference(a, b);
        assert.equal(editDistance(a, b), exact);
        // With a limit, the answer is exact up to the limit and "more than the limit" beyond it.
        const limited = editDistance(a, b, limit);
        if (exact <= limit) assert.equal(limited, exact);
        else assert.ok(limited > limit);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('registry: suggestions skip names that cannot be near', () => {
  const name = fc.array(fc.constantFrom('省', '市', '科', '技', '厅', '财', '政', '局', '委', '心', 'a', 'b', '𠀋', '卫', '生'), { maxLength: 14 }).map((cs) => cs.join(''));

  it('the bound from two signatures never exceeds the distance', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        assert.ok(distanceAtLeast(charSignature(a), charSignature(b)) <= reference(a, b), `${a} / ${b}`);
      }),
      { numRuns: 2000, seed: 11 },
    );
    // And it does skip: three characters the other name lacks are three edits at least.
    assert.equal(distanceAtLeast(charSignature('省药心局'), charSignature('省财政厅')), 3);
    assert.equal(distanceAtLeast(charSignature('省科技厅'), charSignature('省技科厅')), 0);
  });

  it('every known name within the limit is still suggested for a misspelling', () => {
    const registry = createDefaultRegistry();
    const known = [...registry.keys()].map(([k]) => k);
    // Misspellings of known names: one character replaced, dropped, doubled, or two neighbours swapped.
    const misspelt = fc.tuple(fc.constantFrom(...known), fc.nat(), fc.constantFrom('replace', 'drop', 'double', 'swap'), fc.constantFrom('心', '省', '局', '委', 'x')).map(([n, at, how, ch]) => {
      const i = at % n.length;
      if (how === 'replace') return n.slice(0, i) + ch + n.slice(i + 1);
      if (how === 'drop') return n.slice(0, i) + n.slice(i + 1);
      if (how === 'double') return n.slice(0, i + 1) + n.slice(i);
      return i + 1 < n.length ? n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2) : n + ch;
    });
    fc.assert(
      fc.property(misspelt, (typo) => {
        if (registry.lookup(typo)) return;
        const limit = Math.max(1, Math.min(3, Math.floor(typo.length / 3)));
        const near = known.filter((k) => k !== typo && reference(typo, k) <= limit);
        const suggested = new Set(registry.suggest(typo, Infinity));
        for (const k of near) assert.ok(suggested.has(k), `${typo}: ${k} (distance ${reference(typo, k)}) is missing`);
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});

describe('default registry: collectives as plans write them', () => {
  it('knows the provincial governments written 各省级人民政府 or in full', () => {
    const registry = createDefaultRegistry();
    for (const written of ['各省级人民政府', '各省级政府', '各省、自治区、直辖市人民政府', '各地区']) {
      assert.equal(registry.lookup(written)?.department.name, '各省（自治区、直辖市）人民政府', written);
    }
  });

  it('knows the general collectives clauses name (各地各部门, 各有关单位, 有关部门 …), each as written, no alias warning', () => {
    const text = '1.甲。（省科技厅牵头，各地各有关部门、各相关单位、有关部门参加）\n2.乙。（各地区各部门负责）\n3.丙。（省财政厅牵头，相关部门、各有关单位配合）\n';
    const { plan, problems } = analyse(text, createDefaultRegistry());
    assert.deepEqual(plan.tasks.map((t) => t.mentions.length), [4, 1, 3]);
    assert.deepEqual(problems, []);
  });
});
