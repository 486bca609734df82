import assert from 'node:assert/strict';
import { analyse } from '../../server/src/analysis';
import { corpusCases, registryFor } from '../helpers/corpus';

describe('corpus plans parse exactly as annotated', () => {
  for (const c of corpusCases()) {
    describe(c.name, () => {
      const registry = registryFor(c.expected);
      const { plan, problems } = analyse(c.text, registry);

      it('finds every task with its number, section, sub-section, line, lead and participants', () => {
        const actual = plan.tasks.map((t) => ({
          number: t.number,
          section: t.section?.numeral ?? null,
          subsection: t.subsection?.numeral ?? null,
          lead: t.lead.map((m) => m.name),
          participants: t.participants.map((m) => m.name),
          line: t.line,
        }));
        const expected = c.expected.tasks.map((t) => ({
          number: t.number,
          section: t.section,
          subsection: t.subsection,
          lead: t.lead,
          participants: t.participants,
          line: t.line,
        }));
        assert.deepEqual(actual, expected);
      });

      it('reports exactly the annotated defects, on the annotated lines', () => {
        const actual = problems.map((p) => `${p.code}@${p.span.range.start.line}`).sort();
        const expected = c.expected.defects.map((d) => `${d.kind}@${d.line}`).sort();
        assert.deepEqual(actual, expected);
      });

      it('detects the first-listed convention only where the plan declares it', () => {
        assert.equal(plan.convention !== null, c.expected.convention !== undefined);
      });
    });
  }
});
