/** The comparison as CSV (a row a group) and as a table for a person, zh or en: the JSON's numbers. */
import { stringify } from 'csv-stringify/sync';
import Table from 'cli-table3';
import type { CompareReport, GroupJson } from './report.js';

type Lang = 'zh' | 'en';

const COLUMNS = [
  'group',
  'key',
  'households_compared',
  'gaining',
  'losing',
  'unchanged',
  'not_compared',
  'baseline',
  'reform',
  'difference',
  'not_configured_baseline',
  'not_configured_reform',
  'undetermined_baseline',
  'undetermined_reform',
  'partial',
  'weight',
  'weighted_baseline',
  'weighted_reform',
  'weighted_difference',
  'weighted_gaining',
  'weighted_losing',
  'weighted_unchanged',
];

function cells(group: GroupJson | null): (string | number)[] {
  if (!group) return Array<string>(COLUMNS.length - 2).fill('');
  const h = group.households;
  const w = group.weighted;
  return [
    h.compared,
    h.gaining,
    h.losing,
    h.unchanged,
    h.notCompared,
    group.totals.baseline,
    group.totals.reform,
    group.totals.difference,
    group.notCompared.notConfigured.baseline,
    group.notCompared.notConfigured.reform,
    group.notCompared.undetermined.baseline,
    group.notCompared.undetermined.reform,
    group.partial,
    ...(w ? [w.weight, w.totals.baseline, w.totals.reform, w.totals.difference, w.households.gaining, w.households.losing, w.households.unchanged] : Array<string>(7).fill('')),
  ];
}

/** Every group of the report in order: all, programmes, jurisdictions, deciles (an empty one has empty cells). */
function rows(report: CompareReport): [string, string, GroupJson | null][] {
  return [
    ['all', '', report],
    ...Object.entries(report.programmes).map(([id, g]): [string, string, GroupJson] => ['programme', id, g]),
    ...Object.entries(report.jurisdictions).map(([id, g]): [string, string, GroupJson] => ['jurisdiction', id, g]),
    ...report.deciles.map((g, k): [string, string, GroupJson | null] => ['decile', String(k + 1), g]),
  ];
}

export function compareCsv(report: CompareReport): string {
  return stringify([COLUMNS, ...rows(report).map(([group, key, g]) => [group, key, ...cells(g)])]);
}

const WORDS = {
  en: {
    title: (name: string) => `Reform "${name}" against the baseline`,
    head: ['group', 'compared', 'gaining', 'losing', 'unchanged', 'not compared', 'baseline / month', 'reform / month', 'difference'],
    all: 'all households',
    decile: (k: string) => `decile ${k}`,
    empty: '(empty: no household ranks here; ties are never split)',
    records: (r: CompareReport) =>
      `${r.records} records: ${r.results} evaluated on both sides, ${r.errors.records} with errors${r.errors.lines.length ? ` (first lines ${r.errors.lines.join(', ')})` : ''}; ${r.unranked} not ranked by income`,
    note: 'Not compared: an amount not known (a rule not configured, or a decision not made) on one side; never counted as zero.',
  },
  zh: {
    title: (name: string) => `改革方案“${name}”与现行规则对比`,
    head: ['分组', '可比户数', '增加', '减少', '不变', '不可比', '现行 元/月', '改革 元/月', '差额'],
    all: '全部家庭',
    decile: (k: string) => `第${k}十分位`,
    empty: '（空：无家庭排在此组；同收入家庭不拆分）',
    records: (r: CompareReport) =>
      `共 ${r.records} 条记录：两侧均有结果 ${r.results} 户，出错 ${r.errors.records} 条${r.errors.lines.length ? `（首批行号 ${r.errors.lines.join('、')}）` : ''}；未按收入排序 ${r.unranked} 户`,
    note: '不可比：一侧金额未知（规则未配置或无法判定），从不按零计算。',
  },
} as const;

export function compareSummary(report: CompareReport, lang: Lang, names: (programme: string) => string): string {
  const w = WORDS[lang];
  const table = new Table({ style: { head: [], border: [] }, head: [...w.head] });
  for (const [group, key, g] of rows(report)) {
    const label = group === 'all' ? w.all : group === 'programme' ? names(key) : group === 'decile' ? w.decile(key) : key;
    if (!g) {
      table.push([label, { colSpan: w.head.length - 1, content: w.empty }]);
      continue;
    }
    const h = g.households;
    table.push([label, h.compared, h.gaining, h.losing, h.unchanged, h.notCompared, g.totals.baseline, g.totals.reform, g.totals.difference]);
  }
  return `${w.title(report.reform.name)}${report.month ? ` — ${report.month}` : ''}\n${w.records(report)}\n${table.toString()}\n${w.note}`;
}
