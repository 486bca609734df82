import assert from 'node:assert/strict';
import { GROWTH_CASES, growth } from './growth';

/**
 * The parser must cost time proportional to its input: a 1 MB line or 100k brackets pasted into the
 * editor must not freeze it. Each case parses n and k·n characters (k = 4, mostly 25k and 100k;
 * k = 16 where a fast regex hid the quadratic term at 4) and compares median CPU times: linear work
 * gives a ratio near k, quadratic work k². A ratio over 3k is measured once more before failing, so
 * one burst of load on a shared machine does not fail the build. No absolute time is asserted.
 * Each regression case was checked to fail against the parser before its fix. More cases, at larger
 * sizes, run in scripts/fuzz.
 */
describe('hostile input: the parser runs in linear time', () => {
  for (const c of GROWTH_CASES.filter((x) => x.unit)) {
    it(`parses ${c.name} in time proportional to its length`, () => {
      const n = c.unitN ?? 25_000;
      const factor = c.unitFactor ?? 4;
      let g = growth(c, n, factor);
      if (g.ratio >= 3 * factor) g = growth(c, n, factor);
      assert.ok(g.large >= 0.9 * factor * g.small, `the large input is ${factor} times the small one`);
      assert.ok(
        g.ratio < 3 * factor,
        `t(${factor}n)/t(n) = ${g.largeMs.toFixed(1)} ms / ${g.smallMs.toFixed(1)} ms = ${g.ratio.toFixed(1)} (linear ≈ ${factor}, quadratic ≈ ${factor * factor})`,
      );
    });
  }
});
