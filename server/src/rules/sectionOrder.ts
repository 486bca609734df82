import { chineseNumeral } from '../model/lexicon';
import { t } from '../messages';
import { planColumns } from '../model/parser';
import type { Heading } from '../model/types';
import type { Rule } from './types';

/** 一、二、四: sections (and sub-sections within a section) numbered out of order. */
export const sectionOrder: Rule = (ctx) => {
  const check = (headings: readonly Heading[]) => {
    let expected = 1;
    for (const h of headings) {
      if (h.value !== expected) {
        ctx.report(
          'section-order',
          h.numeralSpan,
          t('section-order', ctx.locale, { kind: t(`kind.${h.kind}`, ctx.locale), expected: chineseNumeral(expected), found: h.numeral }),
        );
      }
      expected = h.value + 1;
    }
  };
  // The headings as parsed: plan.sections would make every task first, to fill the headings' lists.
  const { sections, subsections } = planColumns(ctx.plan).headings;
  check(sections);
  for (const s of sections) check(s.subsections);
  check(subsections.filter((s) => !s.section));
};
