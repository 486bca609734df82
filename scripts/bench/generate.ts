/**
 * Deterministic generator of long division-of-labour plans for the benchmark. The same seed and
 * size always give the same text, so figures from two runs compare like with like.
 *
 * A plan mixes the clause forms drafters really use (paren verb clauses, label lines, inline
 * labels, 【】 labels, multi-line bodies, sub-sections, trailing deadlines) and carries a few
 * defects on purpose (unknown and outdated names, numbering gaps, missing separators), so the
 * rules have real work to do rather than a clean happy path.
 */
import { chineseNumeral } from '../../server/src/model/lexicon';

export interface NamePool {
  /** Current names the registry knows. */
  readonly active: readonly string[];
  /** Names of renamed, merged or abolished bodies. */
  readonly outdated: readonly string[];
}

export interface GeneratedPlan {
  /** The plan as a drafter types it (plain text). */
  readonly text: string;
  /** The same plan written as Markdown: ## sections, ### sub-sections, tasks as list items. */
  readonly markdown: string;
  readonly tasks: number;
  readonly sections: number;
  readonly subsections: number;
  readonly defects: { readonly unknown: number; readonly outdated: number; readonly gaps: number; readonly missingSeparator: number };
}

/** mulberry32: tiny, fast and good enough to make text look varied. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTION_TITLES = [
  '加强规划指导', '强化科技创新', '积极培育市场', '加快推进重大项目建设', '加大财税政策扶持力度', '增强金融要素支撑',
  '加强土地和环境资源保障', '推进体制机制创新', '深化数字化改革', '推动绿色低碳发展', '提升公共服务水平', '优化营商环境',
];
const SUBSECTION_TITLES = [
  '完善工作机制', '强化要素保障', '推进试点示范', '加强督促检查', '培育市场主体', '提升服务能力', '深化开放合作', '夯实基层基础',
];
const VERB_PHRASES = [
  '加快推进', '积极开展', '深入实施', '研究制定', '健全完善', '大力支持', '统筹推进', '持续深化', '加强', '组织实施', '探索建立', '全面落实',
];
const OBJECTS = [
  '战略性新兴产业发展规划', '重大科技专项', '企业研究院建设', '公共技术服务平台', '知识产权质押融资', '智慧城市建设示范试点',
  '产业集聚区提升工程', '中小企业公共服务体系', '数字经济核心产业', '绿色制造体系', '人才引进培养机制', '财政资金管理机制',
  '多层次担保体系', '统计监测和评价指标体系', '农村电子商务', '能耗在线监测', '工业互联网平台', '首台套装备推广应用',
];
const TAILS = [
  '，明确年度目标任务和责任分工', '，提高财政资金使用效率', '，形成一批可复制可推广的经验', '，力争每年提高3个百分点以上',
  '，确保各项政策落地见效', '，打造完整创新链与产业链', '，营造良好的社会氛围', '，推动产业迈向中高端',
];
const DEADLINES = ['2025年6月底前完成', '2025年12月底前完成', '长期坚持', '每年持续推进', '2026年上半年完成'];

export function generatePlan(taskCount: number, seed: number, names: NamePool): GeneratedPlan {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const defects = { unknown: 0, outdated: 0, gaps: 0, missingSeparator: 0 };

  // A misspelling that no registry holds: one character of a real name replaced.
  const misspell = (name: string): string => {
    const k = 1 + Math.floor(r() * Math.max(1, name.length - 2));
    const ch = name[k] === '心' ? '新' : '心';
    return name.slice(0, k) + ch + name.slice(k + 1);
  };
  const name = (): string => {
    if (chance(0.01)) {
      defects.unknown++;
      return misspell(pick(names.active));
    }
    if (names.outdated.length > 0 && chance(0.02)) {
      defects.outdated++;
      return pick(names.outdated);
    }
    return pick(names.active);
  };
  const nameList = (n: number): string[] => {
    const out: string[] = [];
    for (let k = 0; k < n; k++) {
      const x = name();
      if (!out.includes(x)) out.push(x);
    }
    return out;
  };
  const body = (): string => {
    const parts = 1 + Math.floor(r() * 3);
    let s = '';
    for (let k = 0; k < parts; k++) s += pick(VERB_PHRASES) + pick(OBJECTS) + pick(TAILS) + '。';
    return s;
  };

  // Compiled plans restart numbering in each section; 99 sections keep numerals short (九十九).
  const sectionCount = Math.max(4, Math.min(99, Math.round(taskCount / 60)));
  const perSection = Math.ceil(taskCount / sectionCount);
  const txt: string[] = ['关于加快培育发展战略性新兴产业重点工作分工方案（基准测试）', '', '为贯彻落实有关部署，现将重点工作任务分解如下。', ''];
  const md: string[] = ['# 关于加快培育发展战略性新兴产业重点工作分工方案（基准测试）', '', '为贯彻落实有关部署，现将重点工作任务分解如下。', ''];
  let emitted = 0;
  let sections = 0;
  let subsections = 0;

  for (let s = 1; emitted < taskCount; s++) {
    sections++;
    const title = `${chineseNumeral(s)}、${pick(SECTION_TITLES)}`;
    txt.push(title);
    md.push(`## ${title}`, '');
    const inSection = Math.min(perSection, taskCount - emitted);
    // Sections of more than 30 tasks are split into sub-sections of 20–40.
    const subSizes: number[] = [];
    if (inSection > 30) {
      let left = inSection;
      while (left > 0) {
        const size = Math.min(left, 20 + Math.floor(r() * 21));
        subSizes.push(size);
        left -= size;
      }
    } else subSizes.push(inSection);
    let number = 0;
    subSizes.forEach((size, k) => {
      if (subSizes.length > 1) {
        subsections++;
        const sub = `（${chineseNumeral(k + 1)}）${pick(SUBSECTION_TITLES)}`;
        txt.push(sub);
        md.push(`### ${sub}`, '');
      }
      for (let i = 0; i < size; i++) {
        // A gap now and then, never on a section's first task (that would read as no restart).
        if (number > 0 && chance(0.003)) {
          number++;
          defects.gaps++;
        }
        number++;
        emitted++;
        const noSep = number > 1 && chance(0.01);
        if (noSep) defects.missingSeparator++;
        const sep = noSep ? ' ' : pick(['.', '.', '.', '、', '．']);
        const { lines, markdownLines } = task(number, sep);
        txt.push(...lines);
        md.push(...markdownLines);
      }
      md.push('');
    });
  }

  function task(number: number, sep: string): { lines: string[]; markdownLines: string[] } {
    const lead = nameList(1 + (chance(0.2) ? 1 : 0));
    const parts = nameList(Math.floor(r() * 6));
    const deadline = chance(0.15) ? `(${pick(DEADLINES)})` : '';
    const text = body();
    const form = r();
    const head = `${number}${sep}`;
    const list = (xs: string[]) => xs.join('、');
    const lines: string[] = [];
    const tail: string[] = [];
    if (form < 0.45) {
      const wide = chance(0.5);
      const [o, c, comma] = wide ? ['（', '）', '，'] : ['(', ')', ','];
      const clause = parts.length ? `${o}${list(lead)}牵头${comma}${list(parts)}参加${c}` : `${o}${list(lead)}负责${c}`;
      lines.push(head + text + clause + deadline);
    } else if (form < 0.6) {
      // The body runs over two lines; the clause ends the second.
      const cut = Math.max(1, text.indexOf('。') + 1);
      lines.push(head + text.slice(0, cut), '  ' + (text.slice(cut) || '确保按期完成。') + `（${list(lead)}牵头，${list(parts.length ? parts : nameList(1))}配合）`);
    } else if (form < 0.8) {
      lines.push(head + text + deadline);
      tail.push(`牵头单位：${list(lead)}`);
      if (parts.length) tail.push(`责任单位：${list(parts)}`);
    } else if (form < 0.92) {
      lines.push(head + text + `牵头单位：${list(lead)}` + (parts.length ? `；责任单位：${list(parts)}` : ''));
    } else if (form < 0.98) {
      lines.push(head + text + `【牵头单位：${list(lead)}` + (parts.length ? `；配合单位：${list(parts)}` : '') + '】');
    } else {
      // No lead: only participants named.
      lines.push(head + text + `（${list(parts.length ? parts : lead)}参加）`);
    }
    const markdownLines = [...lines, ...tail].map((l, k) => (k === 0 ? l.replace(/^(\d+)(?:[.、．]|\s)/, '$1. ') : '   ' + l.trimStart()));
    return { lines: [...lines, ...tail], markdownLines };
  }

  return { text: txt.join('\n') + '\n', markdown: md.join('\n') + '\n', tasks: emitted, sections, subsections, defects };
}
