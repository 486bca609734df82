import { chineseNumeral } from '../model/lexicon';
import { t } from '../messages';
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
  check(ctx.plan.sections);
  for (const s of ctx.plan.sections) check(s.subsections);
  check(ctx.plan.subsections.filter((s) => !s.section));
};
